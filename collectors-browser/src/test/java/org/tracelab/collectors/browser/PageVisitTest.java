package org.tracelab.collectors.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tracelab.collectors.http.HostAllowList;

/** Renders pages of a local test site (fictitious ads) in the real Chromium. */
class PageVisitTest {
    private static TestSite site;
    private static Chromium chromium;

    @BeforeAll
    static void start() throws Exception {
        site = new TestSite()
                .page("/", "text/html; charset=utf-8", """
                        <!doctype html><html><head><title>Listing (fictitious)</title>
                        <link rel="stylesheet" href="/style.css"></head>
                        <body><h1>Ads</h1><div id="ads">loading</div>
                        <div style="height:3000px">tall</div>
                        <script>fetch('/api/ads.json').then(r => r.json()).then(j => {
                          document.getElementById('ads').textContent = j.ads.map(a => a.title).join(' | ');
                        });</script></body></html>""")
                .page("/style.css", "text/css", "body { font-family: sans-serif; }")
                .page("/chatty", "text/html", """
                        <!doctype html><p>A page that calls home as it is left (fictitious)</p><script>
                        addEventListener('pagehide', () => {
                          navigator.sendBeacon('/beacon', 'bye'); fetch('/beacon?2', { keepalive: true }); });
                        </script>""")
                .page("/beacon", "text/plain", "ok")
                .page("/plain", "text/html", "<!doctype html><p>A plain page (fictitious)</p>")
                .page("/api/ads.json", "application/json",
                        "{\"ads\":[{\"title\":\"Waiter wanted in Dubai, visa paid (fictitious)\"}]}");
        chromium = Chromium.launch(BrowserInstall.find(System.getenv()), new BrowserSettings(1024, 700,
                Duration.ofSeconds(20), 1 << 20, HostAllowList.any(), false), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        site.close();
    }

    @Test
    void aScriptRenderedPageShowsWhatItsApiReturned() throws Exception {
        try (PageVisit v = chromium.visit(URI.create(site.url("/")))) {
            RenderedPage p = v.result();
            assertEquals(null, p.failure());
            assertTrue(p.dom().contains("Waiter wanted in Dubai"), p.dom());
            BrowserExchange doc = p.document().orElseThrow();
            assertEquals(200, doc.status());
            assertEquals("document", doc.resourceType());
            String shell = new String(doc.body().read(1 << 20).bytes(), StandardCharsets.UTF_8);
            assertTrue(shell.contains("loading") && !shell.contains("Waiter"), shell);
            List<String> kinds = p.resources().stream().map(BrowserExchange::resourceType).toList();
            assertTrue(kinds.contains("stylesheet") && kinds.contains("fetch"), kinds.toString());
            BrowserExchange api = p.resources().stream().filter(x -> x.url().getPath().equals("/api/ads.json"))
                    .findFirst().orElseThrow();
            assertTrue(new String(api.body().read(1 << 20).bytes(), StandardCharsets.UTF_8).contains("Dubai"));
            assertTrue(api.requestHeaders().stream().map(h -> h.name()).anyMatch("user-agent"::equalsIgnoreCase));
            assertNotNull(p.screenshot());
            var png = ImageIO.read(new ByteArrayInputStream(p.screenshot()));
            assertEquals(1024, png.getWidth());
            assertTrue(png.getHeight() > 3000, "full height: " + png.getHeight());
            assertTrue(p.view().userAgent().contains("Tracelab/"), p.view().userAgent());
            assertTrue(p.view().browser().startsWith("Chromium "), p.view().browser());
        }
    }

    @Test
    void aPageSeesNoneOfThePageBeforesRequests() {
        try (PageVisit v = chromium.visit(URI.create(site.url("/chatty")))) {
            assertTrue(v.result().dom().contains("calls home"), v.result().dom());
        }
        try (PageVisit v = chromium.visit(URI.create(site.url("/plain")))) {
            RenderedPage p = v.result();
            assertTrue(p.dom().contains("A plain page"), p.dom());
            assertEquals(List.of(), p.resources().stream().map(x -> x.url().getPath()).toList());
            assertEquals(List.of(), p.notes());
        }
    }
}
