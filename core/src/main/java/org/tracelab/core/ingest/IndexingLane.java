package org.tracelab.core.ingest;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.tracelab.core.index.AnalysedText;
import org.tracelab.core.index.CaseIndex;
import org.tracelab.core.index.IndexedItem;

/**
 * Adds documents to a case index on a thread of its own, in the order given, so the thread that records texts in
 * the database goes on while Lucene inverts the last one (about half of that thread's work). At most {@link #DEPTH}
 * documents wait; the first failure is thrown to the giver at its next {@link #put} or {@link #drain}, and nothing
 * after it is added (the index is then not committed, and the next writer rebuilds it from the stored texts).
 */
final class IndexingLane implements AutoCloseable {
    /** Documents waiting at most: enough to even out one slow document, few enough to hold (each holds its text). */
    static final int DEPTH = 64;

    private final CaseIndex index;
    private final IngestThreads threads;
    private final ExecutorService thread;
    private final Semaphore room = new Semaphore(DEPTH);
    private volatile Throwable failure;
    private volatile boolean closed;

    IndexingLane(CaseIndex index, IngestThreads threads) {
        this.index = Objects.requireNonNull(index, "index");
        this.threads = Objects.requireNonNull(threads, "threads");
        this.thread = threads.pool(1, "tracelab-ingest-index");
    }

    /** Adds {@code item} (analysed ahead as {@code analysed}) after every document given before it. */
    void put(IndexedItem item, Optional<AnalysedText> analysed) throws IOException {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(analysed, "analysed");
        rethrow();
        try {
            threads.acquire(room);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while indexing");
        } catch (ExecutionException e) {
            throw failed(e.getCause());
        }
        thread.execute(() -> {
            try {
                if (failure == null && !closed) {
                    index.put(item, analysed);
                }
            } catch (IOException | RuntimeException | Error e) {
                failure = e;
            } finally {
                room.release();
            }
        });
    }

    /** Waits until every document given so far is in the index, or throws why one could not be added. */
    void drain() throws IOException {
        try {
            threads.await(thread.submit(() -> { }));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while indexing");
        } catch (ExecutionException e) {
            throw failed(e.getCause());
        }
        rethrow();
    }

    private void rethrow() throws IOException {
        Throwable t = failure;
        if (t != null) {
            throw failed(t);
        }
    }

    /** {@code t}, why a document could not be added, to throw on the giver's thread (thrown there at each call). */
    private static IOException failed(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw IngestThreads.again(e);
        }
        return new IOException(t instanceof IOException ? t.getMessage() : "indexing: " + t, t);
    }

    /**
     * Stops the thread once the document being added, if any, is in; what waits is not added (the caller is failing
     * or has drained). Not by interrupting it: an interrupt closes the channel Lucene is writing and fails the writer.
     */
    @Override
    public void close() {
        closed = true;
        thread.shutdown();
        try {
            thread.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
