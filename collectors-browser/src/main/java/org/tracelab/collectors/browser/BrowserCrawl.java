package org.tracelab.collectors.browser;

import com.microsoft.playwright.PlaywrightException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.tracelab.collectors.http.HttpCapture;
import org.tracelab.collectors.http.Urls;
import org.tracelab.collectors.page.LinkExtractor;
import org.tracelab.core.collect.CaptureSink;
import org.tracelab.core.collect.Progress;
import org.tracelab.core.collect.StoredItem;

/**
 * A breadth-first crawl in the browser, one page at a time: the allow-list and robots.txt are asked before each
 * page, the delay is kept between two pages of one host, and the links of each rendered page (what its scripts
 * built, not only what its HTML held) feed the next level. No URL is visited twice in a run.
 */
final class BrowserCrawl {
    private record Target(URI url, Long parentId, int depth) {
    }

    /** A page rendered and recorded, with the item its links are found in. */
    private record Visited(RenderedPage page, long itemId) {
    }

    private final BrowserPlan plan;
    private final HttpCapture http;
    private final Chromium chromium;
    private final PageRecorder recorder;
    private final CaptureSink sink;
    private final Progress progress;
    private final Set<URI> seen = new HashSet<>();
    /** When each origin may next be visited. */
    private final Map<String, Long> notBefore = new HashMap<>();

    BrowserCrawl(BrowserPlan plan, HttpCapture http, Chromium chromium, PageRecorder recorder, CaptureSink sink,
                 Progress progress) {
        this.plan = plan;
        this.http = http;
        this.chromium = chromium;
        this.recorder = recorder;
        this.sink = sink;
        this.progress = progress;
    }

    /** Renders the seeds and what they link to; returns the number of pages rendered. */
    int run() throws IOException {
        progress.total(-1, "pages");
        Queue<Target> queue = new ArrayDeque<>();
        for (URI seed : plan.scope().seeds()) {
            if (seen.add(seed)) {
                queue.add(new Target(seed, null, 0));
            }
        }
        int visited = 0;
        while (!queue.isEmpty() && visited < plan.scope().maxPages()) {
            Target t = queue.remove();
            if (!permitted(t.url())) {
                continue;
            }
            visited++;
            Optional<Visited> rendered = visit(t);
            progress.advance(1);
            if (rendered.isEmpty() || t.depth() >= plan.scope().depth()) {
                continue;
            }
            RenderedPage page = rendered.get().page();
            seen.add(page.finalUrl());
            for (URI link : LinkExtractor.links(new ByteArrayInputStream(page.dom().getBytes(StandardCharsets.UTF_8)),
                    "UTF-8", page.finalUrl())) {
                if (plan.scope().follows(link, page.finalUrl()) && seen.add(link)) {
                    queue.add(new Target(link, rendered.get().itemId(), t.depth() + 1));
                }
            }
        }
        return visited;
    }

    /** The allow-list and robots.txt, asked before a page is opened; a refusal is logged as a skip. */
    private boolean permitted(URI url) throws IOException {
        if (!plan.http().allowHosts().permits(url)) {
            sink.skipped(url.toString(), "host not in --allow-host list, not fetched");
            return false;
        }
        Optional<String> refused = http.robotsRefusal(url);
        if (refused.isPresent()) {
            sink.skipped(url.toString(), refused.get());
            return false;
        }
        return true;
    }

    /** Renders and records one page; empty when it got nothing to follow links from. */
    private Optional<Visited> visit(Target t) throws IOException {
        waitForTurn(t.url());
        try (PageVisit v = chromium.visit(t.url())) {
            RenderedPage page = v.result();
            Optional<StoredItem> item = recorder.record(page, t.parentId());
            if (item.isEmpty() || page.dom() == null) {
                return Optional.empty();
            }
            return Optional.of(new Visited(page, item.get().id()));
        } catch (PlaywrightException e) {
            sink.failed(t.url().toString(), "the browser failed: " + Chromium.firstLine(e.getMessage()));
            return Optional.empty();
        } finally {
            notBefore.put(Urls.origin(t.url()), System.nanoTime() + plan.http().delay().toNanos());
        }
    }

    private void waitForTurn(URI url) throws InterruptedIOException {
        Long at = notBefore.get(Urls.origin(url));
        long wait = at == null ? 0 : at - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted waiting for a turn at " + Urls.origin(url));
            }
        }
    }
}
