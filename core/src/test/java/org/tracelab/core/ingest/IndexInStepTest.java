package org.tracelab.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Case;
import org.tracelab.core.CaseManifest;
import org.tracelab.core.collect.CaptureSink;
import org.tracelab.core.collect.NewItem;
import org.tracelab.core.collect.Progress;

/**
 * Language, title, text and entities live in the database and, derived from it, in the index: a re-extraction
 * stopped after some new texts committed but before the index did must leave an index the next writer rebuilds.
 */
class IndexInStepTest {
    private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void aReExtractionStoppedMidwayLeavesAnIndexTheNextIngestRebuilds() throws IOException {
        Path dir = tmp.resolve("case");
        try (Case c = Case.create(dir, CaseManifest.create("Index in step (fictitious)", "Cadet A",
                "test of the index marker, fictitious data", "UZ", AT), Clock.systemUTC())) {
            CaptureSink sink = c.startCapture("file", Map.of("paths", "fictitious"), null);
            for (int i = 0; i < 12; i++) {
                NewItem item = NewItem.of("file", "/fictitious/ad-" + i + ".txt", AT, "file", "text/plain", null,
                        Map.of());
                sink.store(item, new ByteArrayInputStream(("Fictitious ad " + i + ": waiter abroad")
                        .getBytes(StandardCharsets.UTF_8)));
            }
            c.finishCapture("file", Map.of("items", 12));
            c.ingest(Progress.NONE);
            assertFalse(c.ingest(Progress.NONE).rebuilt(), "an index in step is left as it is");
            // Stopped after a few texts were extracted again; closing the case commits them, not the index.
            assertThrows(IllegalStateException.class, () -> c.reindex(true, new StopAtFirstItem()));
        }
        try (Case c = Case.openForWriting(dir, "test", Clock.systemUTC())) {
            IngestReport r = c.ingest(Progress.NONE);
            assertTrue(r.rebuilt(), "the index no longer claims to cover the texts");
            assertEquals(12, r.indexed());
        }
    }

    /** Progress that stops the work, as a kill would, once the first item is stored. */
    private static final class StopAtFirstItem implements Progress {
        @Override
        public void total(long total, String unit) {
        }

        @Override
        public void advance(long done) {
            throw new IllegalStateException("stopped by the test");
        }
    }
}
