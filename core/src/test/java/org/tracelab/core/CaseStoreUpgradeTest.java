package org.tracelab.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.collect.CaptureSink;
import org.tracelab.core.collect.NewItem;
import org.tracelab.core.collect.StoredItem;
import org.tracelab.core.custody.CustodyEntry;
import org.tracelab.core.store.BlobStore;
import org.tracelab.core.testing.Tamper;
import org.tracelab.core.testing.TwoLevelStores;
import org.tracelab.core.verify.Problem;
import org.tracelab.core.verify.VerifyReport;

/**
 * A case made in the two-level store layout of before (by the test, of fictitious ads) is read as it is, and moved
 * to the one-level layout, with a custody entry, by the first writer that opens it.
 */
class CaseStoreUpgradeTest {
    private static final int ADS = 12;

    @TempDir
    Path tmp;
    Path dir;
    final List<StoredItem> stored = new ArrayList<>();

    @BeforeEach
    void caseInTheOldLayout() throws IOException {
        dir = tmp.resolve("case");
        try (Case c = Case.create(dir, CaseManifest.create("Old layout (fictitious)", "Examiner E", "unit test", "UZ",
                Clock.systemUTC().instant()), Clock.systemUTC())) {
            CaptureSink sink = c.startCapture("test", Map.of(), null);
            for (int i = 0; i < ADS; i++) {
                stored.add(sink.store(NewItem.of("file", "/fictitious/" + i, Clock.systemUTC().instant(), "test",
                        "text/plain", null, Map.of()), bytes(i)));
            }
            c.finishCapture("test", Map.of());
        }
        assertEquals(ADS, TwoLevelStores.downgrade(dir.resolve(CaseFolder.BLOBS)));
    }

    private static ByteArrayInputStream bytes(int i) {
        return new ByteArrayInputStream(("fictitious ad " + i).getBytes(StandardCharsets.UTF_8));
    }

    private VerifyReport verify() {
        try (Case c = Case.openForReading(dir, Clock.systemUTC())) {
            return c.verify(null);
        }
    }

    private Path secondLevel(StoredItem s) {
        String h = s.blob().id().sha256();
        return dir.resolve("blobs/sha256").resolve(h.substring(0, 2)).resolve(h.substring(2, 4)).resolve(h);
    }

    @Test
    void readerUsesTheOldLayoutAndMovesNothing() throws IOException {
        try (Case c = Case.openForReading(dir, Clock.systemUTC())) {
            try (InputStream in = c.blobs().open(stored.get(0).blob().id())) {
                assertArrayEquals("fictitious ad 0".getBytes(StandardCharsets.UTF_8), in.readAllBytes());
            }
        }
        VerifyReport r = verify();
        assertTrue(r.holds(), () -> r.problems().toString());
        assertEquals(ADS, r.blobs());
        assertTrue(Files.exists(secondLevel(stored.get(0))), "a reader never moves evidence");
    }

    @Test
    void firstWriterMovesEveryBlobLogsItOnceAndTheCaseVerifies() {
        try (Case c = Case.openForWriting(dir, "test", Clock.systemUTC())) {
            CustodyEntry e = c.lastCustodyEntry("store.upgrade").orElseThrow();
            assertEquals(ADS, e.params().path("moved").asInt());
            assertEquals(BlobStore.TWO_LEVEL_LAYOUT, e.params().path("from").asText());
            assertEquals(BlobStore.LAYOUT, e.params().path("to").asText());
        }
        for (StoredItem s : stored) {
            assertFalse(Files.exists(secondLevel(s)));
        }
        try (Case c = Case.openForWriting(dir, "test", Clock.systemUTC())) {
            c.log("test.reopen", Map.of());
            assertEquals(1, countOf(c, "store.upgrade"), "a second writer finds nothing to move and logs nothing");
        }
        VerifyReport r = verify();
        assertTrue(r.holds(), () -> r.problems().toString());
        assertEquals(ADS, r.blobs());
    }

    @Test
    void verifyAfterTheUpgradeStillNamesAMissingAndAnAlteredBlob() throws IOException {
        try (Case c = Case.openForWriting(dir, "test", Clock.systemUTC())) {
            Tamper.delete(c.blobs().path(stored.get(1).blob().id()));
            Tamper.flipByte(c.blobs().path(stored.get(2).blob().id()), 2);
        }
        VerifyReport r = verify();
        assertEquals(List.of(Problem.Kind.BLOB_CHANGED, Problem.Kind.BLOB_MISSING),
                r.problems().stream().map(Problem::kind).sorted().toList());
    }

    private static int countOf(Case c, String action) {
        int[] n = {0};
        try {
            c.forEachCustodyEntry(e -> {
                if (e.action().equals(action)) {
                    n[0]++;
                }
            });
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return n[0];
    }
}
