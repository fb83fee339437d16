package org.tracelab.collectors.page;

import java.net.URI;
import java.util.List;
import org.tracelab.core.collect.CollectRequest;
import org.tracelab.core.collect.CollectorOption;
import org.tracelab.core.collect.IntOption;

/**
 * How far a crawl goes, declared and read once for every crawl ({@code collect page}, {@code collect browser}).
 *
 * @param seeds    the URLs asked for, canonical, without duplicates
 * @param depth    how many links away from a seed to follow (0: the seeds only)
 * @param sameHost true to follow links only to the host of the page they were found on
 * @param maxPages most pages visited in the run, redirects not counted
 */
public record CrawlScope(List<URI> seeds, int depth, boolean sameHost, int maxPages) {
    static final IntOption DEPTH = new IntOption("--depth", "N", "follow links up to N steps from the given URLs", 0, 0,
            100);
    static final IntOption MAX_PAGES = new IntOption("--max-pages", "N", "visit at most N pages in this run", 10_000,
            1, 10_000_000);
    static final CollectorOption SAME_HOST = CollectorOption.flag("--same-host",
            "follow links only to the host of the page they are on");

    public CrawlScope {
        seeds = List.copyOf(seeds);
        if (depth < 0) {
            throw new IllegalArgumentException("depth < 0: " + depth);
        }
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages < 1: " + maxPages);
        }
    }

    /** The options of a crawl's scope, in the order help shows them. */
    public static List<CollectorOption> options() {
        return List.of(UrlList.FROM, DEPTH.option(), SAME_HOST, MAX_PAGES.option());
    }

    /** Reads and checks the scope of {@code request}; any fault is bad input naming it. */
    public static CrawlScope read(CollectRequest request) {
        int maxPages = MAX_PAGES.read(request);
        return new CrawlScope(UrlList.of(request, maxPages), DEPTH.read(request), request.flag(SAME_HOST.name()),
                maxPages);
    }

    /** True when a link found on the page at {@code from} is one this crawl may follow. */
    public boolean follows(URI link, URI from) {
        return !sameHost || link.getHost() != null && link.getHost().equalsIgnoreCase(from.getHost());
    }
}
