package org.tracelab.collectors.browser;

import com.microsoft.playwright.PlaywrightException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 *
 * <p>A page is recorded in two steps: what needs its tab (reading the bodies from the browser) before the tab goes
 * on, the rest (WARC records, items, custody entries) on a thread of its own while the browser renders the next
 * page. One page waits there at most: a visit waits for the recording of the page before it, whose failure ends
 * the run there, and {@link #finish} waits for the last.
 * Safe to call from several threads; pages are visited one at a time.
 */
final class BrowserPages implements PageSource {
    /** A page rendered, with the item that stands for it once recorded. */
    record Visited(RenderedPage page, CompletableFuture<Long> itemId) {
    }

    private final HttpCapture http;
    private final Chromium chromium;
    private final PageRecorder recorder;
    private final CaptureSink sink;
    private final CaptureSettings settings;
    private final boolean ownsChromium;
    /** When each origin may next be visited. */
    private final Map<String, Long> notBefore = new HashMap<>();
    private final ExecutorService recording = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("tracelab-browser-recorder").daemon().factory());
    /** The recording of the last page visited. */
    private CompletableFuture<Optional<StoredItem>> recorded = CompletableFuture.completedFuture(Optional.empty());

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
     * Renders one permitted page and has it recorded, found through {@code parent}'s item (null: asked for); empty
     * when it got no DOM to read (the sink is told why). One page at a time: Playwright's objects belong to one
     * thread, and the ads walk asks for pages from several.
     */
    synchronized Optional<Visited> visit(URI url, CompletableFuture<Long> parent) throws IOException {
        waitForTurn(url);
        PageRecorder.Staged staged;
        try (PageVisit v = chromium.visit(url)) {
            staged = recorder.stage(v.result());
        } catch (PlaywrightException e) {
            sink.failed(url.toString(), "the browser failed: " + Chromium.firstLine(e.getMessage()));
            return Optional.empty();
        } finally {
            notBefore.put(Urls.origin(url), System.nanoTime() + settings.delay().toNanos());
        }
        finish();
        recorded = CompletableFuture.supplyAsync(() -> {
            try {
                return recorder.record(staged, parent.join());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, recording);
        RenderedPage page = staged.page();
        if (page.document().isEmpty() || page.dom() == null) {
            return Optional.empty();
        }
        return Optional.of(new Visited(page, recorded.thenApply(item -> item.orElseThrow().id())));
    }

    /** Waits until every page visited is recorded; a recording that failed fails here. */
    synchronized void finish() throws IOException {
        try {
            recorded.join();
        } catch (CompletionException e) {
            switch (e.getCause()) {
                case UncheckedIOException io -> throw io.getCause();
                case RuntimeException r -> throw r;
                case Error err -> throw err;
                default -> throw new IOException(e.getCause());
            }
        }
    }

    @Override
    public Optional<Page> page(URI url, Long parentId) throws IOException {
        if (!permitted(url)) {
            return Optional.empty();
        }
        Optional<Visited> visited = visit(url, CompletableFuture.completedFuture(parentId));
        if (visited.isEmpty()) {
            return Optional.empty();
        }
        finish();
        RenderedPage page = visited.get().page();
        BrowserExchange document = page.navigation().getLast();
        return Optional.of(new Page(visited.get().itemId().join(), page.finalUrl(), document.status(),
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

    /**
     * Waits for the page being recorded (nothing is recorded after the run's case is closed), then closes the
     * browser when it is these pages' own.
     */
    @Override
    public void close() throws IOException {
        try {
            finish();
        } finally {
            recording.shutdown();
            if (ownsChromium) {
                chromium.close();
            }
        }
    }

    /** A page's time in the browser when the run gives none: {@code collect browser}'s default. */
    static final Duration DEFAULT_BUDGET = Duration.ofSeconds(BrowserCollector.BUDGET.defaultValue());
}
