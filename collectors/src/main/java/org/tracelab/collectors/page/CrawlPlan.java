package org.tracelab.collectors.page;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.tracelab.collectors.http.CaptureSettings;

/**
 * What a {@code page} run will do.
 *
 * @param seeds    the URLs asked for, canonical, without duplicates
 * @param depth    how many links away from a seed to follow (0: the seeds only)
 * @param sameHost true to follow links only to the host of the page they were found on
 * @param maxPages most URLs fetched in the run, redirects not counted
 * @param settings limits and manners of each fetch
 * @param images   true to keep the pictures of each page captured, as items under it
 */
record CrawlPlan(List<URI> seeds, int depth, boolean sameHost, int maxPages, CaptureSettings settings,
                 boolean images) {
    CrawlPlan {
        seeds = List.copyOf(seeds);
        if (depth < 0) {
            throw new IllegalArgumentException("depth < 0: " + depth);
        }
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages < 1: " + maxPages);
        }
        Objects.requireNonNull(settings, "settings");
    }
}
