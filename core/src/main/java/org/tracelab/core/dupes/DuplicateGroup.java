package org.tracelab.core.dupes;

import java.util.List;

/**
 * Items whose texts are near-duplicates: the same template with a new phone, price or city.
 *
 * @param items      item ids in the order they were added (the first is the earliest seen)
 * @param similarity the lowest exact Jaccard similarity of a member's shingles to the first item's
 */
public record DuplicateGroup(List<String> items, double similarity) {
    public DuplicateGroup {
        items = List.copyOf(items);
        if (items.size() < 2) {
            throw new IllegalArgumentException("a group has at least two items: " + items);
        }
        if (!(similarity >= 0 && similarity <= 1)) {
            throw new IllegalArgumentException("similarity " + similarity + " not in [0, 1]");
        }
    }
}
