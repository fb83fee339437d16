package org.tracelab.core.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tracelab.core.Json;

/** Typed facts are stored under the keys items always had, in canonical form; values are fictitious. */
class FactsTest {
    private static final HttpFacts HTTP = new HttpFacts("GET", 301, "HTTP/1.1",
            List.of(new Header("location", "/b"), new Header("Content-Encoding", "gzip")),
            List.of(new Header("Host", "lab.example")), "192.0.2.7", "http://lab.example/b");
    private static final WarcLocation WARC = new WarcLocation("warc/tracelab-1.warc.gz", 900, 400,
            "urn:uuid:00000000-0000-4000-8000-000000000001", 500);

    private static NewItem item(Map<String, Object> meta) {
        return NewItem.of("http-response", "http://lab.example/a", Instant.parse("2026-03-01T10:00:00Z"), "page",
                null, null, meta);
    }

    @Test
    void factsAreStoredUnderTheKeysOfEarlierCasesInCanonicalOrder() {
        NewItem typed = item(Map.of("truncated", false)).with(HTTP).with(WARC);
        assertEquals("{\"headers\":[[\"location\",\"/b\"],[\"Content-Encoding\",\"gzip\"]],\"httpVersion\":\"HTTP/1.1\","
                + "\"ip\":\"192.0.2.7\",\"method\":\"GET\",\"redirect\":\"http://lab.example/b\","
                + "\"requestHeaders\":[[\"Host\",\"lab.example\"]],\"status\":301,\"truncated\":false,"
                + "\"warc\":{\"file\":\"warc/tracelab-1.warc.gz\",\"length\":400,\"offset\":900,"
                + "\"recordId\":\"urn:uuid:00000000-0000-4000-8000-000000000001\",\"requestOffset\":500}}",
                Json.canonical(typed.meta()));
    }

    @Test
    void factsReadBackAsWrittenAndFromAnOlderCaseWithoutTheRequestOffset() {
        NewItem typed = item(Map.of()).with(HTTP).with(WARC);
        assertEquals(HTTP, typed.http().orElseThrow());
        assertEquals(WARC, typed.warc().orElseThrow());
        assertEquals("gzip", typed.http().orElseThrow().contentEncoding().orElseThrow());

        NewItem older = item(Map.of("status", 200, "warc", Map.of("file", "warc/old.warc.gz", "offset", 10,
                "length", 20, "recordId", "urn:uuid:old")));
        assertTrue(older.warc().orElseThrow().request().isEmpty(), "no request offset was kept then");
        assertEquals("GET", older.http().orElseThrow().method());
        assertTrue(item(Map.of("record", Map.of("title", "an ad"))).http().isEmpty());
    }
}
