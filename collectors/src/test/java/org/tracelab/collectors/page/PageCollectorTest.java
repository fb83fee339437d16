package org.tracelab.collectors.page;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.collectors.http.LabCase;
import org.tracelab.collectors.http.WarcFiles;
import org.tracelab.core.TracelabException;
import org.tracelab.core.collect.CollectRequest;
import org.tracelab.core.collect.CollectorRegistry;
import org.tracelab.core.items.Item;
import org.tracelab.core.verify.VerifyListener;

class PageCollectorTest {
    @TempDir
    Path tmp;

    private WireMockServer site;
    private LabCase lab;

    @BeforeEach
    void start() {
        site = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        site.start();
        lab = new LabCase(tmp);
    }

    @AfterEach
    void stop() {
        lab.close();
        site.stop();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + site.port() + path;
    }

    private void page(String path, String html) {
        site.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8").withBody(html)));
    }

    private void collect(List<String> targets, Map<String, List<String>> options) throws Exception {
        try {
            new PageCollector().collect(new CollectRequest("page", targets, options, null), lab.sink("page"));
        } finally {
            lab.finish();
        }
    }

    /** A small lab site of fictitious job ads: index, two ads, a PDF, a deeper page, and a page of broken markup. */
    private void smallSite() {
        page("/", """
                <html><head><title>Ish bor (fictitious)</title></head><body>
                <a href="/ads/1">Ofitsiant kerak</a> <a href="ads/2#contact">Работа в Дубае</a>
                <a href="/ads/1#again">same ad</a> <a href="/files/offer.pdf">offer</a>
                <a href="mailto:hr@example.invalid">mail</a> <a href="/broken">broken</a>
                </body></html>""");
        page("/ads/1", "<html><body><p>Tel +998 90 000 00 00 (fictitious)</p><a href='/deep/1'>more</a></body></html>");
        page("/ads/2", "<html><body><p>Visa free</p><a href='/deep/2'>more</a></body></html>");
        page("/deep/1", "<html><body><a href='/deeper'>too deep</a></body></html>");
        page("/deep/2", "<html><body>end</body></html>");
        page("/deeper", "<html><body>not reached at depth 2</body></html>");
        page("/broken", "<html><body><div><a href=/deep/2>unclosed <p><table><tr><td>cell<a href='/ads/2'");
        site.stubFor(get(urlEqualTo("/files/offer.pdf")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/pdf")
                .withBody("%PDF-1.4 fictitious <a href='/deeper'> not a link in a PDF")));
    }

    @Test
    void crawlAtDepthTwoCapturesEachUrlOnceVerifiesAndWritesValidWarc() throws Exception {
        smallSite();

        collect(List.of(url("/")), Map.of("--depth", List.of("2"), "--delay", List.of("0")));

        for (String p : List.of("/", "/ads/1", "/ads/2", "/deep/1", "/deep/2", "/files/offer.pdf", "/broken")) {
            assertEquals(1, lab.itemsFor(url(p)).size(), p + " captured once; failures " + lab.failures);
            site.verify(1, getRequestedFor(urlEqualTo(p)));
        }
        assertTrue(lab.itemsFor(url("/deeper")).isEmpty(), "depth 3 must not be fetched");
        Item ad = lab.itemsFor(url("/ads/1")).get(0);
        assertEquals(lab.itemsFor(url("/")).get(0).id(), ad.parentId());
        assertEquals("application/pdf", lab.itemsFor(url("/files/offer.pdf")).get(0).contentType());

        assertTrue(lab.kase.verify(null).holds());
        WarcFiles.assertValid(lab.kase.dir());
        for (var s : lab.stored) {
            WarcFiles.assertResponseAt(lab.kase.dir(), lab.item(s.id()));
        }
    }

    @Test
    void sameHostKeepsTheCrawlOnTheSeedsHost() throws Exception {
        WireMockServer other = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        other.start();
        try {
            other.stubFor(get(urlEqualTo("/elsewhere")).willReturn(aResponse().withStatus(200).withBody("x")));
            page("/", "<a href='http://localhost:" + other.port() + "/elsewhere'>x</a><a href='/ads/1'>y</a>");
            page("/ads/1", "ad");

            collect(List.of(url("/")), Map.of("--depth", List.of("1"), "--delay", List.of("0"),
                    "--same-host", List.of("true")));

            assertEquals(1, lab.itemsFor(url("/ads/1")).size());
            assertTrue(other.getAllServeEvents().isEmpty());
        } finally {
            other.stop();
        }
    }

    @Test
    void urlsComeFromAFileWithCommentsAndMaxPagesStopsTheRun() throws Exception {
        page("/a", "a");
        page("/b", "b");
        Path list = Files.writeString(tmp.resolve("urls.txt"), "# fictitious lab URLs\n" + url("/a") + "\n\n"
                + url("/b") + "\n");

        collect(List.of(), Map.of("--from", List.of(list.toString()), "--delay", List.of("0"),
                "--max-pages", List.of("1")));

        assertEquals(1, lab.stored.stream().filter(s -> !s.item().source().endsWith("/robots.txt")).count());
    }

    @Test
    void aUrlFileThatIsNotUtf8IsBadInputNamingTheFile() throws Exception {
        Path list = Files.write(tmp.resolve("urls.txt"), new byte[] {'h', 't', 't', 'p', (byte) 0xff, '\n'});

        TracelabException e = assertThrows(TracelabException.class,
                () -> collect(List.of(), Map.of("--from", List.of(list.toString()))));

        assertEquals(TracelabException.Failure.BAD_INPUT, e.failure());
        assertTrue(e.getMessage().contains("urls.txt") && e.getMessage().contains("UTF-8"), e.getMessage());
        assertTrue(site.getAllServeEvents().isEmpty());
    }

