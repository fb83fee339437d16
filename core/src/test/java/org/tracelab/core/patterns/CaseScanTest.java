package org.tracelab.core.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.testing.TestCases;
import org.tracelab.core.Case;
import org.tracelab.core.collect.Progress;

/** Tagging what a scan matched is the scan's own rule, not its caller's. */
class CaseScanTest {
    private static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");

    @TempDir
    Path tmp;

    @Test
    void matchedItemsAreTaggedByCategoryAndTheStrongOnesSuspiciousAndTheScanIsRecorded() throws IOException {
        try (Case c = TestCases.create(tmp.resolve("c"), "Scan rules", AT)) {
            List<Long> ids = TestCases.store(c, AT, List.of(
                    TestCases.File.text("/fictitious/ad-0.txt", "Fictitious ad: waiter abroad. On arrival the passport"
                            + " is kept by the employer for safety. Flights paid, you repay from your salary."),
                    TestCases.File.text("/fictitious/ad-1.txt", "Fictitious notice: the library opens at nine.")));
            long strong = ids.get(0);
            long plain = ids.get(1);
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
}
