package org.tracelab.core.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tracelab.core.Case;
import org.tracelab.core.CaseManifest;
import org.tracelab.core.collect.CaptureSink;
import org.tracelab.core.collect.NewItem;

/**
 * The one way tests make a case: a fictitious examiner and purpose named after the test, region UZ, and file items
 * stored through the real capture contract in one run. Every module's tests reach it through core's test jar.
 */
public final class TestCases {
    /** The examiner every test case names. */
    public static final String EXAMINER = "Cadet A";

    private TestCases() {
    }

    /** One file item to store: its source (a path or URL as a collector would record it), type, text, metadata. */
    public record File(String source, String contentType, String text, Map<String, Object> meta) {
        public File {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(text, "text");
            meta = Map.copyOf(meta);
        }

        /** A plain-text file item without metadata. */
        public static File text(String source, String text) {
            return new File(source, "text/plain", text, Map.of());
        }
    }

    /** A new case in {@code dir}, open for writing, made at {@code at}; its manifest names {@code test}. */
    public static Case create(Path dir, String test, Instant at) {
        return Case.create(dir, CaseManifest.create(test + " (fictitious)", EXAMINER, purpose(test), "UZ", at),
                Clock.systemUTC());
    }

    /** A new case in {@code dir}, made now. */
    public static Case create(Path dir, String test) {
        return create(dir, test, Clock.systemUTC().instant());
    }

    /** The purpose a test case's manifest gives. */
    public static String purpose(String test) {
        return "Training exercise: " + test + " (all data fictitious)";
    }

    /**
     * Stores {@code files} as file items in one capture run of the {@code file} collector, captured a second apart
     * from {@code at}, without ingesting them; returns their ids in order.
     */
    public static List<Long> store(Case c, Instant at, List<File> files) throws IOException {
        CaptureSink sink = c.startCapture("file", Map.of("paths", "fictitious"), null);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            File f = files.get(i);
            NewItem item = NewItem.of("file", f.source(), at.plusSeconds(i), "file", f.contentType(), null, f.meta());
            ids.add(sink.store(item, new ByteArrayInputStream(f.text().getBytes(StandardCharsets.UTF_8))).id());
        }
        c.finishCapture("file", Map.of("items", files.size()));
        return ids;
    }

    /** What a test's collector does with the sink a collection hands it. */
    @FunctionalInterface
    public interface Captures {
        void into(CaptureSink sink) throws IOException;
    }

    /** A collector called {@code id} that captures what {@code captures} stores, whatever it is asked for. */
    public static org.tracelab.core.collect.Collector collector(String id, Captures captures) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(captures, "captures");
        return new org.tracelab.core.collect.Collector() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String description() {
                return "fictitious captures for a test";
            }

            @Override
            public void collect(org.tracelab.core.collect.CollectRequest request, CaptureSink sink)
                    throws IOException {
                captures.into(sink);
            }
        };
    }
}
