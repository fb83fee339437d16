package org.tracelab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.collect.CaptureListener;
import org.tracelab.core.collect.CaptureSink;
import org.tracelab.core.collect.CollectionReport;
import org.tracelab.core.collect.CollectionRun;
import org.tracelab.core.collect.Collector;
import org.tracelab.core.collect.NewItem;
import org.tracelab.core.collect.ProgressStages;
import org.tracelab.core.collect.StoredItem;
import org.tracelab.core.custody.CustodyEntry;
import org.tracelab.core.testing.TestCases;

/** One call runs a collection end to end: start, captures (tagged in their own group), end, ingest. */
class CaseCollectionTest {
    private static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");

    @TempDir
    Path tmp;

    private Case create() {
        return Case.create(tmp.resolve("c"), CaseManifest.create("Collection (fictitious)", "Cadet A",
                "Training exercise: collection runs (all data fictitious)", "UZ", AT), Clock.systemUTC());
    }

    @Test
    void theEntryThatRecordedEachItemIsItsFirstHoweverManyFollow() throws IOException {
        try (Case c = create()) {
            CollectionReport r = c.collect(new CollectionRun(ads(3, false), List.of("ads"), Map.of(),
                    List.of("ads"), List.of("demo")), new CaptureListener() { }, ProgressStages.NONE);
            assertEquals(3, r.stored());
            Map<Long, String> recorded = c.recordingEntryHashes();
            assertEquals(3, recorded.size(), recorded::toString);
            recorded.forEach((id, hash) -> {
                List<CustodyEntry> entries = c.custodyOf(id);
                assertTrue(entries.size() > 1, "a capture, its tag and its ingest: " + entries);
                assertEquals(entries.get(0).hash(), hash);
            });
        }
    }

    @Test
    void eachCaptureIsTaggedRightAfterItIsRecordedAndTheRunEndsIngested() throws IOException {
        try (Case c = create()) {
            List<Long> heard = new ArrayList<>();
            CollectionReport r = c.collect(new CollectionRun(ads(3, false), List.of("ads"), Map.of(),
                    List.of("ads"), List.of("demo", " call-back ")), new CaptureListener() {
                        @Override
                        public void stored(StoredItem item) {
                            heard.add(item.id());
                        }
                    }, ProgressStages.NONE);
            assertEquals(3, r.stored());
            assertEquals(3, heard.size());
            assertEquals(3, r.ingested().orElseThrow().extracted());
            for (long id : heard) {
                assertEquals(List.of("call-back", "demo"), c.tags(id));
                List<String> actions = c.custodyOf(id).stream().map(CustodyEntry::action).toList();
                assertEquals(List.of("capture", "tag", "tag", "extract"), actions);
            }
            List<String> runLog = new ArrayList<>();
            c.forEachCustodyEntry(e -> runLog.add(e.action()));
            assertEquals("collect.start", runLog.get(1));
            assertEquals("collect.end", runLog.get(1 + 3 * 3 + 1));
        }
    }

    @Test
    void aFailingCollectorStillLogsTheEndOfItsRunWithTheError() {
        try (Case c = create()) {
            IOException e = assertThrows(IOException.class, () -> c.collect(new CollectionRun(ads(2, true),
                    List.of(), Map.of(), List.of(), List.of()), null, null));
            assertEquals("fictitious failure after the captures", e.getMessage());
            CustodyEntry end = c.lastCustodyEntry("collect.end").orElseThrow();
            assertTrue(end.params().toString().contains("fictitious failure after the captures"), end::toString);
            assertTrue(end.params().toString().contains("\"stored\":2"), end::toString);
        }
    }

    @Test
    void aBadTagIsRefusedBeforeAnythingIsCaptured() {
        try (Case c = create()) {
            TracelabException e = assertThrows(TracelabException.class, () -> c.collect(new CollectionRun(
                    ads(2, false), List.of(), Map.of(), List.of(), List.of("bad\ttag")), null, null));
            assertEquals(TracelabException.Failure.BAD_INPUT, e.failure());
            assertEquals(0, c.summary().items());
            assertTrue(c.lastCustodyEntry("collect.start").isEmpty());
        }
    }

    /** A third-party-like collector storing {@code n} fictitious ads, then failing if asked to. */
    private static Collector ads(int n, boolean failAfter) {
        return TestCases.collector("fictitious-ads", sink -> {
            for (int i = 0; i < n; i++) {
                NewItem item = NewItem.of("file", "/fictitious/ad-" + i + ".txt", AT, "fictitious-ads", "text/plain",
                        null, Map.of());
                sink.store(item, new ByteArrayInputStream(("Fictitious ad " + i + ": waiter abroad")
                        .getBytes(StandardCharsets.UTF_8)));
            }
            if (failAfter) {
                throw new IOException("fictitious failure after the captures");
            }
        });
    }
}
