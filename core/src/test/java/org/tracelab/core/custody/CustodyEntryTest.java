package org.tracelab.core.custody;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tracelab.core.Json;
import org.tracelab.core.Timestamps;

/** The text a custody entry's hash covers must never change: cases made by every earlier version must verify. */
class CustodyEntryTest {
    private static final Instant AT = Instant.parse("2026-11-23T05:30:00.123Z");

    /** Computed with the tree-sorting implementation of sessions 1-4; a changed format changes this hash. */
    @Test
    void aKnownEntryHashesAsItAlwaysHas() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("source", "http://127.0.0.1:8080/e'lon?id=7&q=ish \"taklifi\"");
        params.put("collector", "page");
        params.put("size", 1234);
        params.put("note", "Работа за границей — fictitious\n\tline two \u0001 \uD83D\uDE00");
        params.put("nested", Map.of("b", List.of(1, "x", Map.of()), "a", true));
        String json = CustodyEntry.canonicalJson(7, AT, "Examiner (fictitious)", "capture", 42L, "tracelab 0.1.0",
                Json.tree(params));
        assertEquals("{\"action\":\"capture\",\"at\":\"2026-11-23T05:30:00.123Z\",\"examiner\":\"Examiner (fictitious)\","
                + "\"item\":42,\"params\":{\"collector\":\"page\",\"nested\":{\"a\":true,\"b\":[1,\"x\",{}]},"
                + "\"note\":\"Работа за границей — fictitious\\n\\tline two \\u0001 \uD83D\uDE00\",\"size\":1234,"
                + "\"source\":\"http://127.0.0.1:8080/e'lon?id=7&q=ish \\\"taklifi\\\"\"},\"seq\":7,"
                + "\"tool\":\"tracelab 0.1.0\"}", json);
        assertEquals("9f17ba3c9e2f8cc079637296ecc6a82be236495dd000d7f572c5d3dc59cb2e24", CustodyEntry.chainHash(CustodyEntry.GENESIS, json));
    }

    /** The entry's text is the canonical JSON of the whole entry as a tree, whatever the params hold. */
    @Test
    void entryTextIsTheCanonicalJsonOfTheEntry() {
        Random r = new Random(20261123);
        for (int i = 0; i < 500; i++) {
            Map<String, Object> params = new LinkedHashMap<>();
            int n = r.nextInt(6);
            for (int k = 0; k < n; k++) {
                params.put(text(r), r.nextBoolean() ? text(r) : r.nextBoolean() ? r.nextLong() : List.of(text(r)));
            }
            Long item = r.nextBoolean() ? null : (long) r.nextInt(1_000_000);
            String examiner = text(r);
            String action = text(r);
            String tool = text(r);
            JsonNode p = Json.tree(params);
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("tool", tool);
            o.put("seq", i + 1L);
            o.set("params", p);
            if (item == null) {
                o.putNull("item");
            } else {
                o.put("item", item);
            }
            o.put("examiner", examiner);
            o.put("at", Timestamps.format(AT));
            o.put("action", action);
            assertEquals(Json.canonical(o), CustodyEntry.canonicalJson(i + 1L, AT, examiner, action, item, tool, p),
                    "entry " + i);
        }
    }

    @Test
    void anEntryMadeByTheLogHoldsItsHash() {
        CustodyEntry e = new CustodyEntry(1, AT, "x", "case.init", null, "t", Json.tree(Map.of("k", "v")),
                CustodyEntry.GENESIS, CustodyEntry.chainHash(CustodyEntry.GENESIS,
                        CustodyEntry.canonicalJson(1, AT, "x", "case.init", null, "t", Json.tree(Map.of("k", "v")))));
        assertTrue(e.hashHolds());
    }

    private static String text(Random r) {
        String alphabet = "aZ09 \"\\/\n\t\u0000\u001fъЎўқғҳ'é€\uD83D\uDE00";
        int n = r.nextInt(8);
        List<Integer> cps = new ArrayList<>();
        alphabet.codePoints().forEach(cps::add);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.appendCodePoint(cps.get(r.nextInt(cps.size())));
        }
        return b.toString();
    }
}
