package org.tracelab.collectors.browser;

import com.microsoft.playwright.PlaywrightException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.tracelab.collectors.ads.PageSource;
import org.tracelab.collectors.http.CaptureSettings;
import org.tracelab.collectors.http.HttpCapture;
import org.tracelab.collectors.http.Urls;
import org.tracelab.core.collect.CaptureSink;
import org.tracelab.core.collect.StoredItem;

/**
 * Pages visited in the browser one at a time, with the manners of a fetch: the allow-list and robots.txt are asked
 * before each page and the delay is kept between two pages of one host. Each visit is recorded whole (exchanges,
 * DOM, screenshot) before it is read. Serves the browser's own crawl and {@code collect ads --browser} alike.
 * Safe to call from several threads; pages are visited one at a time.
 */
final class BrowserPages implements PageSource {
    /** A page rendered and recorded, with the item that stands for it. */
    record Visited(RenderedPage page, long itemId) {
    }

    private final HttpCapture http;
    private final Chromium chromium;
    private final PageRecorder recorder;
    private final CaptureSink sink;
    private final CaptureSettings settings;
    private final boolean ownsChromium;
    /** When each origin may next be visited. */
    private final Map<String, Long> notBefore = new HashMap<>();

    /**
     * @param ownsChromium true when closing these pages closes the browser too (the ads walk's), false when the
     *                     caller closes it (the crawl's)
     */
    BrowserPages(HttpCapture http, Chromium chromium, PageRecorder recorder, CaptureSink sink,
                 CaptureSettings settings, boolean ownsChromium) {
        this.http = http;
        this.chromium = chromium;
        this.recorder = recorder;
        this.sink = sink;
        this.settings = settings;
        this.ownsChromium = ownsChromium;
    }

    /** The allow-list and robots.txt, asked before a page is opened; a refusal is logged as a skip. */
    boolean permitted(URI url) throws IOException {
        if (!settings.allowHosts().permits(url)) {
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

    /**
     * Renders and records one permitted page; empty when it got no DOM to read (the sink was told why). One page at
     * a time: Playwright's objects belong to one thread, and the ads walk asks for pages from several.
     */
    synchronized Optional<Visited> visit(URI url, Long parentId) throws IOException {
        waitForTurn(url);
        try (PageVisit v = chromium.visit(url)) {
            RenderedPage page = v.result();
            Optional<StoredItem> item = recorder.record(page, parentId);
            if (item.isEmpty() || page.dom() == null) {
                return Optional.empty();
            }
            return Optional.of(new Visited(page, item.get().id()));
        } catch (PlaywrightException e) {
            sink.failed(url.toString(), "the browser failed: " + Chromium.firstLine(e.getMessage()));
            return Optional.empty();
        } finally {
            notBefore.put(Urls.origin(url), System.nanoTime() + settings.delay().toNanos());
        }
    }

    @Override
    public Optional<Page> page(URI url, Long parentId) throws IOException {
        if (!permitted(url)) {
            return Optional.empty();
        }
        Optional<Visited> visited = visit(url, parentId);
        if (visited.isEmpty()) {
            return Optional.empty();
        }
        RenderedPage page = visited.get().page();
        BrowserExchange document = page.navigation().getLast();
        return Optional.of(new Page(visited.get().itemId(), page.finalUrl(), document.status(),
                document.header("Content-Type"), Jsoup.parse(page.dom(), page.finalUrl().toString())));
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

    @Override
    public void close() {
        if (ownsChromium) {
            chromium.close();
        }
    }

    /** A page's time in the browser when the run gives none: {@code collect browser}'s default. */
    static final Duration DEFAULT_BUDGET = Duration.ofSeconds(BrowserCollector.BUDGET.defaultValue());
}
