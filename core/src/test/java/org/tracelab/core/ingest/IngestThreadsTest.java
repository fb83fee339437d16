package org.tracelab.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;

class IngestThreadsTest {
    @Test
    void aWaitForATaskThatWillNeverCompleteEndsWithTheErrorAThreadDiedOf() {
        IngestThreads threads = new IngestThreads();
        ExecutorService pool = threads.pool(1, "test-dying");
        try {
            OutOfMemoryError full = new OutOfMemoryError("Java heap space (a test's)");
            // Thrown outside any future, as the pool's bookkeeping throws it when the heap is full.
            pool.execute(() -> {
                throw full;
            });
            CompletableFuture<String> never = new CompletableFuture<>();
            ExecutionException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> assertThrows(ExecutionException.class, () -> threads.await(never)));
            assertSame(full, e.getCause());
            ExecutionException again = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> assertThrows(ExecutionException.class, () -> threads.acquire(new Semaphore(0))));
            assertSame(full, again.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void whatATaskGivesOrThrowsComesThroughAsFromAFuture() throws Exception {
        IngestThreads threads = new IngestThreads();
        ExecutorService pool = threads.pool(2, "test-working");
        try {
            assertEquals("done", threads.await(pool.submit(() -> {
                Thread.sleep(3 * IngestThreads.LOOK_MILLIS); // outlasts a look or two: nothing died, so it waits on
                return "done";
            })));
            IllegalStateException thrown = new IllegalStateException("a task's own failure (a test's)");
            ExecutionException e = assertThrows(ExecutionException.class, () -> threads.await(pool.submit(() -> {
                throw thrown;
            })));
            assertSame(thrown, e.getCause());
            Semaphore one = new Semaphore(1);
            threads.acquire(one);
            assertEquals(0, one.availablePermits());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFullHeapIsThrownAsANewErrorEachTimeSoItCanNeverBeSuppressedIntoItself() {
        OutOfMemoryError shared = new OutOfMemoryError("Java heap space");
        Error first = IngestThreads.again(shared);
        Error second = IngestThreads.again(shared);
        assertNotSame(first, second);
        assertSame(shared, first.getCause());
        assertEquals("Java heap space", first.getMessage());
        StackOverflowError other = new StackOverflowError();
        assertSame(other, IngestThreads.again(other));
    }
}
