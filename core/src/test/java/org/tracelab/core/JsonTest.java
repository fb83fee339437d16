package org.tracelab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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

    /**
     * The canonical writer sorts names itself; the mapper's sorted writer, which wrote the chain's texts before, must
     * give the same text for any tree: every kind of node, any names (order by code unit, not code point, as a
     * TreeMap of the names), at any depth.
     */
    @Test
    void canonicalFormIsTheMappersSortedText() throws JsonProcessingException {
        ObjectMapper sorted = Json.MAPPER.copy().configure(JsonNodeFeature.WRITE_PROPERTIES_SORTED, true);
        Random r = new Random(20261207);
        for (int i = 0; i < 3000; i++) {
            JsonNode tree = randomNode(r, 0);
            assertEquals(sorted.writeValueAsString(tree), Json.canonical(tree), "tree " + i);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("z", List.of(1, 2L, 3.5, "x", Map.of("b", true, "a", BigDecimal.valueOf(12, 3))));
        values.put("\uD83D\uDE00", new byte[] {1, 2, 3});
        values.put("\uFFFD", null);
        assertEquals(sorted.writeValueAsString(Json.MAPPER.valueToTree(values)), Json.canonical(values));
    }

    private static JsonNode randomNode(Random r, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        int kind = r.nextInt(depth > 3 ? 11 : 13);
        return switch (kind) {
            case 0 -> f.textNode(randomText(r));
            case 1 -> f.numberNode(r.nextInt());
            case 2 -> f.numberNode(r.nextLong());
            case 3 -> f.numberNode(r.nextDouble() * 1e6 - 5e5);
            case 4 -> f.numberNode((float) r.nextGaussian());
            case 5 -> f.numberNode(BigInteger.valueOf(r.nextLong()).shiftLeft(r.nextInt(80)));
            case 6 -> f.numberNode(BigDecimal.valueOf(r.nextLong(), r.nextInt(12) - 4));
            case 7 -> f.booleanNode(r.nextBoolean());
            case 8 -> f.nullNode();
            case 9 -> f.binaryNode(randomText(r).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            case 10 -> f.numberNode((short) r.nextInt());
            case 11 -> {
                ArrayNode a = f.arrayNode();
                for (int k = r.nextInt(4); k > 0; k--) {
                    a.add(randomNode(r, depth + 1));
                }
                yield a;
            }
            default -> {
                ObjectNode o = f.objectNode();
                for (int k = r.nextInt(6); k > 0; k--) {
                    o.set(randomText(r), randomNode(r, depth + 1));
                }
                yield o;
            }
        };
    }

    private static String randomText(Random r) {
        String alphabet = "aZz09 \"\\/\n\t\u0000\u001f\u007fъЎўқғҳ'é€\uFFFD\uD83D\uDE00\uD800";
        StringBuilder b = new StringBuilder();
        for (int n = r.nextInt(6); n > 0; n--) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
