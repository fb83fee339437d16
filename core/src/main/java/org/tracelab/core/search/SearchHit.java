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
 * @param passages   passages of its text with matches between {@link #MARK_START} and {@link #MARK_END}, from a
 *                   page's main text when the match is there
 * @param alsoMatched other items of the same capture that matched (a page and the ad record read out of it are
 *                   one hit), in rank order
 */
public record SearchHit(long id, float score, String kind, String source, String language, Instant capturedAt,
                        Optional<String> title, List<String> passages, List<Long> alsoMatched) {
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
        alsoMatched = List.copyOf(alsoMatched);
    }

    /** This hit with {@code other}, an item of the same capture ranked lower, noted as also matching. */
    SearchHit with(long other) {
        List<Long> more = new java.util.ArrayList<>(alsoMatched);
        more.add(other);
        return new SearchHit(id, score, kind, source, language, capturedAt, title, passages, more);
    }
}
