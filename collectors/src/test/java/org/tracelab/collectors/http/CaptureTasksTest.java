package org.tracelab.collectors.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CaptureTasksTest {
    @Test
    void runsEveryTaskAndAwaitsThemAll() throws Exception {
        AtomicInteger done = new AtomicInteger();
        try (CaptureTasks tasks = new CaptureTasks(4)) {
            for (int i = 0; i < 100; i++) {
                tasks.submit(() -> {
                    sleep(1);
                    done.incrementAndGet();
                });
            }
            tasks.awaitAll();
            assertEquals(100, done.get(), "awaitAll returned before every task ended");
            tasks.submit(done::incrementAndGet); // still usable after an await
            tasks.awaitAll();
            assertEquals(101, done.get());
        }
    }

    @Test
    void neverMoreUnderWayThanItsBound() throws Exception {
        AtomicInteger now = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        try (CaptureTasks tasks = new CaptureTasks(3)) {
            for (int i = 0; i < 50; i++) {
                tasks.submit(() -> {
                    most.accumulateAndGet(now.incrementAndGet(), Math::max);
                    sleep(2);
                    now.decrementAndGet();
                });
            }
            tasks.awaitAll();
        }
        assertTrue(most.get() <= 3, "under way at once: " + most.get());
        assertTrue(most.get() >= 2, "tasks did run side by side: " + most.get());
    }

    @Test
    void theFirstFailureEndsTheRunAfterTheTasksUnderWayHaveEnded() throws Exception {
        IOException disk = new IOException("evidence store full (simulated)");
        CountDownLatch failed = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        AtomicInteger slowEnded = new AtomicInteger();
        try (CaptureTasks tasks = new CaptureTasks(8)) {
            tasks.submit(() -> {
                sleep(50);
                slowEnded.incrementAndGet();
            });
            tasks.submit(() -> {
                failed.countDown();
                throw disk;
            });
            failed.await();
            sleep(5);
            IOException thrown = assertThrows(IOException.class, () -> tasks.submit(ran::incrementAndGet));
            assertSame(disk, thrown, "a submission after the failure throws it at once");
            assertSame(disk, assertThrows(IOException.class, tasks::awaitAll));
            assertEquals(1, slowEnded.get(), "awaitAll waited for the task still under way");
        }
        assertEquals(0, ran.get(), "nothing starts after the failure");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
