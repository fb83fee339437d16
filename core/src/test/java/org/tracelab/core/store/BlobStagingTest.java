package org.tracelab.core.store;

import org.tracelab.core.collect.BlobId;
import org.tracelab.core.collect.StoredBlob;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobStagingTest {
    @TempDir
    Path dir;
    BlobStore store;

    @BeforeEach
    void setUp() throws IOException {
        store = new BlobStore(dir.resolve("blobs"));
        store.create();
    }

    /** A store that syncs each staged blob and folder, with batches in the background, whatever this machine has. */
    private BlobStore fileByFile() throws IOException {
        BlobStore s = new BlobStore(dir.resolve("file-by-file"), Optional.empty());
        s.create();
        return s;
    }

    /** A store whose whole-file-system syncs run {@code script} (a shell script) in place of coreutils' sync. */
    private BlobStore syncingWith(String script) throws IOException {
        Path program = dir.resolve("sync.sh");
        Files.writeString(program, "#!/bin/sh\n" + script + "\n");
        program.toFile().setExecutable(true);
        BlobStore s = new BlobStore(dir.resolve("whole"), Optional.of(new FileSystemSync(program)));
        s.create();
        return s;
    }

    @Test
    void aGroupOfManyBlobsIsMadeDurableByTwoSyncsOfTheFileSystemBytesFirstThenNames() throws IOException {
        Path calls = dir.resolve("calls");
        BlobStore whole = syncingWith("echo \"$2\" >> '" + calls + "'");
        List<StoredBlob> blobs = new ArrayList<>();
        for (int i = 0; i < 3 * BlobStaging.BATCH; i++) {
            blobs.add(whole.stage(bytes("fictitious page " + i), Long.MAX_VALUE));
        }
        assertFalse(Files.exists(calls), "no batch is published in the background");
        whole.publishStaged();
        for (StoredBlob b : blobs) {
            assertTrue(whole.contains(b.id()));
        }
        assertEquals(List.of(dir.resolve("whole/incoming").toString(), dir.resolve("whole/sha256").toString()),
                Files.readAllLines(calls), "the staged bytes' file system, then the names'");
        whole.publishStaged();
        assertEquals(2, Files.readAllLines(calls).size(), "nothing staged, nothing synced");
        StoredBlob few = whole.stage(bytes("one more fictitious page"), Long.MAX_VALUE);
        whole.publishStaged();
        assertTrue(whole.contains(few.id()));
        assertEquals(2, Files.readAllLines(calls).size(), "a blob or two are synced on their own");
    }

    @Test
    void aFailedSyncOfTheFileSystemNamesNothingAndTheNextPublishNamesAll() throws IOException {
        Path fail = dir.resolve("fail");
        Files.writeString(fail, "");
        BlobStore whole = syncingWith("if [ -e '" + fail + "' ]; then echo 'sync: I/O error' >&2; exit 1; fi");
        StoredBlob a = whole.stage(bytes("fictitious page A"), Long.MAX_VALUE);
        for (int i = 1; i < BlobStaging.WHOLE_SYNC_MIN; i++) {
            whole.stage(bytes("fictitious page " + i), Long.MAX_VALUE);
        }

        IOException e = assertThrows(IOException.class, whole::publishStaged);
        assertTrue(e.getMessage().contains("sync: I/O error"), e.getMessage());
        assertFalse(whole.contains(a.id()), "bytes that may not be durable get no name");
        assertEquals(BlobStaging.WHOLE_SYNC_MIN, whole.stagedCount());

        Files.delete(fail);
        whole.publishStaged();
        assertTrue(whole.contains(a.id()));
    }

    @Test
    void thisLinuxMachineSyncsItsFileSystemAtOnceUnlessToldFileByFile() throws IOException {
        assumeTrue(System.getProperty("os.name").startsWith("Linux") && Files.isExecutable(Path.of("/usr/bin/sync")));
        assertTrue(FileSystemSync.find().isPresent(), "coreutils' sync --file-system");
        assertTrue(store.wholeFileSystemSync().isPresent());
        FileSystemSync.find().orElseThrow().sync(dir);
        IOException e = assertThrows(IOException.class,
                () -> FileSystemSync.find().orElseThrow().sync(dir.resolve("missing")));
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
        String before = System.getProperty(FileSystemSync.PROPERTY);
        System.setProperty(FileSystemSync.PROPERTY, "per-file");
        try {
            assertTrue(FileSystemSync.find().isEmpty());
        } finally {
            if (before == null) {
                System.clearProperty(FileSystemSync.PROPERTY);
            } else {
                System.setProperty(FileSystemSync.PROPERTY, before);
            }
        }
    }

    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] read(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    @Test
    void stagedBlobIsReadableAtOnceButNamedOnlyWhenPublished() throws IOException {
        StoredBlob b = store.stage(bytes("Fictitious ad: ish bor"), Long.MAX_VALUE);
        assertFalse(b.existed());
        assertFalse(store.contains(b.id()), "no name before its group is published");
        assertFalse(Files.exists(store.path(b.id())));
        assertTrue(store.holds(b.id()));
        assertArrayEquals("Fictitious ad: ish bor".getBytes(StandardCharsets.UTF_8), read(store.open(b.id())));

        store.publishStaged();

        assertTrue(store.contains(b.id()));
        assertEquals(0, store.stagedCount());
        assertArrayEquals("Fictitious ad: ish bor".getBytes(StandardCharsets.UTF_8),
                Files.readAllBytes(store.path(b.id())));
        assertFalse(Files.getPosixFilePermissions(store.path(b.id())).contains(PosixFilePermission.OWNER_WRITE),
                "named blobs are read-only");
        assertEquals(store.path(b.id()).getFileName().toString(), store.rehash(b.id()).orElseThrow().sha256());
    }

    @Test
    void sameBytesStagedTwiceInOneGroupAreKeptOnce() throws IOException {
        StoredBlob first = store.stage(bytes("same fictitious page"), Long.MAX_VALUE);
        StoredBlob second = store.stage(bytes("same fictitious page"), Long.MAX_VALUE);
        assertEquals(first.id(), second.id());
        assertFalse(first.existed());
        assertTrue(second.existed(), "the second sees the first, though it is only staged");
        assertEquals(1, store.stagedCount());
        store.publishStaged();
        StoredBlob third = store.stage(bytes("same fictitious page"), Long.MAX_VALUE);
        assertTrue(third.existed(), "and once named, the store has it");
        assertEquals(0, store.stagedCount());
        assertEquals(0, leftoversIn(dir.resolve("blobs/incoming")));
    }

    @Test
    void bytesInMemoryStageAsTheirStreamWouldAndOnceEach() throws IOException {
        byte[] page = "Fictitious ad in memory: ish bor, +998 90 123 45 67".getBytes(StandardCharsets.UTF_8);
        StoredBlob first = store.stage(page);
        assertFalse(first.existed());
        assertEquals(page.length, first.size());
        assertEquals(BlobStore.hash(new java.io.ByteArrayInputStream(page)), first.id(), "named by its SHA-256");
        assertArrayEquals(page, read(store.open(first.id())), "readable while staged");
        assertTrue(store.stage(page).existed(), "the same bytes again: staged once");
        assertTrue(store.stage(new java.io.ByteArrayInputStream(page), Long.MAX_VALUE).existed(),
                "and a stream of them sees the staged blob");
        assertEquals(1, store.stagedCount());
        store.publishStaged();
        assertArrayEquals(page, Files.readAllBytes(store.path(first.id())));
        assertTrue(store.stage(page).existed());
        assertEquals(0, store.stagedCount());
        assertEquals(0, leftoversIn(dir.resolve("blobs/incoming")));
    }

    @Test
    void bytesTheStoreHoldsAreNotWrittenAgain() throws IOException {
        byte[] text = "Fictitious extracted text, stored before".getBytes(StandardCharsets.UTF_8);
        StoredBlob stored = store.put(new java.io.ByteArrayInputStream(text));
        // No temp file can be made now: the incoming folder is a file. Writing the text again to learn that the
        // store holds it would fail; knowing its hash first, staging it does not write.
        Path incoming = dir.resolve("blobs/incoming");
        Files.delete(incoming);
        Files.writeString(incoming, "in the way");
        StoredBlob again = store.stage(text);
        assertTrue(again.existed());
        assertEquals(stored.id(), again.id());
        assertEquals(text.length, again.size());
        assertThrows(IOException.class, () -> store.stage("new fictitious text".getBytes(StandardCharsets.UTF_8)),
                "new bytes are written, and the file in the way stops them");
    }

    @Test
    void failureBetweenStagingAndNamingLeavesNoNameAndTheNextPublishNamesAll() throws IOException {
        StoredBlob a = store.stage(bytes("fictitious page A"), Long.MAX_VALUE);
        StoredBlob b = store.stage(bytes("fictitious page B"), Long.MAX_VALUE);
        // A file where A's fan-out folder must go: naming A fails after the group's bytes were synced.
        Path blocker = store.path(a.id()).getParent();
        Files.createDirectories(blocker.getParent());
        Files.writeString(blocker, "in the way");

        assertThrows(IOException.class, store::publishStaged);
        assertFalse(store.contains(a.id()));
        assertFalse(store.contains(b.id()), "staged after A, so not reached: still unnamed");
        assertEquals(2, store.stagedCount(), "both wait for the next publish");

        Files.delete(blocker);
        store.publishStaged();
        assertTrue(store.contains(a.id()));
        assertTrue(store.contains(b.id()));
        assertEquals(0, store.stagedCount());
    }

    @Test
    void fullBatchIsPublishedInTheBackgroundWithoutAnyoneAsking() throws IOException, InterruptedException {
        store = fileByFile();
        List<StoredBlob> blobs = new ArrayList<>();
        for (int i = 0; i < BlobStaging.BATCH - 1; i++) {
            blobs.add(store.stage(bytes("fictitious page " + i), Long.MAX_VALUE));
        }
        assertEquals(BlobStaging.BATCH - 1, store.stagedCount(), "less than a batch waits for the group's commit");
        blobs.add(store.stage(bytes("fictitious page that fills the batch"), Long.MAX_VALUE));
        // No publishStaged: the full batch is named by a thread of its own (a liveness bound, not a speed check).
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (store.stagedCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(0, store.stagedCount());
        for (StoredBlob b : blobs) {
            assertTrue(store.contains(b.id()));
        }
    }

    @Test
    void aBatchThatFailsInTheBackgroundIsRetriedAndReportedByTheGroupsCommit() throws IOException {
        store = fileByFile();
        List<StoredBlob> blobs = new ArrayList<>();
        blobs.add(store.stage(bytes("fictitious page 0"), Long.MAX_VALUE));
        // A file where the first blob's fan-out folder must go: the batch's background publish fails at its start.
        Path blocker = store.path(blobs.get(0).id()).getParent();
        Files.createDirectories(blocker.getParent());
        Files.writeString(blocker, "in the way");
        for (int i = 1; i < BlobStaging.BATCH; i++) {
            blobs.add(store.stage(bytes("fictitious page " + i), Long.MAX_VALUE));
        }

        assertThrows(IOException.class, store::publishStaged, "the commit that needs the batch hears of the failure");
        assertFalse(store.contains(blobs.get(0).id()));
        assertEquals(BlobStaging.BATCH, store.stagedCount(), "the whole batch waits, staged, for the next publish");

        Files.delete(blocker);
        store.publishStaged();
        for (StoredBlob b : blobs) {
            assertTrue(store.contains(b.id()));
        }
        assertEquals(0, store.stagedCount());
    }

    @Test
    void blobLargerThanTheStagingLimitIsNamedAtOnce() throws IOException {
        byte[] big = new byte[(int) BlobStore.STAGE_MAX_BYTES + 1];
        big[17] = 42;
        StoredBlob b = store.stage(new ByteArrayInputStream(big), Long.MAX_VALUE);
        assertTrue(store.contains(b.id()), "durable and named before stage returns");
        assertEquals(0, store.stagedCount());
    }

    @Test
    void truncatedStagedBlobKeepsTheLimitAndSaysSo() throws IOException {
        StoredBlob b = store.stage(bytes("0123456789"), 4);
        assertTrue(b.truncated());
        assertEquals(4, b.size());
        store.publishStaged();
        assertArrayEquals("0123".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(store.path(b.id())));
    }

    @Test
    void stagedBlobsOfAKilledProcessAreSweptAndNeverNamed() throws IOException {
        StoredBlob b = store.stage(bytes("fictitious page of a killed run"), Long.MAX_VALUE);
        // A new process opens the case: it does not know the staged set, and sweeps what was left.
        BlobStore next = new BlobStore(dir.resolve("blobs"));
        assertEquals(1, next.sweepIncoming());
        next.publishStaged();
        assertFalse(next.contains(b.id()));
        assertEquals(0, leftoversIn(dir.resolve("blobs/incoming")));
    }

    private static long leftoversIn(Path incoming) throws IOException {
        try (Stream<Path> s = Files.list(incoming)) {
            return s.count();
        }
    }
}
