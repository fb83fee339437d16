package org.tracelab.core.export.bag;

import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import org.tracelab.core.Case;

/**
 * Which items a bag holds: every item of the case, or the items matching a search query together with the items
 * they were captured from (the redirect hops before a page, the page or archive a record or member was found in),
 * so that each match's provenance can be checked from the bag alone.
 */
final class BagSelection {
    /** Why an item is in the bag, as the items table's {@code included_as} column says it. */
    static final String CASE = "case";
    static final String MATCH = "match";
    static final String PARENT = "parent";

    private final String query;
    private final Map<Long, String> reasons;
    private final long matched;

    private BagSelection(String query, Map<Long, String> reasons, long matched) {
        this.query = query;
        this.reasons = reasons;
        this.matched = matched;
    }

    /** Every item of the case. */
    static BagSelection all() {
        return new BagSelection(null, null, -1);
    }

    /**
     * The items of {@code c} matching {@code query}, and their ancestors; a malformed query throws
     * {@link org.tracelab.core.search.QuerySyntaxException}.
     */
    static BagSelection matching(Case c, String query) {
        SortedSet<Long> hits = c.matching(query);
        Map<Long, String> reasons = new TreeMap<>();
        hits.forEach(id -> reasons.put(id, MATCH));
        for (long id : hits) {
            Long parent = c.item(id).parentId();
            while (parent != null && !reasons.containsKey(parent)) {
                reasons.put(parent, PARENT);
                parent = c.item(parent).parentId();
            }
        }
        return new BagSelection(query, reasons, hits.size());
    }

    /** True when the bag holds every item. */
    boolean whole() {
        return reasons == null;
    }

    boolean holds(long id) {
        return reasons == null || reasons.containsKey(id);
    }

    /** Why the item is in the bag: {@link #CASE}, {@link #MATCH} or {@link #PARENT}. */
    String reason(long id) {
        return reasons == null ? CASE : reasons.get(id);
    }

    /** The query, or null for a whole case. */
    String query() {
        return query;
    }

    /** Items that matched the query. */
    long matched() {
        return matched;
    }

    /** Items held only because a match was captured from them. */
    long parents() {
        return reasons == null ? 0 : reasons.size() - matched;
    }
}
