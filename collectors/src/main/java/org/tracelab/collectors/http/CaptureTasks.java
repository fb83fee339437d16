package org.tracelab.collectors.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Captures run side by side, each on a virtual thread of its own, so storing, WARC writing and reading one page
 * overlap the request for the next; {@link HttpCapture}'s turn per host still lets one request at a time go to a
 * host. At most {@link #IN_FLIGHT} tasks are under way; {@link #submit} waits for room. The first failure ends the
 * run: later submissions throw it at once, and {@link #awaitAll} throws it once every task under way has ended.
 */
public final class CaptureTasks implements AutoCloseable {
    /** A capture and what is read from it; throws what should end the run. */
    public interface Task {
        void run() throws IOException;
    }

    /** Tasks under way at most: enough to keep a host's turn busy, few enough to bound memory on huge lists. */
    static final int IN_FLIGHT = 256;

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore room;
    private final int limit;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /** Tasks with the default bound. */
    public CaptureTasks() {
        this(IN_FLIGHT);
    }

    CaptureTasks(int inFlight) {
        if (inFlight < 1) {
            throw new IllegalArgumentException("inFlight < 1: " + inFlight);
        }
        this.limit = inFlight;
        this.room = new Semaphore(inFlight);
    }

    /** Starts {@code task} once there is room; throws the run's first failure instead when there was one. */
    public void submit(Task task) throws IOException {
        throwFailure();
        acquire(1);
        threads.execute(() -> {
            try {
                if (failure.get() == null) {
                    task.run();
                }
            } catch (IOException | RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            } finally {
                room.release();
            }
        });
    }

    /** Waits until every task submitted so far has ended, then throws the first failure, if any. */
    public void awaitAll() throws IOException {
        acquire(limit);
        room.release(limit);
        throwFailure();
    }

    private void acquire(int permits) throws InterruptedIOException {
        try {
            room.acquire(permits);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted waiting for captures under way");
        }
    }

    private void throwFailure() throws IOException {
        Throwable f = failure.get();
        if (f instanceof IOException io) {
            throw io;
        }
        if (f instanceof RuntimeException r) {
            throw r;
        }
        if (f instanceof Error e) {
            throw e;
        }
    }

    /** Waits for the tasks under way (a failed run's too) and ends their threads. */
    @Override
    public void close() {
        threads.close();
    }
}
