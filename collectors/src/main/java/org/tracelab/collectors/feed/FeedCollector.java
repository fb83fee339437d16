package org.tracelab.collectors.feed;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.tracelab.collectors.http.Capture;
import org.tracelab.collectors.http.CaptureTasks;
import org.tracelab.collectors.http.HtmlPages;
import org.tracelab.collectors.http.HttpCapture;
import org.tracelab.collectors.http.HttpCollector;
import org.tracelab.collectors.http.Urls;
import org.tracelab.core.TracelabException;
import org.tracelab.core.collect.CaptureSink;
import org.tracelab.core.collect.CollectRequest;
import org.tracelab.core.collect.CollectorOption;
import org.tracelab.core.collect.IntOption;

/**
 * {@code collect feed URL}: captures an RSS 2.0 or Atom feed, then the page each entry links to, each with the feed
 * as its parent. A URL that is no feed is noted in the custody log and the run goes on with the next.
 */
public final class FeedCollector extends HttpCollector {
    /** The collector's id on the command line. */
    public static final String ID = "feed";
    private static final IntOption MAX_ITEMS = new IntOption("--max-items", "N", "capture at most N entry pages per feed",
            1000, 0, 10_000_000);

    /** The collector as ServiceLoader makes it. */
    public FeedCollector() {
        super(ID);
    }

    @Override
    public String description() {
        return "RSS and Atom feeds, and the page each entry links to";
    }

    @Override
    protected List<CollectorOption> ownOptions() {
        return List.of(MAX_ITEMS.option());
    }

    @Override
    public void collect(CollectRequest request, CaptureSink sink) throws IOException {
        Set<URI> feeds = new LinkedHashSet<>();
        request.targets().forEach(t -> feeds.add(Urls.target(t)));
        if (feeds.isEmpty()) {
            throw TracelabException.badInput("collect feed", "give at least one feed URL");
        }
        int maxItems = MAX_ITEMS.read(request);
        request.progress().total(-1, "pages");
        Set<URI> seen = new java.util.HashSet<>();
        try (HttpCapture http = open(request, sink);
             CaptureTasks entries = new CaptureTasks()) {
            for (URI feed : feeds) {
                Optional<Capture> got = http.capture(feed, null);
                request.progress().advance(1);
                if (got.isEmpty()) {
                    continue;
                }
                Capture c = got.get();
                if (c.status() >= 400) {
                    sink.failed(feed.toString(), "feed answered " + c.status() + "; no entries read");
                    continue;
                }
                Document xml = HtmlPages.xml(http, c);
                Optional<FeedLinks.Format> format = FeedLinks.format(xml);
                if (format.isEmpty()) {
                    sink.failed(feed.toString(), "not an RSS or Atom feed (" + c.mediaType().orElse("no content type")
                            + ", root element <" + FeedLinks.rootName(xml) + ">)");
                    continue;
                }
                int n = 0;
                for (URI link : FeedLinks.links(xml, format.get(), c.finalUrl())) {
                    if (n++ >= maxItems) {
                        break;
                    }
                    if (seen.add(link)) {
                        long feedId = c.item().id();
                        entries.submit(() -> {
                            http.capture(link, feedId);
                            request.progress().advance(1);
                        });
                    }
                }
            }
            entries.awaitAll();
        }
    }
}
