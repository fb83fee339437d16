package org.tracelab.core.search;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One item that matched, with the passages of its text that show why.
 *
 * @param id         the item id
 * @param score      relevance, higher first; comparable only within one search
 * @param kind       the item kind
 * @param source     where the item came from
 * @param language   language tag of its text
 * @param capturedAt when it was captured
 * @param title      its document title, if any
 * @param passages   passages of its text with matches between {@link #MARK_START} and {@link #MARK_END}
 */
public record SearchHit(long id, float score, String kind, String source, String language, Instant capturedAt,
                        Optional<String> title, List<String> passages) {
    /** Opens a match in a passage. */
    public static final String MARK_START = "«";
    /** Closes a match in a passage. */
    public static final String MARK_END = "»";

    public SearchHit {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(capturedAt, "capturedAt");
        Objects.requireNonNull(title, "title");
        passages = List.copyOf(passages);
    }
}
