package org.tracelab.core.store;

import org.tracelab.core.collect.BlobId;
import org.tracelab.core.collect.StoredBlob;
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
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Hashing;

class BlobStoreTest {
    @TempDir
    Path dir;
    BlobStore store;

    @BeforeEach
    void setUp() throws IOException {
        store = new BlobStore(dir.resolve("blobs"));
        store.create();
    }

    @Test
    void blobIsNamedBySha256OfItsBytesAndHoldsThemExactly() throws IOException {
        byte[] bytes = "Fictitious ad: ish bor, +998 90 000 00 00".getBytes(StandardCharsets.UTF_8);
        StoredBlob b = store.put(new ByteArrayInputStream(bytes));
        String expected = HexFormat.of().formatHex(Hashing.sha256().digest(bytes));
        assertEquals(expected, b.id().sha256());
        assertEquals(bytes.length, b.size());
        assertFalse(b.truncated());
        Path p = store.path(b.id());
        assertEquals(dir.resolve("blobs/sha256/" + expected.substring(0, 2) + "/" + expected), p);
        assertArrayEquals(bytes, Files.readAllBytes(p));
    }

    @Test
    void sameBytesTwiceShareOneBlobAndSayItExisted() throws IOException {
        StoredBlob first = store.put(new ByteArrayInputStream(new byte[] {1, 2, 3}));
        StoredBlob second = store.put(new ByteArrayInputStream(new byte[] {1, 2, 3}));
        assertEquals(first.id(), second.id());
        assertFalse(first.existed());
        assertTrue(second.existed());
    }

    @Test
    void bodyLongerThanTheLimitIsKeptUpToTheLimitAndMarkedTruncated() throws IOException {
        byte[] bytes = new byte[10_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        StoredBlob b = store.put(new ByteArrayInputStream(bytes), 4096);
        assertTrue(b.truncated());
        assertEquals(4096, b.size());
        assertEquals(4096, Files.size(store.path(b.id())));
        StoredBlob exact = store.put(new ByteArrayInputStream(bytes, 0, 4096), 4096);
        assertFalse(exact.truncated(), "a body exactly at the limit is complete");
        assertEquals(b.id(), exact.id());
    }

    @Test
    void streamLargerThanAnyBufferIsHashedWhileStreaming() throws IOException {
        long size = 40L * 1024 * 1024 + 17;
        MessageDigest expected = Hashing.sha256();
        StoredBlob b;
        try (InputStream in = new PatternStream(size, expected)) {
            b = store.put(in);
        }
        assertEquals(size, b.size());
        assertEquals(HexFormat.of().formatHex(expected.digest()), b.id().sha256());
    }

    @Test
    void noTemporaryFilesRemainAfterStoring() throws IOException {
        store.put(new ByteArrayInputStream(new byte[100]));
        try (Stream<Path> s = Files.list(dir.resolve("blobs/incoming"))) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void storedBlobIsReadOnlySoItIsNotEditedByAccident() throws IOException {
        StoredBlob b = store.put(new ByteArrayInputStream(new byte[] {9}));
        assertFalse(store.path(b.id()).toFile().canWrite() && !"root".equals(System.getProperty("user.name")));
        assertFalse(Files.getPosixFilePermissions(store.path(b.id())).stream()
                .anyMatch(p -> p.name().endsWith("WRITE")));
    }

    @Test
    void blobsAreForTheirOwnerToReadAndNobodyElse() throws IOException {
        StoredBlob stored = store.put(new ByteArrayInputStream(new byte[] {1, 2}));
        StoredBlob staged = store.stage(new ByteArrayInputStream(new byte[] {3, 4}), Long.MAX_VALUE);
        store.publishStaged();
        for (StoredBlob b : List.of(stored, staged)) {
            assertEquals(Set.of(PosixFilePermission.OWNER_READ), Files.getPosixFilePermissions(store.path(b.id())),
                    "mode of " + b.id());
        }
    }

    @Test
    void rehashTellsChangedAndMissingBlobs() throws IOException {
        StoredBlob b = store.put(new ByteArrayInputStream("original".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.of(b.id()), store.rehash(b.id()));
        Path p = store.path(b.id());
        p.toFile().setWritable(true);
        Files.writeString(p, "0riginal");
        assertFalse(store.rehash(b.id()).orElseThrow().equals(b.id()));
        Files.delete(p);
        assertEquals(Optional.empty(), store.rehash(b.id()));
    }

    /** A deterministic stream of any length that also feeds a digest, so no test holds the bytes in memory. */
    static final class PatternStream extends InputStream {
        private final long size;
        private final MessageDigest digest;
        private long pos;

        PatternStream(long size, MessageDigest digest) {
            this.size = size;
            this.digest = digest;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - pos);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) ((pos + i) * 31 >>> 3);
            }
            digest.update(b, off, n);
            pos += n;
            return n;
        }
    }
}
