package org.tracelab.collectors.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Good manners towards each server: one request at a time per origin, and a pause between two requests to the
 * same origin. Different origins proceed in parallel. Locks, not {@code synchronized}, so virtual threads waiting
 * for a host do not pin their carrier.
 */
final class Politeness {
    /** Work done while holding an origin's turn. */
    interface Turn<T> {
        T run() throws IOException;
    }

    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock(true);
        long notBefore = System.nanoTime();
    }

    private final long delayNanos;
    private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();

    Politeness(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay < 0: " + delay);
        }
        this.delayNanos = delay.toNanos();
    }

    /** Waits for {@code origin}'s turn and the pause since its last request, then runs {@code turn}. */
    <T> T inTurn(String origin, Turn<T> turn) throws IOException {
        Slot slot = slots.computeIfAbsent(origin, o -> new Slot());
        try {
            slot.lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted waiting for a turn at " + origin);
        }
        try {
            long wait = slot.notBefore - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            return turn.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted waiting for a turn at " + origin);
        } finally {
            slot.notBefore = System.nanoTime() + delayNanos;
            slot.lock.unlock();
        }
    }
}
