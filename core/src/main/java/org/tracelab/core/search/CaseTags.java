package org.tracelab.core.search;

import java.util.List;

/**
 * The tags of a case as its database holds them now: the one source of truth for both {@code tag:} in a query and
 * the {@code --tag} filter (tags change after indexing, so the index does not hold them).
 */
public interface CaseTags {
    /** A case without tags: what a parser with no case behind it sees. */
    CaseTags NONE = new CaseTags() {
        @Override
        public List<String> names() {
            return List.of();
        }

        @Override
        public List<Long> itemsTagged(String tag) {
            return List.of();
        }
    };

    /** Every tag some item has, sorted. */
    List<String> names();

    /** The items that have exactly {@code tag}, in id order. */
    List<Long> itemsTagged(String tag);
}
