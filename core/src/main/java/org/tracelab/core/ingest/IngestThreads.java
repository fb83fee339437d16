package org.tracelab.core.ingest;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The threads of one ingest run (its preparers, the worker's lane, the indexing lane), made so that one dying is
 * seen. A task's own failure reaches its future; a thread dies only of an error thrown outside its task, in the
 * pool's own bookkeeping when the heap is full, and then the task it held never completes and the pool may not even
 * start a thread in its place. Whoever waits on these threads therefore waits a short while at a time and asks
 * whether one died: the run ends with that thread's error, as one line, instead of waiting for ever (seen: a
 * reindex with a 48 MB heap hung so after a preparer's thread died in {@code ThreadPoolExecutor.addWorker}).
 */
final class IngestThreads {
    /** How long a wait lasts before it asks whether a thread died: unnoticed in a run, short beside a person. */
    static final long LOOK_MILLIS = 200;

    /** The first error a thread died of; written without allocating, which a full heap would refuse. */
    private volatile Throwable died;

    /** A pool of {@code threads} daemon threads named {@code name}, whose deaths this sees and keeps off stderr. */
    ExecutorService pool(int threads, String name) {
        return Executors.newFixedThreadPool(threads, Thread.ofPlatform().name(name).daemon()
                .uncaughtExceptionHandler((thread, e) -> {
                    if (died == null) {
                        died = e;
                    }
                }).factory());
    }

    /** What {@code f} gives; its failure, or the error a thread of this run died of, as the cause. */
    <T> T await(Future<T> f) throws InterruptedException, ExecutionException {
        while (true) {
            try {
                return f.get(LOOK_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throwIfDied();
            }
        }
    }

    /** A permit of {@code s}, unless a thread of this run died first (its error as the cause). */
    void acquire(Semaphore s) throws InterruptedException, ExecutionException {
        while (!s.tryAcquire(LOOK_MILLIS, TimeUnit.MILLISECONDS)) {
            throwIfDied();
        }
    }

    private void throwIfDied() throws ExecutionException {
        Throwable d = died;
        if (d != null) {
            throw new ExecutionException("a thread of the ingest died", d);
        }
    }

    /**
     * {@code e} to throw on the waiting thread: a heap exhaustion as a new error each time, since the JVM may hand
     * every thread the same preallocated one, and the same instance thrown twice into a try-with-resources would be
     * suppressed into itself (an internal error instead of the one line the command line gives a full heap).
     */
    static Error again(Error e) {
        if (e instanceof OutOfMemoryError oom) {
            OutOfMemoryError again = new OutOfMemoryError(oom.getMessage());
            again.initCause(oom);
            return again;
        }
        return e;
    }
}
