package org.tracelab.samples.internal;

import java.util.List;

/**
 * The plan of one block of consecutive ads: blocks are planned independently from the seed, which is what lets
 * generation stream any number of ads with memory bounded by the block size.
 *
 * @param ads the ads in page order
 * @param clusters clusters whose members all lie in this block
 * @param reposts repost groups: template id and member ids (original first)
 */
public record BlockPlan(List<AdPlan> ads, List<ClusterPlan> clusters, List<RepostGroup> reposts) {
    /** A template and the ads that carry its text. */
    public record RepostGroup(String template, List<String> ads) {
        /** Freezes the list. */
        public RepostGroup {
            ads = List.copyOf(ads);
        }
    }

    /** Freezes the lists. */
    public BlockPlan {
        ads = List.copyOf(ads);
        clusters = List.copyOf(clusters);
        reposts = List.copyOf(reposts);
    }
}
