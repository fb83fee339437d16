package org.tracelab.core.search;

import java.time.Instant;
import java.util.Objects;

/**
 * A search: a query in Lucene syntax and filters, each null when not given.
 *
 * @param query  the query text, e.g. {@code "ish taklif" AND phone:"+998 90 123 45 67"}
 * @param lang   language tag ({@code uz} matches both scripts, {@code uz-Cyrl} one)
 * @param host   host of the capture
 * @param since  captured at or after
 * @param until  captured at or before
 * @param entity {@code TYPE:VALUE}, e.g. {@code phone:+998901234567}
 * @param tag    a tag the item has now
 * @param kind   the item kind ({@code file}, {@code http-response}, {@code member}, …)
 * @param limit  most hits returned
 * @param exactCount count every match; otherwise counting stops past {@link CaseSearcher#COUNTED_EXACTLY}
 */
public record SearchRequest(String query, String lang, String host, Instant since, Instant until, String entity,
                            String tag, String kind, int limit, boolean exactCount) {
    /** Hits returned when no limit is given. */
    public static final int DEFAULT_LIMIT = 20;

    public SearchRequest {
        Objects.requireNonNull(query, "query");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        if (since != null && until != null && since.isAfter(until)) {
            throw new IllegalArgumentException("since " + since + " is after until " + until);
        }
    }

    /** A search with no filters. */
    public static SearchRequest of(String query) {
        return new SearchRequest(query, null, null, null, null, null, null, null, DEFAULT_LIMIT, false);
    }
}
