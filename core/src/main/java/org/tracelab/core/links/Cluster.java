package org.tracelab.core.links;

import java.util.List;

/**
 * Items connected through shared identifiers, directly or in a chain (A shares a phone with B, B a handle with C).
 *
 * @param items  the item ids, sorted
 * @param shared the identifiers that at least two of the items hold, sorted: what ties the cluster together
 */
public record Cluster(List<String> items, List<Identifier> shared) {
    public Cluster {
        items = List.copyOf(items);
        shared = List.copyOf(shared);
        if (items.size() < 2) {
            throw new IllegalArgumentException("a cluster has at least two items: " + items);
        }
    }
}
