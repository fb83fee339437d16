package org.tracelab.core.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Case;
import org.tracelab.core.CaseManifest;
import org.tracelab.core.collect.CaptureSink;
import org.tracelab.core.collect.NewItem;
import org.tracelab.core.collect.Progress;

/** Tagging what a scan matched is the scan's own rule, not its caller's. */
class CaseScanTest {
    private static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");

    @TempDir
    Path tmp;

    @Test
    void matchedItemsAreTaggedByCategoryAndTheStrongOnesSuspiciousAndTheScanIsRecorded() throws IOException {
        try (Case c = Case.create(tmp.resolve("c"), CaseManifest.create("Scan (fictitious)", "Cadet A",
                "Training exercise: scan rules (all data fictitious)", "UZ", AT), Clock.systemUTC())) {
            CaptureSink sink = c.startCapture("file", Map.of("paths", "fictitious"), null);
            long strong = store(sink, 0, "Fictitious ad: waiter abroad. On arrival the passport is kept by the "
                    + "employer for safety. Flights paid, you repay from your salary.");
            long plain = store(sink, 1, "Fictitious notice: the library opens at nine.");
            c.finishCapture("file", Map.of("items", 2));
            c.ingest(Progress.NONE);

            List<CaseScan.Scanned> scanned = CaseScan.scanAndTag(c, IndicatorPacks.builtIn(), 3);
            CaseScan.Scanned s = scanned.stream().filter(x -> x.itemId() == strong).findFirst().orElseThrow();
            assertTrue(s.result().score() >= 3, s::toString);
            List<String> tags = c.tags(strong);
            assertTrue(tags.contains(CaseScan.SUSPICIOUS_TAG), tags::toString);
            for (String category : s.result().categories()) {
                assertTrue(tags.contains(CaseScan.INDICATOR_TAG + category), tags::toString);
            }
            assertEquals(List.of(), c.tags(plain));
            assertFalse(RecordedScan.last(c).isEmpty(), "the scan is recorded for the exports");
        }
    }

    private static long store(CaptureSink sink, int i, String text) throws IOException {
        NewItem item = NewItem.of("file", "/fictitious/ad-" + i + ".txt", AT, "file", "text/plain", null, Map.of());
        return sink.store(item, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))).id();
    }
}
