package org.tracelab.core.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Answers of a pure function kept by question, at most a given number, the least recently used dropped first; safe
 * to share between threads. For work that depends on its question alone and whose questions recur across the pages
 * of one site (a template's first line, its menu's links).
 *
 * @param <Q> the question, with value equality
 * @param <A> the answer, immutable
 */
public final class KeptAnswers<Q, A> {
    private final Map<Q, A> kept;

    /** Keeps at most {@code capacity} answers. */
    public KeptAnswers(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.kept = new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Q, A> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * The kept answer to {@code question}, else {@code work}'s, kept. The work runs outside the lock: two threads
     * asking the same new question both work it out, and give the same answer.
     */
    public A get(Q question, Function<Q, A> work) {
        synchronized (kept) {
            A known = kept.get(question);
            if (known != null) {
                return known;
            }
        }
        A answer = work.apply(question);
        synchronized (kept) {
            kept.put(question, answer);
        }
        return answer;
    }
}
