package org.tracelab.samples;

/**
 * What a generation wrote.
 *
 * @param ads ads written
 * @param deceptive ads the key marks deceptive
 * @param clusters planted clusters
 * @param reposts repost groups
 * @param listingPages listing pages
 */
public record ScenarioSummary(int ads, int deceptive, int clusters, int reposts, int listingPages) {
}
