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
 * Content-addressed, write-once storage of raw bytes under {@code blobs/sha256/ab/cd/<hash>}.
 *
 * <p>Bytes are hashed while they stream to a temporary file, which is fsynced and then renamed to its hash, so a
 * blob path either does not exist or holds exactly the bytes its name promises, whenever the process is killed.
 *
 * <p>Small blobs may instead be <em>staged</em> ({@link #stage}): written under {@code blobs/incoming} without a
 * sync, readable through {@link #open}, and named in batches whose syncs are issued together, at the latest by
 * {@link #publishStaged} before the rows referring to them commit. The promise about names is the same; only the
 * moment a blob gets its name moves.
 */
public final class BlobStore {
    /** Small enough that a small blob does not pay for clearing a large buffer, large enough for streaming. */
    private static final int BUFFER = 1 << 16;
    /** Blobs larger than this are made durable on their own even when staged: their sync is mostly data anyway. */
    public static final long STAGE_MAX_BYTES = 1 << 20;
    /** Syncs issued at once when publishing, so the file system can cover many of them with one journal commit. */
    private static final int SYNC_THREADS = 16;
    /**
     * The threads that issue those syncs, shared by every store and kept a few seconds between batches: a crawl
     * publishes a batch every 32 pages, and a new pool per batch started some 7,000 threads in a 2,000-page crawl.
     */
    private static final ExecutorService SYNCS = syncThreads();
    /** Staged blobs waiting that make the staging thread publish them, so syncs overlap other threads' work. */
    static final int BATCH = 32;
    private static final String STAGED_SUFFIX = ".staged";
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

    private final Path root;
    private final Path incoming;
    /** Staged blobs not yet named; the check-then-name steps of staging and publishing hold its monitor. */
    private final Map<BlobId, Path> staged = new LinkedHashMap<>();
    /** Staged blobs no thread is publishing yet; guarded by the monitor of {@link #staged}. */
    private final Map<BlobId, Path> unclaimed = new LinkedHashMap<>();
    /** Batches being published by some thread; guarded by the monitor of {@link #staged}. */
    private int publishing;
    /** Names this store's temp files apart from those of another store or process on the same folder. */
    private final String tempPrefix = Long.toHexString(ThreadLocalRandom.current().nextLong());
    private final AtomicLong tempCounter = new AtomicLong();
    /** Fan-out folders known to exist, so naming a blob in one costs no check of the file system. */
    private final Set<Path> knownFolders = ConcurrentHashMap.newKeySet();
    /** Folders with new entries whose sync has not yet succeeded; retried by the next publish. */
    private final Set<Path> unsyncedDirs = new LinkedHashSet<>();

    /** A store rooted at {@code blobsDir} (the case's {@code blobs} folder). */
    public BlobStore(Path blobsDir) {
        this.root = blobsDir.resolve("sha256");
        this.incoming = blobsDir.resolve("incoming");
    }

    /** The folder the blobs are stored in, by hash. */
    public Path root() {
        return root;
    }

    /** Creates the folders of an empty store. */
    public void create() throws IOException {
        Files.createDirectories(root);
        Files.createDirectories(incoming);
    }

    /** Where the blob lives once named, whether or not it exists. */
    public Path path(BlobId id) {
        String h = id.sha256();
        return root.resolve(h.substring(0, 2)).resolve(h.substring(2, 4)).resolve(h);
    }

    /** True when the blob is named in the store (staged blobs are not, until published). */
    public boolean contains(BlobId id) {
        return Files.isRegularFile(path(id));
    }

    /** True when the blob is named in the store or staged by this instance, waiting for {@link #publishStaged}. */
    public boolean holds(BlobId id) {
        synchronized (staged) {
            if (staged.containsKey(id)) {
                return true;
            }
        }
        return contains(id);
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
            return Files.newInputStream(stagedPath(id));
        } catch (NoSuchFileException published) {
            // named since the check: a publish renamed it into place
            return Files.newInputStream(named);
        }
    }

    private Path stagedPath(BlobId id) {
        return incoming.resolve(id.sha256() + STAGED_SUFFIX);
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
     *
     * <p>Once {@link #BATCH} blobs wait, they are published as one batch in the background, so syncing overlaps the
     * work of other threads and the group's commit finds little left to do.
     */
    public StoredBlob stage(InputStream in, long limit) throws IOException {
        Received r = receive(in, limit, false);
        StoredBlob blob;
        List<Map.Entry<BlobId, Path>> batch = List.of();
        boolean moved = false;
        try {
            if (r.size() > STAGE_MAX_BYTES) {
                sync(r.tmp());
                return r.blob(!moveIntoPlace(r.tmp(), r.id()));
            }
            synchronized (staged) {
                if (staged.containsKey(r.id()) || contains(r.id())) {
                    return r.blob(true);
                }
                Path name = stagedPath(r.id());
                Files.move(r.tmp(), name, StandardCopyOption.ATOMIC_MOVE);
                moved = true;
                staged.put(r.id(), name);
                unclaimed.put(r.id(), name);
                blob = r.blob(false);
                if (unclaimed.size() >= BATCH) {
                    batch = claim();
                }
            }
        } finally {
            if (!moved) {
                Files.deleteIfExists(r.tmp());
            }
        }
        if (!batch.isEmpty()) {
            publishInBackground(batch);
        }
        return blob;
    }

    /**
     * Publishes a claimed batch on a thread of its own, so the thread that staged it goes on: an ingest stores its
     * items in order, and a preparer waiting for a batch's syncs held up every item behind its own. Whoever needs
     * the batch durable waits for it in {@link #publishStaged}.
     */
    private void publishInBackground(List<Map.Entry<BlobId, Path>> batch) {
        Thread.ofVirtual().name("tracelab-blob-publish").start(() -> {
            try {
                publish(batch);
            } catch (IOException | RuntimeException e) {
                // Left staged for the group's commit, which retries it and reports what still fails.
            }
        });
    }

    /** How many blobs are staged and not yet named. */
    public int stagedCount() {
        synchronized (staged) {
            return staged.size();
        }
    }

    /**
     * Makes every blob staged so far durable and names it: syncs their bytes together, renames each into place,
     * then syncs each folder that got a new entry; waits for batches other threads are publishing. When it
     * returns, every blob staged before the call is named and durable. On failure, what was not yet named stays
     * staged for the next call; nothing is named before its bytes were synced.
     */
    public void publishStaged() throws IOException {
        while (true) {
            List<Map.Entry<BlobId, Path>> batch;
            synchronized (staged) {
                while (unclaimed.isEmpty() && publishing > 0) {
                    try {
                        staged.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new java.io.InterruptedIOException("interrupted while syncing the evidence store");
                    }
                }
                if (unclaimed.isEmpty() && unsyncedDirs.isEmpty()) {
                    return;
                }
                batch = claim();
            }
            publish(batch);
        }
    }

    /** Takes every unclaimed staged blob for the calling thread to publish; holds the monitor of staged. */
    private List<Map.Entry<BlobId, Path>> claim() {
        List<Map.Entry<BlobId, Path>> batch = new ArrayList<>(unclaimed.size());
        unclaimed.forEach((id, file) -> batch.add(Map.entry(id, file)));
        unclaimed.clear();
        publishing++;
        return batch;
    }

    /** Syncs, names and syncs the folders of a claimed batch; on failure, its unnamed blobs are unclaimed again. */
    private void publish(List<Map.Entry<BlobId, Path>> batch) throws IOException {
        int named = 0;
        try {
            concurrently(batch.stream().map(Map.Entry::getValue).toList(), BlobStore::sync);
            for (Map.Entry<BlobId, Path> e : batch) {
                BlobId id = e.getKey();
                Path target = path(id);
                makeFolders(target.getParent(), this::syncLater);
                synchronized (staged) {
                    if (Files.exists(target)) {
                        Files.deleteIfExists(e.getValue());
                    } else {
                        Files.move(e.getValue(), target, StandardCopyOption.ATOMIC_MOVE);
                        makeReadOnly(target);
                        unsyncedDirs.add(target.getParent());
                    }
                    staged.remove(id);
                }
                named++;
            }
            List<Path> dirs;
            synchronized (staged) {
                dirs = List.copyOf(unsyncedDirs);
            }
            concurrently(dirs, BlobStore::fsyncDirectory);
            synchronized (staged) {
                dirs.forEach(unsyncedDirs::remove);
            }
        } finally {
            synchronized (staged) {
                for (Map.Entry<BlobId, Path> e : batch.subList(named, batch.size())) {
                    unclaimed.put(e.getKey(), e.getValue());
                }
                publishing--;
                staged.notifyAll();
            }
        }
    }

    /** Folders whose new entries the next batch syncs, so a staged blob's folders cost no sync of their own. */
    private void syncLater(Path dir) {
        synchronized (staged) {
            unsyncedDirs.add(dir);
        }
    }

    private interface FileTask {
        void run(Path p) throws IOException;
    }

    /** Runs {@code task} on every path, several at a time; the first failure is thrown once all have finished. */
    private static void concurrently(Collection<Path> paths, FileTask task) throws IOException {
        if (paths.size() <= 1) {
            for (Path p : paths) {
                task.run(p);
            }
            return;
        }
        List<Future<?>> running = new ArrayList<>(paths.size());
        try {
            for (Path p : paths) {
                running.add(SYNCS.submit(() -> {
                    task.run(p);
                    return null;
                }));
            }
            IOException first = null;
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (first == null) {
                        first = e.getCause() instanceof IOException io ? io
                                : new IOException("syncing the evidence store: " + e.getCause(), e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while syncing the evidence store");
                }
            }
            if (first != null) {
                throw first;
            }
        } finally {
            // interrupted or failed early: what was not started need not run
            running.forEach(f -> f.cancel(false));
        }
    }

    private static ExecutorService syncThreads() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(SYNC_THREADS, SYNC_THREADS, 5, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "tracelab-blob-sync");
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private record Received(Path tmp, BlobId id, long size, boolean truncated) {
        StoredBlob blob(boolean existed) {
            return new StoredBlob(id, size, truncated, existed);
        }
    }

    /** Streams at most {@code limit} bytes into a new temp file, hashing them; the caller removes the file. */
    private Received receive(InputStream in, long limit, boolean force) throws IOException {
        if (limit < 0) {
            throw new IllegalArgumentException("limit < 0: " + limit);
        }
        TempFile temp = newTempFile();
        Path tmp = temp.path();
        try {
            MessageDigest sha = Hashing.sha256();
            long size = 0;
            boolean truncated = false;
            byte[] buf = new byte[BUFFER];
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
                    ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
                    while (bb.hasRemaining()) {
                        out.write(bb);
                    }
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

    private static void sync(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    /**
     * Evidence must not be edited by accident: blobs are read-only once named. Where POSIX modes exist the file was
     * created so; elsewhere the read-only attribute is set now.
     */
    private static void makeReadOnly(Path blob) {
        if (!POSIX) {
            blob.toFile().setReadOnly();
        }
    }

    /** Renames the finished, synced temp file to its hash; false when that blob already existed. */
    private boolean moveIntoPlace(Path tmp, BlobId id) throws IOException {
        Path target = path(id);
        if (Files.exists(target)) {
            return false;
        }
        Path dir = target.getParent();
        makeFolders(dir, BlobStore::fsyncDirectory);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException raced) {
            return false;
        }
        makeReadOnly(target);
        fsyncDirectory(dir);
        return true;
    }

    /**
     * Creates the two levels of fan-out folders; {@code syncParent} makes each new entry survive a power loss (at
     * once, or with the batch).
     */
    private void makeFolders(Path dir, FileTask syncParent) throws IOException {
        if (knownFolders.contains(dir)) {
            return;
        }
        if (Files.isDirectory(dir)) {
            knownFolders.add(dir);
            return;
        }
        Path upper = dir.getParent();
        if (!knownFolders.contains(upper) && !Files.isDirectory(upper)) {
            Files.createDirectories(upper);
            syncParent.run(root);
        }
        knownFolders.add(upper);
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException raced) {
            knownFolders.add(dir);
            return;
        }
        syncParent.run(upper);
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
