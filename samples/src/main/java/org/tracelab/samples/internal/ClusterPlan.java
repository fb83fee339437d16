package org.tracelab.samples.internal;

import java.util.List;

/**
 * A planted group of ads sharing identifiers.
 *
 * @param id cluster id
 * @param ads member ad ids, in page order
 * @param shared the shared identifiers (style irrelevant)
 */
public record ClusterPlan(String id, List<String> ads, List<Contact> shared) {
    /** Freezes the lists. */
    public ClusterPlan {
        ads = List.copyOf(ads);
        shared = List.copyOf(shared);
    }
}
