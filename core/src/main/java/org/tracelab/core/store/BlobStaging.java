package org.tracelab.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.tracelab.core.Hashing;
import org.tracelab.core.collect.BlobId;
import org.tracelab.core.collect.StoredBlob;

/**
 * The blobs of a {@link BlobStore} written but not yet named: kept under {@code blobs/incoming} without a sync of
 * their own, readable at once, and named in batches whose syncs are issued together, in the background once a
 * batch is full and at the latest by {@link #publishAll}, which the group commit runs before the rows that refer
 * to them commit. Nothing is named before its bytes were synced.
 *
 * <p>Where the store syncs its whole file system at once ({@link FileSystemSync}), there are no background batches:
 * a group's publish is two such syncs, one for the staged bytes before they are named and one for the names before
 * the rows commit, however many blobs the group holds (a group of fewer than {@link #WHOLE_SYNC_MIN} blobs or
 * folders syncs them one by one).
 */
final class BlobStaging {
    /** Syncs issued at once when publishing, so the file system can cover many of them with one journal commit. */
    private static final int SYNC_THREADS = 16;
    /**
     * The threads that issue those syncs, shared by every store and kept a few seconds between batches: a crawl
     * publishes a batch every 32 pages, and a new pool per batch started some 7,000 threads in a 2,000-page crawl.
     */
    private static final ExecutorService SYNCS = syncThreads();
    /** Staged blobs waiting that make the staging thread publish them, so syncs overlap other threads' work. */
    static final int BATCH = 32;
    /** The fewest fsyncs a whole-file-system sync replaces ({@link #wholeFor}). */
    static final int WHOLE_SYNC_MIN = 8;
    private static final String STAGED_SUFFIX = ".staged";

    private final BlobStore store;
    private final Path incoming;
    /** Staged blobs not yet named; the check-then-name steps of staging and publishing hold its monitor. */
    private final Map<BlobId, Path> staged = new LinkedHashMap<>();
    /** Staged blobs no thread is publishing yet; guarded by the monitor of {@link #staged}. */
    private final Map<BlobId, Path> unclaimed = new LinkedHashMap<>();
    /** Batches being published by some thread; guarded by the monitor of {@link #staged}. */
    private int publishing;
    /**
     * Folders with new entries not yet synced; guarded by the monitor of {@link #staged}. Only
     * {@link #publishAll} syncs them, once each for all the blobs named in them since the last group: with 256
     * fan-out folders a group of a few hundred blobs costs some hundred folder syncs, not one or two a blob.
     */
    private final Set<Path> unsyncedDirs = new LinkedHashSet<>();

    BlobStaging(BlobStore store, Path incoming) {
        this.store = store;
        this.incoming = incoming;
    }

    /** True when the blob is staged here, waiting to be named. */
    boolean holds(BlobId id) {
        synchronized (staged) {
            return staged.containsKey(id);
        }
    }

    /** Where a staged blob waits for its name. */
    Path path(BlobId id) {
        return incoming.resolve(id.sha256() + STAGED_SUFFIX);
    }

    /**
     * Stages a blob of at most {@link BlobStore#STAGE_MAX_BYTES}; a larger one is made durable and named at once.
     * See {@link BlobStore#stage}.
     *
     * <p>Once {@link #BATCH} blobs wait, they are published as one batch in the background, so syncing overlaps the
     * work of other threads and the group's commit finds little left to do.
     */
    StoredBlob stage(InputStream in, long limit) throws IOException {
        return stage(store.receive(in, limit, false));
    }

    /**
     * Stages bytes held in memory (an extracted text): hashed first, so bytes already stored or staged are not
     * written at all. Re-extracting a case makes every text again, and writing each to a temp file only to find it
     * stored and remove it was a tenth of {@code reindex --extract}'s CPU, in the file system's search for free
     * inodes among the many just freed.
     */
    StoredBlob stage(byte[] bytes) throws IOException {
        BlobId id = BlobId.ofDigest(Hashing.sha256().digest(bytes));
        if (bytes.length <= BlobStore.STAGE_MAX_BYTES) {
            synchronized (staged) {
                if (staged.containsKey(id) || store.contains(id)) {
                    return new StoredBlob(id, bytes.length, false, true);
                }
            }
        }
        return stage(store.receive(bytes, id));
    }

