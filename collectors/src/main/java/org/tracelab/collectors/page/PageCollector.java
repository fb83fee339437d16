package org.tracelab.collectors.page;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.tracelab.collectors.http.HttpCapture;
import org.tracelab.collectors.http.HttpCollector;
import org.tracelab.collectors.http.HttpOptions;
import org.tracelab.collectors.images.Photos;
import org.tracelab.core.collect.CaptureSink;
import org.tracelab.core.collect.CollectRequest;
import org.tracelab.core.collect.CollectorOption;

/**
 * {@code collect page URL...}: captures web pages, and with {@code --depth} crawls the links they hold, politely;
 * with {@code --images} keeps the pictures each page shows.
 */
public final class PageCollector extends HttpCollector {
    /** The collector's id on the command line. */
    public static final String ID = "page";

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
        List<CollectorOption> options = new ArrayList<>(CrawlScope.options());
        options.add(CollectorOption.flag(IMAGES, "keep the pictures each page shows (src, lazy data-src, srcset, CSS"
                + " backgrounds) as items under the page"));
        return options;
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
        return new CrawlPlan(CrawlScope.read(request), HttpOptions.settings(request), request.flag(IMAGES));
    }
}
