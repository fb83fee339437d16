package org.tracelab.collectors.page;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.tracelab.collectors.http.Capture;
import org.tracelab.collectors.http.CaptureTasks;
import org.tracelab.collectors.http.HtmlPages;
import org.tracelab.collectors.http.HttpCapture;
import org.tracelab.collectors.images.PictureUrls;
import org.tracelab.collectors.images.Photos;
import org.tracelab.core.collect.Progress;

/**
 * A breadth-first, polite crawl: each level's URLs are captured side by side ({@link CaptureTasks}; the per-host
 * turns in {@link HttpCapture} keep one request at a time per host), links of HTML pages feed the next level, and
 * no URL is fetched twice in a run.
 */
final class Crawler {
    private record Target(URI url, Long parentId) {
    }

    /** What a run did. */
    record Outcome(int fetched, int captured) {
    }

    private final CrawlPlan plan;
    private final HttpCapture http;
    /** Keeps each page's pictures; null when the run keeps none. */
    private final Photos photos;
    private final Progress progress;
    private final Set<URI> seen = ConcurrentHashMap.newKeySet();
    private final AtomicInteger fetched = new AtomicInteger();
    /** URLs ever put in a level; kept within --max-pages, so a page of a million links queues no more than that. */
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicInteger captured = new AtomicInteger();

    Crawler(CrawlPlan plan, HttpCapture http, Photos photos, Progress progress) {
        this.plan = plan;
        this.http = http;
        this.photos = photos;
        this.progress = progress;
    }

    Outcome run() throws IOException {
        progress.total(-1, "pages");
        List<Target> level = new ArrayList<>();
        for (URI seed : plan.scope().seeds()) {
            if (seen.add(seed)) {
                queued.incrementAndGet();
                level.add(new Target(seed, null));
            }
        }
        for (int depth = 0; !level.isEmpty() && fetched.get() < plan.scope().maxPages(); depth++) {
            level = crawlLevel(level, depth < plan.scope().depth());
        }
        return new Outcome(fetched.get(), captured.get());
    }

    private List<Target> crawlLevel(List<Target> level, boolean followLinks) throws IOException {
        ConcurrentLinkedQueue<Target> next = new ConcurrentLinkedQueue<>();
        try (CaptureTasks tasks = new CaptureTasks()) {
            for (Target t : level) {
                if (fetched.incrementAndGet() > plan.scope().maxPages()) {
                    fetched.decrementAndGet();
                    break;
                }
                tasks.submit(() -> visit(t, followLinks, next));
            }
            tasks.awaitAll();
        }
        return new ArrayList<>(next);
    }

    private void visit(Target t, boolean followLinks, ConcurrentLinkedQueue<Target> next) throws IOException {
        Optional<Capture> got = http.capture(t.url(), t.parentId());
        progress.advance(1);
        if (got.isEmpty()) {
            return;
        }
        Capture c = got.get();
        captured.incrementAndGet();
        seen.add(c.finalUrl());
        if (!c.isHtml() || c.status() >= 400) {
            return;
        }
        if (photos != null) {
            photos.keep(c.item().id(), PictureUrls.in(HtmlPages.html(http, c).body()));
        }
        if (!followLinks) {
            return;
        }
        try (InputStream body = http.openContent(c)) {
            LinkExtractor.links(body, HtmlPages.charset(c).orElse(null), c.finalUrl(), link -> {
                if (queued.get() >= plan.scope().maxPages()) {
                    return false; // the URLs queued so far use up the run's pages: the rest could never be fetched
                }
                if (plan.scope().follows(link, c.finalUrl()) && seen.add(link)) {
                    queued.incrementAndGet();
                    next.add(new Target(link, c.item().id()));
                }
                return true;
            });
        }
    }
}
