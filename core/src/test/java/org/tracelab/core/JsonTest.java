package org.tracelab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void canonicalFormSortsKeysAtEveryDepthWhateverTheInsertionOrder() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("b", 1);
        a.put("a", Map.of("z", true, "y", List.of(Map.of("d", 1, "c", 2))));
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("a", Map.of("y", List.of(Map.of("c", 2, "d", 1)), "z", true));
        b.put("b", 1);
        assertEquals("{\"a\":{\"y\":[{\"c\":2,\"d\":1}],\"z\":true},\"b\":1}", Json.canonical(a));
        assertEquals(Json.canonical(a), Json.canonical(b));
    }

    @Test
    void canonicalFormSortsTheKeysOfTreesBuiltOutOfOrder() {
        ObjectNode inner = JsonNodeFactory.instance.objectNode();
        inner.put("z", 1);
        inner.put("é", 2);
        inner.put("Z", 3);
        ObjectNode outer = JsonNodeFactory.instance.objectNode();
        outer.set("list", JsonNodeFactory.instance.arrayNode().add(inner).add("b").add("a"));
        outer.put("b", "x");
        outer.set("a", inner.deepCopy());
        assertEquals("{\"a\":{\"Z\":3,\"z\":1,\"é\":2},\"b\":\"x\",\"list\":[{\"Z\":3,\"z\":1,\"é\":2},\"b\",\"a\"]}",
                Json.canonical(outer), "keys sorted at every depth, array order kept");
    }

    @Test
    void canonicalFormSurvivesARoundTripThroughText() {
        String text = Json.canonical(Map.of("source", "/tmp/new\nline.txt", "size", 12, "ok", false));
        assertEquals(text, Json.canonical(Json.parse(text)));
    }
}
