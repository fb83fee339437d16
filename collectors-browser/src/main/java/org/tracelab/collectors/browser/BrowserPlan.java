package org.tracelab.collectors.browser;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.tracelab.collectors.http.CaptureSettings;

/**
 * What a {@code browser} run will do.
 *
 * @param seeds    the URLs asked for, canonical, without duplicates
 * @param depth    how many links away from a seed to follow (0: the seeds only)
 * @param sameHost true to follow links only to the host of the page they were found on
 * @param maxPages most pages rendered in the run
 * @param http     the manners shared with the HTTP collectors (robots.txt, allow-list, delay, body limit)
 * @param browser  how each page is visited
 */
record BrowserPlan(List<URI> seeds, int depth, boolean sameHost, int maxPages, CaptureSettings http,
                   BrowserSettings browser) {
    BrowserPlan {
        seeds = List.copyOf(seeds);
        if (seeds.isEmpty() || depth < 0 || maxPages < 1) {
            throw new IllegalArgumentException("a plan needs seeds, depth >= 0 and maxPages >= 1");
        }
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(browser, "browser");
    }
}
