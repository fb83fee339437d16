package org.tracelab.collectors.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.cli.Tracelab;
import org.tracelab.collectors.http.WarcFiles;
import org.tracelab.core.Case;
import org.tracelab.core.items.Item;

/**
 * {@code tracelab collect browser} end to end through the real command line, the plugin found on the class path as
 * {@code ./tracelab} puts it there, against a script-rendered page on 127.0.0.1 (fictitious content).
 */
class BrowserCollectCommandTest {
    @TempDir
    static Path tmp;
    private static TestSite site;
    private static Path caseDir;
    private static Run collected;
    private static List<Item> items;

    record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out:\n" + out + "\n--- err:\n" + err;
        }
    }

    static Run tracelab(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Tracelab.run(args, Map.of(), Clock.systemUTC(), out, err, false);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeAll
    static void collect() throws Exception {
        site = new TestSite()
                .page("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n")
                .page("/jobs", "text/html; charset=utf-8", """
                        <!doctype html><html><head><title>Jobs (fictitious)</title>
                        <link rel="stylesheet" href="/style.css"></head>
                        <body><h1>Jobs abroad</h1><ul id="ads"><li>loading…</li></ul>
                        <div style="height:2400px"></div><a href="/private/staff">staff</a>
                        <script>fetch('/api/ads.json').then(r => r.json()).then(j => {
                          document.getElementById('ads').innerHTML = j.ads.map(a =>
                            '<li><a href="/ad/' + a.id + '">' + a.title + '</a> ' + a.phone + '</li>').join('');
                        });</script></body></html>""")
                .page("/style.css", "text/css", "h1 { color: #333; }")
                .page("/api/ads.json", "application/json", """
                        {"ads":[{"id":1,"title":"Waitress wanted in Dubai, free visa and flight (fictitious)",
                        "phone":"+998 90 123 45 67"}]}""")
                .page("/ad/1", "text/html; charset=utf-8",
                        "<!doctype html><title>Ad 1</title><p>Waitress in Dubai, passport kept by employer (fictitious)</p>")
                .page("/private/staff", "text/html", "<p>staff only</p>");
        caseDir = tmp.resolve("case");
        Run init = tracelab("case", "init", caseDir.toString(), "--name", "Browser lab (fictitious)",
                "--examiner", "Cadet A", "--purpose", "Test of collect browser on fictitious pages");
        assertEquals(0, init.code(), init::toString);
        collected = tracelab("--case", caseDir.toString(), "collect", "browser", site.url("/jobs"), "--depth", "1",
                "--delay", "0", "--budget", "15", "--viewport", "1000x700", "--allow-host", "127.0.0.1:" + site.port());
        items = new ArrayList<>();
        try (Case c = Case.openForReading(caseDir, Clock.systemUTC())) {
            c.forEachItem(t -> items.add(t.item()));
        }
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    private static Item one(String kind, String source) {
        List<Item> found = items.stream().filter(i -> i.kind().equals(kind) && i.source().equals(source)).toList();
        assertEquals(1, found.size(), kind + " " + source + " in " + items);
        return found.get(0);
    }

    private static Optional<Item> child(Item parent, String kind) {
        return items.stream().filter(i -> i.kind().equals(kind) && parent.id() == i.parentId()).findFirst();
    }

    @Test
    void everyExchangeIsAnItemUnderThePageWithWarcRecords() throws Exception {
        assertEquals(0, collected.code(), collected::toString);
        Item document = one("http-response", site.url("/jobs"));
        Item page = one("rendered-page", site.url("/jobs"));
        assertEquals(document.id(), page.parentId());
        for (String path : List.of("/style.css", "/api/ads.json")) {
            Item x = one("http-response", site.url(path));
            assertEquals(page.id(), x.parentId(), path);
            assertEquals(200, x.http().orElseThrow().status());
            assertTrue(x.warc().isPresent(), path);
        }
        assertEquals("fetch", one("http-response", site.url("/api/ads.json")).meta().path("resourceType").asText());
        WarcFiles.assertValid(caseDir);
    }

    @Test
    void thePageRecordSaysHowItWasSeen() {
        Item page = one("rendered-page", site.url("/jobs"));
        var m = page.meta();
        assertTrue(m.path("browser").asText().startsWith("Chromium "), m.toString());
        assertEquals(1000, m.path("viewport").path("width").asInt());
        assertTrue(m.path("userAgent").asText().contains("Tracelab/"), m.toString());
        assertTrue(m.path("loadStarted").asText().compareTo(m.path("loadEnded").asText()) <= 0, m.toString());
        assertEquals(site.url("/jobs"), m.path("finalUrl").asText());
        assertTrue(m.path("warcMetadata").path("recordId").asText().startsWith("urn:uuid:"), m.toString());
    }

    @Test
    void theScreenshotIsAPngOfThePagesFullHeight() throws Exception {
        Item page = one("rendered-page", site.url("/jobs"));
        Item shot = child(page, "screenshot").orElseThrow();
        assertEquals("image/png", shot.contentType());
        try (Case c = Case.openForReading(caseDir, Clock.systemUTC()); InputStream in = c.openRaw(shot)) {
            var png = ImageIO.read(in);
            assertEquals(1000, png.getWidth());
            assertTrue(png.getHeight() > 2400, "height " + png.getHeight());
        }
    }

    @Test
    void theRenderedDomIsThePagesTextForSearch() {
        Run search = tracelab("--case", caseDir.toString(), "search", "Dubai visa");
        assertEquals(0, search.code(), search::toString);
        assertTrue(search.out().contains(site.url("/jobs")), search::toString);
    }

    @Test
    void linksTheScriptsBuiltAreFollowedAndRobotsObeyed() {
        one("rendered-page", site.url("/ad/1"));
        assertTrue(items.stream().noneMatch(i -> i.source().contains("/private/")), items::toString);
        Run verify = tracelab("--case", caseDir.toString(), "verify");
        assertEquals(0, verify.code(), verify::toString);
    }
}
