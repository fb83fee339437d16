package org.tracelab.core.search;

import java.util.List;
import java.util.Objects;

/**
 * The answer to a search: how many items matched in all, and the best of them.
 *
 * @param query the query as given
 * @param total items that matched
 * @param hits  the best {@code limit} of them, best first
 */
public record SearchResults(String query, long total, List<SearchHit> hits) {
    public SearchResults {
        Objects.requireNonNull(query, "query");
        hits = List.copyOf(hits);
    }
}
