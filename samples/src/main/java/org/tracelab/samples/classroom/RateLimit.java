package org.tracelab.samples.classroom;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** At most {@code limit} events per key in any sliding window of {@code window}. */
final class RateLimit {
    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Long>> events = new HashMap<>();

    RateLimit(int limit, Duration window, Clock clock) {
        if (limit < 1) {
            throw new IllegalArgumentException("a rate limit allows at least 1, not " + limit);
        }
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Counts an event of {@code key}; returns 0 when allowed, else the seconds until one more would be. */
    synchronized long take(String key) {
        long now = clock.millis();
        Deque<Long> d = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        while (!d.isEmpty() && d.peekFirst() <= now - window.toMillis()) {
            d.removeFirst();
        }
        if (d.size() >= limit) {
            return Math.max(1, (d.peekFirst() + window.toMillis() - now + 999) / 1000);
        }
        d.addLast(now);
        return 0;
    }

    int limit() {
        return limit;
    }
}
