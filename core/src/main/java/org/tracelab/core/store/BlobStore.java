package org.tracelab.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.tracelab.core.Hashing;
import org.tracelab.core.collect.BlobId;
import org.tracelab.core.collect.StoredBlob;

/**
 * Content-addressed, write-once storage of raw bytes under {@code blobs/sha256/ab/<hash>}: one level of 256
 * folders, so blobs share their folders' syncs (a group of captures syncs each folder it touched once) and no blob
 * makes a folder of its own. Stores made before that layout ({@code sha256/ab/cd/<hash>}) are read as they are and
 * moved by {@link #upgradeLayout}, which every writer runs on opening; this class is the one place that knows the
 * layout.
 *
 * <p>Bytes are hashed while they stream to a temporary file, which is fsynced and then renamed to its hash, so a
 * blob path either does not exist or holds exactly the bytes its name promises, whenever the process is killed.
 *
 * <p>Small blobs may instead be <em>staged</em> ({@link #stage}): written under {@code blobs/incoming} without a
 * sync, readable through {@link #open}, and named in batches whose syncs are issued together, at the latest by
 * {@link #publishStaged} before the rows referring to them commit. The promise about names is the same; only the
 * moment a blob gets its name moves. Staging is {@link BlobStaging}'s job; this class names, stores and reads.
 */
