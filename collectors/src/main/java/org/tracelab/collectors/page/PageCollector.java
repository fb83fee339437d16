package org.tracelab.collectors.page;

import java.io.IOException;
import java.util.List;
import org.tracelab.collectors.http.HttpCapture;
import org.tracelab.collectors.http.HttpCollector;
import org.tracelab.collectors.http.HttpOptions;
import org.tracelab.collectors.images.Photos;
import org.tracelab.core.collect.CaptureSink;
import org.tracelab.core.collect.CollectRequest;
import org.tracelab.core.collect.CollectorOption;
import org.tracelab.core.collect.IntOption;

/**
 * {@code collect page URL...}: captures web pages, and with {@code --depth} crawls the links they hold, politely;
 * with {@code --images} keeps the pictures each page shows.
 */
public final class PageCollector extends HttpCollector {
    /** The collector's id on the command line. */
    public static final String ID = "page";
    static final IntOption DEPTH = new IntOption("--depth", "N", "follow links up to N steps from the given URLs", 0, 0,
            100);
    static final IntOption MAX_PAGES = new IntOption("--max-pages", "N", "fetch at most N URLs in this run", 10_000, 1,
            10_000_000);

    static final String IMAGES = "--images";

    /** The collector as ServiceLoader makes it. */
    public PageCollector() {
        super(ID);
    }

    @Override
    public String description() {
        return "web pages over HTTP(S), with WARC records; --depth N crawls the links they hold";
    }

    @Override
    protected List<CollectorOption> ownOptions() {
        return List.of(
                UrlList.FROM,
                DEPTH.option(),
                CollectorOption.flag("--same-host", "follow links only to the host of the page they are on"),
                MAX_PAGES.option(),
                CollectorOption.flag(IMAGES, "keep the pictures each page shows (src, lazy data-src, srcset, CSS"
                        + " backgrounds) as items under the page"));
    }

    @Override
    public void collect(CollectRequest request, CaptureSink sink) throws IOException {
        CrawlPlan plan = plan(request);
        try (HttpCapture http = open(plan.settings(), sink)) {
            new Crawler(plan, http, plan.images() ? new Photos(http, sink) : null, request.progress()).run();
        }
    }

    /** Reads and checks the request before anything is fetched; any fault is bad input naming it. */
    CrawlPlan plan(CollectRequest request) {
        int depth = DEPTH.read(request);
        int maxPages = MAX_PAGES.read(request);
        return new CrawlPlan(UrlList.of(request, maxPages), depth, request.flag("--same-host"), maxPages,
                HttpOptions.settings(request), request.flag(IMAGES));
    }
}
