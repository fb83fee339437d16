package org.tracelab.core.search;

import java.util.List;
import java.util.Objects;

/**
 * The answer to a search: how many items matched in all, and the best of them.
 *
 * @param query      the query as given
 * @param total      items that matched; when {@code totalExact} is false, a lower bound: more items matched
 * @param totalExact whether {@code total} was counted to the end
 * @param hits       the best {@code limit} of them, best first
 * @param emptyFilters the filters that no item of the case passes, when nothing matched
 */
public record SearchResults(String query, long total, boolean totalExact, List<SearchHit> hits,
                            List<EmptyFilter> emptyFilters) {
    public SearchResults {
        Objects.requireNonNull(query, "query");
        hits = List.copyOf(hits);
        emptyFilters = List.copyOf(emptyFilters);
    }
}