    @Test
    void aServerThatCompressesUnaskedIsCrawledThroughItsContentAndStoredAsSent() throws Exception {
        // Fictitious pages: gzip, deflate, a "gzip" that is not, and a gzip bomb's worth of zeros past the link.
        site.stubFor(get(urlEqualTo("/robots.txt")).willReturn(encoded("gzip",
                gzip("User-agent: *\nDisallow: /private\n".getBytes(StandardCharsets.UTF_8)))));
        site.stubFor(get(urlEqualTo("/g")).willReturn(encoded("gzip", gzip(("<a href=/d>d</a><a href=/private>p</a>"
                + "<a href=/lies>l</a>").getBytes(StandardCharsets.UTF_8)))));
        site.stubFor(get(urlEqualTo("/d")).willReturn(encoded("deflate", deflate(
                "<a href=/bomb>b</a>".getBytes(StandardCharsets.UTF_8)))));
        site.stubFor(get(urlEqualTo("/lies")).willReturn(encoded("gzip", "<a href=/never>n</a>".getBytes(
                StandardCharsets.UTF_8))));
        byte[] bomb = new byte[64 << 20];
        byte[] link = "<a href=/last>last</a>".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(link, 0, bomb, 0, link.length);
        site.stubFor(get(urlEqualTo("/bomb")).willReturn(encoded("gzip", gzip(bomb))));
        page("/last", "last");
        page("/never", "never");
        page("/private", "private");

        collect(List.of(url("/g")), Map.of("--depth", List.of("5"), "--delay", List.of("0")));

        List<String> fetched = lab.stored.stream().map(s -> s.item().source().substring(url("").length())).toList();
        assertTrue(fetched.containsAll(List.of("/g", "/d", "/lies", "/bomb", "/last")), fetched.toString());
        assertTrue(!fetched.contains("/never") && !fetched.contains("/private"), fetched.toString());
        Item g = lab.item(lab.itemsFor(url("/g")).get(0).id());
        try (var in = lab.kase.openRaw(g)) {
            assertEquals(0x1f, in.read(), "the body is stored as sent, still gzipped");
        }
        assertEquals(0, lab.kase.verify(VerifyListener.NONE).problems().size());
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder encoded(String encoding,
                                                                                           byte[] body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/html; charset=utf-8")
                .withHeader("Content-Encoding", encoding).withBody(body);
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(plain);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out)) {
            z.write(plain);
        }
        return out.toByteArray();
    }

    @Test
    void aUrlFileWithAnEndlessLineIsBadInputNotAnOutOfMemory() throws Exception {
        // What /dev/zero gives: NULs are valid UTF-8, and a line that never ends.
        Path list = tmp.resolve("zeros.txt");
        try (OutputStream out = Files.newOutputStream(list)) {
            out.write((url("/a") + "\n").getBytes(StandardCharsets.UTF_8));
            out.write(new byte[UrlList.MAX_LINE + 1]);
        }

        TracelabException e = assertThrows(TracelabException.class,
                () -> collect(List.of(), Map.of("--from", List.of(list.toString()))));

        assertEquals(TracelabException.Failure.BAD_INPUT, e.failure());
        assertTrue(e.getMessage().contains("zeros.txt") && e.getMessage().contains("line 2 is longer than"),
                e.getMessage());
        assertTrue(site.getAllServeEvents().isEmpty());
    }

    @Test
    void aLongUrlListIsCheckedWholeButOnlyWhatMaxPagesAllowsIsKept() throws Exception {
        StringBuilder urls = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            urls.append(url("/p/" + i)).append('\n');
        }
        Path list = Files.writeString(tmp.resolve("urls.txt"), urls + "ftp://127.0.0.1/last\n");
        PageCollector collector = new PageCollector();
        TracelabException e = assertThrows(TracelabException.class, () -> collector.plan(
                new CollectRequest("page", List.of(), Map.of("--from", List.of(list.toString()),
                        "--max-pages", List.of("3")), null)));
        assertTrue(e.getMessage().contains("ftp://127.0.0.1/last"), "a bad URL past the first 3 is still found");

        Files.writeString(list, urls);
        CrawlPlan plan = collector.plan(new CollectRequest("page", List.of(), Map.of("--from",
                List.of(list.toString()), "--max-pages", List.of("3")), null));
        assertEquals(List.of(URI.create(url("/p/0")), URI.create(url("/p/1")), URI.create(url("/p/2"))),
                plan.scope().seeds());
    }

    @Test
    void badSchemeIsBadInputBeforeAnythingIsFetched() {
        page("/a", "a");

        TracelabException e = assertThrows(TracelabException.class,
                () -> collect(List.of(url("/a"), "ftp://127.0.0.1/file"), Map.of()));

        assertEquals(TracelabException.Failure.BAD_INPUT, e.failure());
        assertTrue(e.getMessage().contains("ftp://127.0.0.1/file"), e.getMessage());
        assertTrue(site.getAllServeEvents().isEmpty());
    }

    @Test
    void pageCollectorIsFoundByServiceLoader() {
        assertTrue(CollectorRegistry.load().find("page").isPresent());
    }
}