public final class BlobStore {
    /** Large enough for streaming; each thread keeps its own (see {@link #BUFFERS}). */
    private static final int BUFFER = 1 << 16;
    /**
     * A copy buffer per thread, kept between blobs: a new 64 KiB array per blob was 640 MiB allocated and cleared
     * for an import of 10,000 small files. A blob is copied by one thread from start to end, so none is shared.
     */
    private static final ThreadLocal<byte[]> BUFFERS = ThreadLocal.withInitial(() -> new byte[BUFFER]);
    /** Blobs larger than this are made durable on their own even when staged: their sync is mostly data anyway. */
    public static final long STAGE_MAX_BYTES = 1 << 20;
    private static final Set<StandardOpenOption> NEW_TEMP =
            EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    /**
     * Read-only for the owner and nobody else from the start: evidence is not for other users to read, nor to be
     * edited by accident once named, and a mode given at creation costs no later chmod per blob. The channel that
     * creates the file may still write it; syncs open it for reading, which fsync allows.
     */
    private static final FileAttribute<?>[] OWNER_READ_ONLY = POSIX
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(EnumSet.of(PosixFilePermission.OWNER_READ))}
            : new FileAttribute<?>[0];

    /**
     * Written (synced, renamed into place) once every blob is in the one-level layout: a store without it may hold
     * blobs in the two-level layout of before, which reads then look for too.
     */
    static final String LAYOUT_MARKER = "layout";
    /** Where a blob lies under {@code blobs}, what the marker says for a person who finds it. */
    public static final String LAYOUT = "sha256/ab/<sha256>";
    /** The layout of stores made before session 12, which {@link #upgradeLayout} moves blobs out of. */
    public static final String TWO_LEVEL_LAYOUT = "sha256/ab/cd/<sha256>";

    private final Path blobsDir;
    private final Path root;
    private final Path incoming;
    /** False while blobs may still lie in the two-level layout (a store not yet upgraded, read as it is). */
    private volatile boolean oneLevel;
    /** Names this store's temp files apart from those of another store or process on the same folder. */
    private final String tempPrefix = Long.toHexString(ThreadLocalRandom.current().nextLong());
    private final AtomicLong tempCounter = new AtomicLong();
    /** Fan-out folders known to exist, so naming a blob in one costs no check of the file system. */
    private final Set<Path> knownFolders = ConcurrentHashMap.newKeySet();
    /** The blobs written but not yet named: see {@link #stage}. */
    private final BlobStaging staging;
    /** How staged blobs are synced, once decided: see {@link #wholeFileSystemSync}. */
    private volatile Optional<FileSystemSync> wholeSync;

    /** A store rooted at {@code blobsDir} (the case's {@code blobs} folder). */
    public BlobStore(Path blobsDir) {
        this.blobsDir = blobsDir;
        this.root = blobsDir.resolve("sha256");
        this.incoming = blobsDir.resolve("incoming");
        this.staging = new BlobStaging(this, incoming);
        this.oneLevel = Files.exists(blobsDir.resolve(LAYOUT_MARKER));
    }

    /**
     * A store whose staged blobs are synced by {@code wholeSync}, or file by file when it is empty, whatever this
     * machine has: how tests see both ways, and count or fail the syncs.
     */
    BlobStore(Path blobsDir, Optional<FileSystemSync> wholeSync) {
        this(blobsDir);
        this.wholeSync = wholeSync;
    }

    /** The folder the blobs are stored in, by hash. */
    public Path root() {
        return root;
    }

    /** Creates the folders of an empty store, marked as being in the one-level layout. */
    public void create() throws IOException {
        Files.createDirectories(root);
        Files.createDirectories(incoming);
        markOneLevel();
    }

    /**
     * Moves every blob of a store made in the two-level layout into the one-level one, crash-safely: each move is
     * an atomic rename, the folders' new entries are synced before the store is marked, and a run cut short is
     * finished by the next. Nothing when the store is marked already.
     *
     * @return how many blobs were moved, or empty when the store was in the one-level layout already
     */
    public Optional<FanOutUpgrade.Result> upgradeLayout() throws IOException {
        if (oneLevel) {
            return Optional.empty();
        }
        FanOutUpgrade.Result r = new FanOutUpgrade(root).run();
        markOneLevel();
        return Optional.of(r);
    }

    /** Writes the layout marker durably: a temp file synced, renamed into place, its folder synced. */
    private void markOneLevel() throws IOException {
        Path marker = blobsDir.resolve(LAYOUT_MARKER);
        if (!Files.exists(marker)) {
            Path tmp = blobsDir.resolve(LAYOUT_MARKER + "." + tempPrefix + ".part");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(ByteBuffer.wrap((LAYOUT + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
                ch.force(true);
            }
            Files.move(tmp, marker, StandardCopyOption.ATOMIC_MOVE);
            fsyncDirectory(blobsDir);
        }
        oneLevel = true;
    }

    /**
     * Where the blob lives, whether or not it exists: in the one-level layout, or, in a store not yet upgraded,
     * wherever it is found.
     */
    public Path path(BlobId id) {
        Path named = target(id);
        if (oneLevel || Files.exists(named)) {
            return named;
        }
        Path before = FanOutUpgrade.twoLevelPath(root, id.sha256());
        return Files.exists(before) ? before : named;
    }

    /** Where a blob is named in the one-level layout: {@code sha256/ab/<hash>}. */
    private Path target(BlobId id) {
        String h = id.sha256();
        return root.resolve(h.substring(0, 2)).resolve(h);
    }

    /** True when the blob is named in the store (staged blobs are not, until published). */
    public boolean contains(BlobId id) {
        return Files.isRegularFile(path(id));
    }

    /** True when the blob is named in the store or staged by this instance, waiting for {@link #publishStaged}. */
    public boolean holds(BlobId id) {
        return staging.holds(id) || contains(id);
    }

    /**
     * Opens a stored or staged blob; the caller closes the stream. The blob may have been staged by another
     * instance on the same folder (a collector reading back what the case's store staged), so this instance's
     * list of staged blobs cannot tell where it is; a check of the name can, as a named blob is never removed.
     */
    public InputStream open(BlobId id) throws IOException {
        Path named = path(id);
        if (Files.exists(named)) {
            return Files.newInputStream(named);
        }
        try {
            return Files.newInputStream(staging.path(id));
        } catch (NoSuchFileException published) {
            // named since the check: a publish renamed it into place (or a writer's upgrade moved it)
            return Files.newInputStream(path(id));
        }
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
        Received r = receive(in, limit, true);
        try {
            return r.blob(!moveIntoPlace(r.tmp(), r.id()));
        } finally {
            Files.deleteIfExists(r.tmp());
        }
    }

    /**
     * Like {@link #put(InputStream, long)}, but a blob of at most {@link #STAGE_MAX_BYTES} is only staged: readable
     * at once through {@link #open}, durable and named by the next {@link #publishStaged} at the latest. Nothing may
     * refer to a staged blob durably (a committed row, say) before that publish returns. The same bytes staged
     * twice, or already stored, are kept once and the result says they existed.
     */
    public StoredBlob stage(InputStream in, long limit) throws IOException {
        return staging.stage(in, limit);
    }

    /** Like {@link #stage(InputStream, long)} for bytes in memory, which cost no file when the store holds them. */
    public StoredBlob stage(byte[] bytes) throws IOException {
        return staging.stage(bytes);
    }

    /** How many blobs are staged and not yet named. */
    public int stagedCount() {
        return staging.count();
    }

    /**
     * Makes every blob staged so far durable and names it. When it returns, every blob staged before the call is
     * named and durable; on failure, what was not yet named stays staged for the next call.
     */
    public void publishStaged() throws IOException {
        staging.publishAll();
    }

    /**
     * The sync of the whole file system that stands, for staged blobs, for an fsync of each blob and folder: where
     * {@link FileSystemSync} has one and the store's incoming folder and its blobs' root lie on one file system
     * (checked once), so the sync of one covers the bytes, the renames and the folders made alike. Empty otherwise.
     */
    Optional<FileSystemSync> wholeFileSystemSync() {
        Optional<FileSystemSync> w = wholeSync;
        if (w == null) {
            try {
                w = Files.getAttribute(incoming, "unix:dev").equals(Files.getAttribute(root, "unix:dev"))
                        ? FileSystemSync.find() : Optional.empty();
            } catch (NoSuchFileException notYet) {
                return Optional.empty(); // decided once both folders exist; file by file until then
            } catch (IOException | UnsupportedOperationException | IllegalArgumentException unknown) {
                w = Optional.empty();
            }
            wholeSync = w;
        }
        return w;
    }

    /** Work on a file that may fail. */
    interface FileTask {
        void run(Path p) throws IOException;
    }

    record Received(Path tmp, BlobId id, long size, boolean truncated) {
        StoredBlob blob(boolean existed) {
            return new StoredBlob(id, size, truncated, existed);
        }
    }

    /** Streams at most {@code limit} bytes into a new temp file, hashing them; the caller removes the file. */
    Received receive(InputStream in, long limit, boolean force) throws IOException {
        if (limit < 0) {
            throw new IllegalArgumentException("limit < 0: " + limit);
        }
        TempFile temp = newTempFile();
        Path tmp = temp.path();
        try {
            MessageDigest sha = Hashing.sha256();
            long size = 0;
            boolean truncated = false;
            byte[] buf = BUFFERS.get();
            try (FileChannel out = temp.channel()) {
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
                    writeFully(out, ByteBuffer.wrap(buf, 0, n));
                    size += n;
                }
                if (force) {
                    out.force(true);
                }
            }
            return new Received(tmp, BlobId.ofDigest(sha.digest()), size, truncated);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /** Writes {@code bytes}, already hashed as {@code id}, to a new temp file, not synced; the caller removes it. */
    Received receive(byte[] bytes, BlobId id) throws IOException {
        TempFile temp = newTempFile();
        try (FileChannel out = temp.channel()) {
            writeFully(out, ByteBuffer.wrap(bytes));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp.path());
            throw e;
        }
        return new Received(temp.path(), id, bytes.length, false);
    }

    private static void writeFully(FileChannel out, ByteBuffer bb) throws IOException {
        while (bb.hasRemaining()) {
            out.write(bb);
        }
    }

    /**
     * A new, empty temp file under {@link #incoming}, named by this store's random prefix and a counter:
     * {@code Files.createTempFile} draws a SecureRandom name and builds permission attributes for every file, a
     * measurable share of a crawl's CPU. CREATE_NEW still guarantees the file is ours.
     */
    private TempFile newTempFile() throws IOException {
        while (true) {
            Path tmp = incoming.resolve("blob-" + tempPrefix + "-" + tempCounter.incrementAndGet() + ".part");
            try {
                return new TempFile(tmp, FileChannel.open(tmp, NEW_TEMP, OWNER_READ_ONLY));
            } catch (FileAlreadyExistsException taken) {
                // left by an earlier store with the same prefix: take the next number
            } catch (NoSuchFileException noFolder) {
                // Made on first use only: creating it before every blob cost two exceptions a blob inside the JDK.
                Files.createDirectories(incoming);
            }
        }
    }

    /** A temp file just created, open for writing; the caller closes the channel and removes the file. */
    private record TempFile(Path path, FileChannel channel) {
    }

    static void sync(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    /**
     * Evidence must not be edited by accident: blobs are read-only once named. Where POSIX modes exist the file was
     * created so; elsewhere the read-only attribute is set now.
     */
    static void makeReadOnly(Path blob) {
        if (!POSIX) {
            blob.toFile().setReadOnly();
        }
    }

    /** Renames the finished, synced temp file to its hash; false when that blob already existed. */
    boolean moveIntoPlace(Path tmp, BlobId id) throws IOException {
        Path target = target(id);
        if (Files.exists(target)) {
            return false;
        }
        Path dir = target.getParent();
        makeFolder(dir, BlobStore::fsyncDirectory);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException raced) {
            return false;
        }
        makeReadOnly(target);
        fsyncDirectory(dir);
        return true;
    }

    /** Where {@link BlobStaging} names a blob: always the one-level layout. */
    Path targetOf(BlobId id) {
        return target(id);
    }

    /**
     * Creates a fan-out folder once per store instance; {@code syncParent} makes its new entry survive a power
     * loss (at once, or with the group). Later blobs in a known folder cost no check of the file system.
     */
    void makeFolder(Path dir, FileTask syncParent) throws IOException {
        if (knownFolders.contains(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            try {
                Files.createDirectory(dir);
                syncParent.run(root);
            } catch (FileAlreadyExistsException raced) {
                if (!Files.isDirectory(dir)) {
                    throw raced;
                }
            } catch (NoSuchFileException noRoot) {
                // a store whose folders were never made (create() not called): made now, once
                Files.createDirectories(dir);
                syncParent.run(root.getParent());
                syncParent.run(root);
            }
        }
        knownFolders.add(dir);
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
        // The named file only: a staged copy is not yet in the store.
        try (InputStream in = Files.newInputStream(path(id))) {
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
