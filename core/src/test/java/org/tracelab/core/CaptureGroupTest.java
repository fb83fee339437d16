package org.tracelab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.collect.CaptureListener;
import org.tracelab.core.collect.CaptureSink;
import org.tracelab.core.collect.NewItem;
import org.tracelab.core.collect.StoredItem;
import org.tracelab.core.store.BlobStore;
import org.tracelab.core.verify.VerifyListener;

/** Captures are staged, then made durable, named and committed as a group; fictitious sources and examiner. */
class CaptureGroupTest {
    @TempDir
    Path tmp;

    private final List<String> heard = new CopyOnWriteArrayList<>();

    private Case create(Path dir) {
        return Case.create(dir, CaseManifest.create("Lab 1", "Examiner Fictitious", "Training exercise", "uz",
                Clock.systemUTC().instant()), Clock.systemUTC());
    }

    private CaptureListener listener(BlobStore blobs) {
        return new CaptureListener() {
            @Override
            public void stored(StoredItem item) {
                heard.add("stored " + item.item().source() + " named=" + blobs.contains(item.blob().id()));
            }

            @Override
            public void failed(String source, String reason) {
                heard.add("failed " + source);
            }
        };
    }

    private static StoredItem store(CaptureSink sink, String source) throws IOException {
        NewItem item = NewItem.of("file", source, Clock.systemUTC().instant(), "test", null, null, Map.of());
        return sink.store(item, new ByteArrayInputStream(("page at " + source).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void captureIsHeardOfOnlyOnceItsGroupNamedItsBlob() throws IOException {
        try (Case c = create(tmp.resolve("c"))) {
            CaptureSink sink = c.startCapture("test", Map.of(), listener(c.blobs()));
            StoredItem a = store(sink, "/fictitious/a");
            store(sink, "/fictitious/b");
            assertTrue(heard.isEmpty(), "nothing is acknowledged before the group commits");
            assertFalse(c.blobs().contains(a.blob().id()), "staged, not yet named");
            c.finishCapture("test", Map.of());
            assertEquals(List.of("stored /fictitious/a named=true", "stored /fictitious/b named=true"), heard);
        }
    }

    @Test
    void failureToNameOneBlobLosesTheWholeGroupAndEveryCaptureIsToldSo() throws IOException {
        Path dir = tmp.resolve("c");
        try (Case c = create(dir)) {
            CaptureSink sink = c.startCapture("test", Map.of(), listener(c.blobs()));
            StoredItem a = store(sink, "/fictitious/a");
            StoredItem b = store(sink, "/fictitious/b");
            // A file where a's fan-out folder must go: the group's publish fails before its rows commit.
            Path blocker = c.blobs().path(a.blob().id()).getParent();
            Files.createDirectories(blocker.getParent());
            Files.writeString(blocker, "in the way");

            assertThrows(TracelabException.class, () -> c.finishCapture("test", Map.of()));
            assertEquals(List.of("failed /fictitious/a", "failed /fictitious/b"), heard);
            assertFalse(c.blobs().contains(b.blob().id()), "no name for bytes whose group failed");
            Files.delete(blocker);
        }
        try (Case c = Case.openForWriting(dir, "test", Clock.systemUTC())) {
            assertEquals(0, c.summary().items(), "the group's rows were rolled back");
            assertTrue(c.verify(VerifyListener.NONE).holds());
        }
    }

    @Test
    void registeredSyncRunsBeforeTheGroupIsHeardOfAndItsFailureLosesTheGroup() throws IOException {
        try (Case c = create(tmp.resolve("c"))) {
            CaptureSink sink = c.startCapture("test", Map.of(), listener(c.blobs()));
            boolean[] failing = {false};
            try (Closeable warc = ((CaseCaptureSink) sink).syncBeforeCommit(() -> {
                if (failing[0]) {
                    throw new IOException("WARC file could not be synced (simulated)");
                }
                heard.add("synced");
            })) {
                store(sink, "/fictitious/a");
                c.finishCapture("test", Map.of());
                assertEquals(List.of("synced", "stored /fictitious/a named=true"), heard);

                failing[0] = true;
                store(sink, "/fictitious/b");
                assertThrows(TracelabException.class, () -> c.finishCapture("test", Map.of()));
                assertEquals("failed /fictitious/b", heard.get(heard.size() - 1));
            }
            heard.clear();
            store(sink, "/fictitious/c");
            c.finishCapture("test", Map.of());
            assertEquals(List.of("stored /fictitious/c named=true"), heard, "a closed registration no longer runs");
        }
    }

    @Test
    void writersAtOnceHaveEveryCaptureNamedBeforeItIsHeardOf() throws Exception {
        int writers = 8;
        int each = 150; // 1,200 captures: groups fall due while the others keep writing
        try (Case c = create(tmp.resolve("c"))) {
            CaptureSink sink = c.startCapture("test", Map.of(), listener(c.blobs()));
            AtomicInteger syncs = new AtomicInteger();
            try (Closeable warc = ((CaseCaptureSink) sink).syncBeforeCommit(syncs::incrementAndGet);
                 ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> running = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    int writer = w;
                    running.add(threads.submit(() -> {
                        for (int i = 0; i < each; i++) {
                            store(sink, "/fictitious/" + writer + "/" + i);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : running) {
                    f.get();
                }
                c.finishCapture("test", Map.of());
            }
            assertEquals(writers * each, heard.size());
            assertTrue(heard.stream().allMatch(h -> h.startsWith("stored ") && h.endsWith(" named=true")),
                    () -> heard.stream().filter(h -> !h.endsWith(" named=true")).limit(5).toList().toString());
            assertTrue(syncs.get() >= 2, "the registered sync ran before the groups committed: " + syncs);
            assertEquals(writers * each, c.summary().items());
            assertTrue(c.verify(VerifyListener.NONE).holds());
        }
    }

    @Test
    void aSyncThatKeepsFailingFailsTheCaptureThatCommitsAndLosesItsGroup() throws IOException {
        try (Case c = create(tmp.resolve("c"))) {
            CaptureSink sink = c.startCapture("test", Map.of(), listener(c.blobs()));
            try (Closeable warc = ((CaseCaptureSink) sink).syncBeforeCommit(() -> {
                throw new IOException("WARC file could not be synced (simulated)");
            })) {
                TracelabException e = assertThrows(TracelabException.class, () -> {
                    // past one group's captures, so a group falls due and its commit runs the failing sync
                    for (int i = 0; i < CaptureGroups.GROUP_ITEMS + 10; i++) {
                        store(sink, "/fictitious/" + i);
                    }
                });
                assertTrue(e.getMessage().contains("/fictitious/"), e.getMessage());
            }
            assertFalse(heard.isEmpty());
            assertTrue(heard.stream().allMatch(h -> h.startsWith("failed ")), heard::toString);
        }
    }
}
