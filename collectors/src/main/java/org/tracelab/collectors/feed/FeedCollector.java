package org.tracelab.collectors.feed;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.tracelab.collectors.http.Capture;
import org.tracelab.collectors.http.CaptureTasks;
import org.tracelab.collectors.http.HtmlPages;
import org.tracelab.collectors.http.HttpCapture;
import org.tracelab.collectors.http.HttpOptions;
import org.tracelab.collectors.http.Urls;
import org.tracelab.core.TracelabException;
import org.tracelab.core.collect.CaptureSink;
import org.tracelab.core.collect.CollectRequest;
import org.tracelab.core.collect.Collector;
import org.tracelab.core.collect.CollectorOption;

/**
 * {@code collect feed URL}: captures an RSS 2.0 or Atom feed, then the page each entry links to, each with the feed
 * as its parent. A URL that is no feed is noted in the custody log and the run goes on with the next.
 */
public final class FeedCollector implements Collector {
    /** The collector's id on the command line. */
    public static final String ID = "feed";

    private final Clock clock;

    /** The collector as ServiceLoader makes it. */
    public FeedCollector() {
        this(Clock.systemUTC());
    }

    /** A collector reading time from {@code clock}. */
    public FeedCollector(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "RSS and Atom feeds, and the page each entry links to";
    }

    @Override
    public String targetLabel() {
        return "URL";
    }

    @Override
    public List<CollectorOption> options() {
        return HttpOptions.with(List.of(
                CollectorOption.value("--max-items", "N", "capture at most N entry pages per feed", "1000")));
    }

    @Override
    public void collect(CollectRequest request, CaptureSink sink) throws IOException {
        Set<URI> feeds = new LinkedHashSet<>();
        request.targets().forEach(t -> feeds.add(Urls.target(t)));
        if (feeds.isEmpty()) {
            throw TracelabException.badInput("collect feed", "give at least one feed URL");
        }
        int maxItems = request.intValue("--max-items", 1000, 0, 10_000_000);
        request.progress().total(-1, "pages");
        Set<URI> seen = new java.util.HashSet<>();
        try (HttpCapture http = HttpCapture.open(sink, ID, HttpOptions.settings(request), clock);
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