    /** Stages what was received into a temp file, which is named, moved or removed here. */
    private StoredBlob stage(BlobStore.Received r) throws IOException {
        StoredBlob blob;
        List<Map.Entry<BlobId, Path>> batch = List.of();
        boolean moved = false;
        try {
            if (r.size() > BlobStore.STAGE_MAX_BYTES) {
                BlobStore.sync(r.tmp());
                return r.blob(!store.moveIntoPlace(r.tmp(), r.id()));
            }
            synchronized (staged) {
                if (staged.containsKey(r.id()) || store.contains(r.id())) {
                    return r.blob(true);
                }
                Path name = path(r.id());
                Files.move(r.tmp(), name, StandardCopyOption.ATOMIC_MOVE);
                moved = true;
                staged.put(r.id(), name);
                unclaimed.put(r.id(), name);
                blob = r.blob(false);
                if (unclaimed.size() >= BATCH && store.wholeFileSystemSync().isEmpty()) {
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
     * the batch durable waits for it in {@link #publishAll}.
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
    int count() {
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
    void publishAll() throws IOException {
        while (true) {
            List<Map.Entry<BlobId, Path>> batch = List.of();
            List<Path> dirs = List.of();
            synchronized (staged) {
                while (unclaimed.isEmpty() && publishing > 0) {
                    try {
                        staged.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new java.io.InterruptedIOException("interrupted while syncing the evidence store");
                    }
                }
                if (!unclaimed.isEmpty()) {
                    batch = claim();
                } else if (!unsyncedDirs.isEmpty()) {
                    dirs = List.copyOf(unsyncedDirs);
                    unsyncedDirs.clear();
                    publishing++;
                } else {
                    return;
                }
            }
            if (!batch.isEmpty()) {
                publish(batch);
            } else {
                syncFolders(dirs);
            }
        }
    }

    /**
     * Syncs the folders taken off {@link #unsyncedDirs}, once each. A folder that gets another entry meanwhile is
     * listed again, so no entry counts as synced by a sync that began before it; on failure the folders are listed
     * again for the next call. Counted as a publish, so another caller waits for it.
     */
    private void syncFolders(List<Path> dirs) throws IOException {
        boolean synced = false;
        try {
            Optional<FileSystemSync> whole = wholeFor(dirs.size());
            if (whole.isPresent()) {
                // the renames are on the file system of the store's root, as no rename crosses file systems
                whole.get().sync(store.root());
            } else {
                concurrently(dirs, BlobStore::fsyncDirectory);
            }
            synced = true;
        } finally {
            synchronized (staged) {
                if (!synced) {
                    unsyncedDirs.addAll(dirs);
                }
                publishing--;
                staged.notifyAll();
            }
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

    /**
     * Syncs and names the blobs of a claimed batch, listing their folders for {@link #publishAll} to sync; on
     * failure, its unnamed blobs are unclaimed again.
     */
    private void publish(List<Map.Entry<BlobId, Path>> batch) throws IOException {
        int named = 0;
        try {
            syncBytes(batch.stream().map(Map.Entry::getValue).toList());
            for (Map.Entry<BlobId, Path> e : batch) {
                BlobId id = e.getKey();
                Path target = store.targetOf(id);
                store.makeFolder(target.getParent(), this::syncLater);
                synchronized (staged) {
                    if (Files.exists(target)) {
                        Files.deleteIfExists(e.getValue());
                    } else {
                        Files.move(e.getValue(), target, StandardCopyOption.ATOMIC_MOVE);
                        BlobStore.makeReadOnly(target);
                        unsyncedDirs.add(target.getParent());
                    }
                    staged.remove(id);
                }
                named++;
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

    /**
     * Makes the staged files' bytes durable before they are named: one sync of the whole file system where the
     * store has one ({@link BlobStore#wholeFileSystemSync}), else an fsync of each, several at a time.
     */
    private void syncBytes(List<Path> files) throws IOException {
        Optional<FileSystemSync> whole = wholeFor(files.size());
        if (whole.isPresent()) {
            whole.get().sync(incoming);
        } else {
            concurrently(files, BlobStore::sync);
        }
    }

    /**
     * The store's whole-file-system sync when it stands for at least {@link #WHOLE_SYNC_MIN} fsyncs: a few files are
     * synced on their own, so a slow collection's small groups do not wait for what other programs wrote to the
     * same file system.
     */
    private Optional<FileSystemSync> wholeFor(int fsyncs) {
        return fsyncs >= WHOLE_SYNC_MIN ? store.wholeFileSystemSync() : Optional.empty();
    }

    /** Folders whose new entries the next batch syncs, so a staged blob's folders cost no sync of their own. */
    private void syncLater(Path dir) {
        synchronized (staged) {
            unsyncedDirs.add(dir);
        }
    }

    /** Runs {@code task} on every path, several at a time; the first failure is thrown once all have finished. */
    private static void concurrently(Collection<Path> paths, BlobStore.FileTask task) throws IOException {
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
                new LinkedBlockingQueue<>(), Thread.ofPlatform().name("tracelab-blob-sync").daemon().factory());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

}
