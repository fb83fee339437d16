package org.tracelab.core.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.tracelab.core.Case;
import org.tracelab.core.CaseManifest;
import org.tracelab.core.items.Item;

/**
 * The contract between collectors and the case, from a collector's side: what it can reach and what the case does
 * with what it hands over. Sources, addresses and examiner are fictitious.
 */
class CaptureContractTest {
    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path tmp;

    /**
     * Nothing a collector is handed or given back leads to a file: no method of the sink or of the values it
     * deals in returns a path or a file, so a collector has no way to the case folder but through the sink.
     */
    @Test
    void aCollectorCannotReachTheCaseFolderThroughTheSink() {
        Set<Class<?>> seen = new HashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(CaptureSink.class, Collector.class));
        while (!todo.isEmpty()) {
            Class<?> type = todo.pop();
            if (!type.getName().startsWith("org.tracelab.") || !seen.add(type)) {
                continue;
            }
            for (Method m : type.getMethods()) {
                Class<?> r = m.getReturnType();
                assertFalse(Path.class.isAssignableFrom(r) || File.class.isAssignableFrom(r),
                        type.getSimpleName() + "." + m.getName() + " hands out a " + r.getSimpleName());
                todo.add(r);
                todo.addAll(List.of(m.getParameterTypes()));
            }
            if (type.isRecord()) {
                for (RecordComponent c : type.getRecordComponents()) {
                    todo.add(c.getType());
                }
            }
        }
        assertTrue(seen.contains(WarcLocation.class) && seen.contains(HttpExchange.class), seen.toString());
        assertTrue(seen.stream().allMatch(t -> t.getPackageName().equals(CaptureSink.class.getPackageName())
                        || t.getName().equals("org.tracelab.core.TracelabException")),
                () -> "the contract reaches outside its package: " + seen);
    }

    @Test
    void anExchangeHandedToTheSinkIsArchivedByTheCaseAndFoundWhereItSays() throws IOException {
        Path dir = tmp.resolve("case");
        Item item;
        try (Case c = Case.create(dir, CaseManifest.create("Lab 1", "Examiner Fictitious", "Training exercise",
                "uz", AT), Clock.systemUTC())) {
            CaptureSink sink = c.startCapture("test", Map.of(), CaptureListener.NONE);
            StoredBlob form = sink.storeBlob(bytes("name=fictitious"), Long.MAX_VALUE);
            StoredBlob page = sink.storeBlob(bytes("<html>thanks</html>"), Long.MAX_VALUE);
            HttpFacts http = new HttpFacts("POST", 200, "HTTP/1.1", List.of(new Header("Content-Type", "text/html")),
                    List.of(new Header("Host", "lab.example"), new Header("User-Agent", "FictitiousBrowser/1")),
                    "192.0.2.7", null);
            URI url = URI.create("http://lab.example/apply");
            WarcLocation at = sink.archive(new HttpExchange(url, AT, http, page, form));
            WarcLocation note = sink.archive(new WarcMetadata(url, AT, at.recordId(),
                    Map.of("outlink", List.of("http://lab.example/next"))));
            try (InputStream back = sink.open(page.id())) {
                assertEquals("<html>thanks</html>", new String(back.readAllBytes(), StandardCharsets.UTF_8));
            }
            long id = sink.record(NewItem.of("http-response", url.toString(), AT, "test", "text/html", null,
                    Map.of()).with(http).with(at), page).id();
            c.finishCapture("test", Map.of());
            item = c.item(id);
            assertEquals(at.file(), note.file(), "one run, one file");
            assertTrue(note.offset() > at.offset());
        }
        assertEquals(200, item.http().orElseThrow().status());
        assertEquals("192.0.2.7", item.meta().get("ip").asText(), "typed facts keep their stored keys");
        WarcLocation at = item.warc().orElseThrow();
        assertTrue(at.file().startsWith("warc/"), at.file());
        try (FileChannel ch = FileChannel.open(dir.resolve(at.file()))) {
            ch.position(at.request().orElseThrow());
            try (WarcReader reader = new WarcReader(ch)) {
                WarcRecord request = reader.next().orElseThrow();
                assertTrue(request instanceof WarcRequest, request.type());
                assertEquals("POST", ((WarcRequest) request).http().method());
                assertEquals("name=fictitious", new String(((WarcRequest) request).http().body().stream()
                        .readAllBytes(), StandardCharsets.UTF_8));
                WarcRecord response = reader.next().orElseThrow();
                assertTrue(response instanceof WarcResponse, response.type());
                assertEquals(at.recordId(), response.id().toString());
                WarcRecord metadata = reader.next().orElseThrow();
                assertEquals("metadata", metadata.type());
                assertEquals("<" + at.recordId() + ">", metadata.headers().first("WARC-Refers-To").orElseThrow());
            }
        }
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
