package org.tracelab.core.store;

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
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.collect.BlobId;
import org.tracelab.core.collect.StoredBlob;
import org.tracelab.core.testing.TwoLevelStores;

/** A store made in the two-level layout (by the test, of fictitious pages) is moved to one level, even in parts. */
class FanOutUpgradeTest {
    private static final int BLOBS = 24;

    @TempDir
    Path dir;
    Path blobsDir;
    Path root;
    final List<StoredBlob> blobs = new ArrayList<>();

    @BeforeEach
    void twoLevelStore() throws IOException {
        blobsDir = dir.resolve("blobs");
        root = blobsDir.resolve("sha256");
        BlobStore store = new BlobStore(blobsDir);
        store.create();
        for (int i = 0; i < BLOBS; i++) {
            blobs.add(store.stage(bytes("fictitious page " + i), Long.MAX_VALUE));
        }
        store.publishStaged();
        assertEquals(BLOBS, TwoLevelStores.downgrade(blobsDir));
    }

    private static ByteArrayInputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private Path twoLevel(BlobId id) {
        return FanOutUpgrade.twoLevelPath(root, id.sha256());
    }

    private Path oneLevel(BlobId id) {
        return root.resolve(id.sha256().substring(0, 2)).resolve(id.sha256());
    }

    private List<Path> secondLevelFolders() throws IOException {
        try (Stream<Path> s = Files.walk(root, 2)) {
            return s.filter(p -> root.relativize(p).getNameCount() == 2 && Files.isDirectory(p)).toList();
        }
    }

    private void assertAllInOneLevelAndWhole(BlobStore store) throws IOException {
        for (StoredBlob b : blobs) {
            assertTrue(Files.isRegularFile(oneLevel(b.id())), () -> "moved: " + b.id());
            assertFalse(Files.exists(twoLevel(b.id())), () -> "no second name: " + b.id());
            assertEquals(Optional.of(b.id()), store.rehash(b.id()));
        }
    }

    @Test
    void storeNotYetUpgradedIsReadWhereItsBlobsAre() throws IOException {
        BlobStore store = new BlobStore(blobsDir);
        StoredBlob b = blobs.get(0);
        assertEquals(twoLevel(b.id()), store.path(b.id()));
        assertTrue(store.contains(b.id()));
        try (InputStream in = store.open(b.id())) {
            assertArrayEquals("fictitious page 0".getBytes(StandardCharsets.UTF_8), in.readAllBytes());
        }
        assertEquals(Optional.of(b.id()), store.rehash(b.id()));
    }

    @Test
    void twoLevelStoreIsMovedUpMarkedAndLeftWithoutSecondLevelFolders() throws IOException {
        BlobStore store = new BlobStore(blobsDir);
        FanOutUpgrade.Result r = store.upgradeLayout().orElseThrow();
        assertEquals(BLOBS, r.moved());
        assertTrue(r.leftInPlace().isEmpty());
        assertAllInOneLevelAndWhole(store);
        assertEquals(List.of(), secondLevelFolders());
        assertEquals(BlobStore.LAYOUT + "\n", Files.readString(blobsDir.resolve(BlobStore.LAYOUT_MARKER)));
        assertEquals(Optional.empty(), store.upgradeLayout(), "a marked store is not walked again");
        assertEquals(Optional.empty(), new BlobStore(blobsDir).upgradeLayout());
    }

    @Test
    void upgradeCutShortIsFinishedByTheNextRun() throws IOException {
        // What a kill leaves: some blobs moved, a second-level folder emptied but not removed, one blob with both
        // names (a copy made by hand, say), and no marker.
        for (StoredBlob b : blobs.subList(0, BLOBS / 2)) {
            Files.move(twoLevel(b.id()), oneLevel(b.id()), StandardCopyOption.ATOMIC_MOVE);
        }
        BlobId copied = blobs.get(BLOBS - 1).id();
        Files.copy(twoLevel(copied), oneLevel(copied));
        assertFalse(Files.exists(blobsDir.resolve(BlobStore.LAYOUT_MARKER)));

        BlobStore store = new BlobStore(blobsDir);
        for (StoredBlob b : blobs) {
            assertEquals(Optional.of(b.id()), store.rehash(b.id()), "readable in the mixed state too");
        }
        FanOutUpgrade.Result r = store.upgradeLayout().orElseThrow();
        assertEquals(BLOBS - BLOBS / 2 - 1, r.moved(), "what was left, less the one already copied up");
        assertAllInOneLevelAndWhole(store);
        assertEquals(List.of(), secondLevelFolders());
    }

    @Test
    void ofTwoCopiesTheOneThatHoldsItsNameIsKept() throws IOException {
        BlobId id = blobs.get(3).id();
        Files.writeString(oneLevel(id), "altered, not what the name promises");
        FanOutUpgrade.Result r = new BlobStore(blobsDir).upgradeLayout().orElseThrow();
        assertEquals(BLOBS, r.moved());
        assertAllInOneLevelAndWhole(new BlobStore(blobsDir));
    }

    @Test
    void nameThatIsNotABlobStaysWhereItWasAndIsReported() throws IOException {
        BlobId id = blobs.get(5).id();
        Path stray = twoLevel(id).resolveSibling("notes.txt");
        Files.writeString(stray, "left by someone");
        FanOutUpgrade.Result r = new BlobStore(blobsDir).upgradeLayout().orElseThrow();
        assertEquals(BLOBS, r.moved());
        assertEquals(List.of(stray), r.leftInPlace());
        assertTrue(Files.exists(stray), "never deleted");
        assertAllInOneLevelAndWhole(new BlobStore(blobsDir));
    }

    @Test
    void newStoreIsMarkedOneLevelFromTheStart() throws IOException {
        BlobStore fresh = new BlobStore(dir.resolve("fresh"));
        fresh.create();
        assertEquals(Optional.empty(), fresh.upgradeLayout());
        StoredBlob b = fresh.put(bytes("fictitious"));
        assertEquals(dir.resolve("fresh/sha256").resolve(b.id().sha256().substring(0, 2)).resolve(b.id().sha256()),
                fresh.path(b.id()));
    }
}
