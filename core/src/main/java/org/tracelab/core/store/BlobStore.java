package org.tracelab.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.stream.Stream;
import org.tracelab.core.Hashing;

/**
 * Content-addressed, write-once storage of raw bytes under {@code blobs/sha256/ab/cd/<hash>}.
 *
 * <p>Bytes are hashed while they stream to a temporary file, which is fsynced and then renamed to its hash, so a
 * blob path either does not exist or holds exactly the bytes its name promises, whenever the process is killed.
 */
public final class BlobStore {
    static final int BUFFER = 1 << 20;

    private final Path root;
    private final Path incoming;

    /** A store rooted at {@code blobsDir} (the case's {@code blobs} folder). */
    public BlobStore(Path blobsDir) {
        this.root = blobsDir.resolve("sha256");
        this.incoming = blobsDir.resolve("incoming");
    }

    /** Creates the folders of an empty store. */
    public void create() throws IOException {
        Files.createDirectories(root);
        Files.createDirectories(incoming);
    }

    /** Where the blob lives, whether or not it exists. */
    public Path path(BlobId id) {
        String h = id.sha256();
        return root.resolve(h.substring(0, 2)).resolve(h.substring(2, 4)).resolve(h);
    }

    public boolean contains(BlobId id) {
        return Files.isRegularFile(path(id));
    }

    /** Opens a stored blob; the caller closes the stream. */
    public InputStream open(BlobId id) throws IOException {
        return Files.newInputStream(path(id));
    }

    /** Stores everything {@code in} yields; see {@link #put(InputStream, long)}. */
    public StoredBlob put(InputStream in) throws IOException {
        return put(in, Long.MAX_VALUE);
    }

    /**
     * Stores at most {@code limit} bytes of {@code in} and returns once they are durable on disk.
     * The stream is read but not closed. When the source holds more than {@code limit} bytes, the first
     * {@code limit} are stored and the result says it was truncated.
     */
    public StoredBlob put(InputStream in, long limit) throws IOException {
        if (limit < 0) {
            throw new IllegalArgumentException("limit < 0: " + limit);
        }
        Files.createDirectories(incoming);
        Path tmp = Files.createTempFile(incoming, "blob-", ".part");
        try {
            MessageDigest sha = Hashing.sha256();
            long size = 0;
            boolean truncated = false;
            byte[] buf = new byte[BUFFER];
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                while (true) {
                    int want = (int) Math.min(buf.length, limit - size);
                    if (want == 0) {
                        truncated = in.read() != -1;
                        break;
                    }
                    int n = in.read(buf, 0, want);
                    if (n < 0) {
                        break;
                    }
                    sha.update(buf, 0, n);
                    ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
                    while (bb.hasRemaining()) {
                        out.write(bb);
                    }
                    size += n;
                }
                out.force(true);
            }
            BlobId id = BlobId.ofDigest(sha.digest());
            return new StoredBlob(id, size, truncated, !moveIntoPlace(tmp, id));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Renames the finished temp file to its hash; false when that blob already existed. */
    private boolean moveIntoPlace(Path tmp, BlobId id) throws IOException {
        Path target = path(id);
        if (Files.exists(target)) {
            return false;
        }
        Path dir = target.getParent();
        createDurably(dir);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException raced) {
            return false;
        }
        // Evidence must not be edited by accident: blobs are read-only once named.
        target.toFile().setReadOnly();
        fsyncDirectory(dir);
        return true;
    }

    /** Creates the two levels of fan-out folders, syncing each parent so the new entries survive a power loss. */
    private void createDurably(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path upper = dir.getParent();
        if (!Files.isDirectory(upper)) {
            Files.createDirectories(upper);
            fsyncDirectory(root);
        }
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException raced) {
            return;
        }
        fsyncDirectory(upper);
    }

    /** Removes temp files a killed process left behind; they were never named, so nothing refers to them. */
    public int sweepIncoming() throws IOException {
        if (!Files.isDirectory(incoming)) {
            return 0;
        }
        int n = 0;
        try (Stream<Path> s = Files.list(incoming)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.deleteIfExists(p)) {
                    n++;
                }
            }
        }
        return n;
    }

    /**
     * Re-hashes a stored blob.
     *
     * @return the hash of the bytes found, or empty when the blob is missing
     */
    public Optional<BlobId> rehash(BlobId id) throws IOException {
        try (InputStream in = open(id)) {
            return Optional.of(hash(in));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** The SHA-256 of everything the stream yields; the stream is read, not closed. */
    public static BlobId hash(InputStream in) throws IOException {
        MessageDigest sha = Hashing.sha256();
        byte[] buf = new byte[BUFFER];
        int n;
        while ((n = in.read(buf)) >= 0) {
            sha.update(buf, 0, n);
        }
        return BlobId.ofDigest(sha.digest());
    }

    /** Makes a directory entry (a rename or create) durable, as POSIX requires a sync of the directory itself. */
    public static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }
}
