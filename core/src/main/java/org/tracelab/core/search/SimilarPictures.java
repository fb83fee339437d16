package org.tracelab.core.search;

import java.util.Map;

/**
 * The case's pictures as {@code image:ITEM} in a query sees them: which items have a picture like those of an item
 * (its own, or those it holds), by PDQ distance. Hashes live in the case database, not in the index.
 */
public interface SimilarPictures {
    /** A case without picture hashes: what a parser with no case behind it sees. */
    SimilarPictures NONE = item -> Map.of();

    /**
     * The items with a picture within the links' distance of {@code item}'s, each with its nearest distance (0 to
     * 256), nearest first; empty when {@code item} has no hashed picture.
     */
    Map<Long, Integer> similarTo(long item);
}
