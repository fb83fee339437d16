package org.tracelab.collectors.sitemap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.collectors.http.LabCase;
import org.tracelab.collectors.http.LabSite;
import org.tracelab.core.collect.CollectRequest;

class SitemapCollectorTest {
    @TempDir
    Path tmp;
    private LabCase lab;
    private WireMockServer mock;

    @BeforeEach
    void start() {
        lab = new LabCase(tmp);
        mock = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        mock.start();
        mock.stubFor(get(urlEqualTo("/robots.txt")).willReturn(aResponse().withStatus(404)));
    }

    @AfterEach
    void stop() {
        lab.close();
        mock.stop();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + mock.port() + path;
    }

    private void collect(String target, String... more) throws Exception {
        Map<String, List<String>> options = new HashMap<>(Map.of("--delay", List.of("0")));
        for (int i = 0; i < more.length; i += 2) {
            options.put(more[i], List.of(more[i + 1]));
        }
        try {
            new SitemapCollector().collect(new CollectRequest("sitemap", List.of(target), options, null),
                    lab.sink("sitemap"));
        } finally {
            lab.finish();
        }
    }

    private long capturedUnder(String prefix) {
        return lab.stored.stream().filter(s -> s.item().source().startsWith(prefix)).count();
    }

    @Test
    void walksTheLabSitemapIndexToEveryListedPage() throws Exception {
        int ads = 30;
        try (LabSite site = new LabSite(tmp.resolve("lab"), 20251, ads)) {
            collect(site.url("sitemap.xml"));
            assertEquals(ads, lab.stored.stream().filter(s -> s.item().source().matches(".*/ads/ad\\d+\\.html"))
                    .count(), lab.failures.toString());
            // the index, and each child sitemap with the index as its parent
            long index = lab.itemsFor(site.url("sitemap.xml")).get(0).id();
            assertEquals(2, lab.stored.stream().filter(s -> s.item().source().matches(".*/sitemap-.*\\.xml")
                    && Long.valueOf(index).equals(s.item().parentId())).count());
            assertEquals(1, capturedUnder(site.url("s/ish_bor_demo")));
        }
        assertTrue(lab.failures.isEmpty(), lab.failures.toString());
    }

    @Test
    void maxPagesBoundsThePagesButNotTheSitemaps() throws Exception {
        try (LabSite site = new LabSite(tmp.resolve("lab"), 20251, 30)) {
            collect(site.url("sitemap.xml"), "--max-pages", "3");
            long pages = lab.stored.stream().filter(s -> !s.item().source().endsWith(".xml")
                    && !s.item().source().endsWith("robots.txt")).count();
            assertEquals(3, pages);
        }
    }

    @Test
    void aMissingChildABrokenOneAndFaultyPagesAreNotedWhileTheRestIsCaptured() throws Exception {
        mock.stubFor(get(urlEqualTo("/sitemap.xml")).willReturn(xml("""
                <?xml version="1.0" encoding="UTF-8"?>
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                <sitemap><loc>%s</loc></sitemap><sitemap><loc>%s</loc></sitemap><sitemap><loc>%s</loc></sitemap>
                </sitemapindex>""".formatted(url("/gone.xml"), url("/junk.xml"), url("/pages.xml")))));
        mock.stubFor(get(urlEqualTo("/gone.xml")).willReturn(aResponse().withStatus(404)));
        mock.stubFor(get(urlEqualTo("/junk.xml")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/png").withBody(new byte[] {1, 2, 3})));
        mock.stubFor(get(urlEqualTo("/pages.xml")).willReturn(xml("""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                <url><loc>%s</loc></url><url><loc>%s</loc></url><url><loc>%s</loc></url>
                </urlset>""".formatted(url("/a"), url("/b"), url("/c")))));
        mock.stubFor(get(urlEqualTo("/a")).willReturn(aResponse().withStatus(200).withBody("a (fictitious)")));
        mock.stubFor(get(urlEqualTo("/b")).willReturn(aResponse().withStatus(500)));
        mock.stubFor(get(urlEqualTo("/c")).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

        collect(url("/sitemap.xml"));

        assertEquals(1, capturedUnder(url("/a")));
        assertEquals(1, capturedUnder(url("/b")), "a 500 is captured: the answer is evidence too");
        String failures = String.join("\n", lab.failures);
        assertTrue(failures.contains("/gone.xml") && failures.contains("/junk.xml") && failures.contains("/c"),
                failures);
    }

    @Test
    void gzippedSitemapsAreReadAndABombOrDamagedOneIsNotedNotUnpackedWhole() throws Exception {
        mock.stubFor(get(urlEqualTo("/sitemap.xml")).willReturn(xml("""
                <?xml version="1.0" encoding="UTF-8"?>
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                <sitemap><loc>%s</loc></sitemap><sitemap><loc>%s</loc></sitemap>
                <sitemap><loc>%s</loc></sitemap><sitemap><loc>%s</loc></sitemap>
                </sitemapindex>""".formatted(url("/pages.xml.gz"), url("/list.txt.gz"), url("/bomb.xml.gz"),
                url("/damaged.xml.gz")))));
        mock.stubFor(get(urlEqualTo("/pages.xml.gz")).willReturn(gzip(("""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>%s</loc></url></urlset>"""
                .formatted(url("/page-a"))).getBytes(StandardCharsets.UTF_8))));
        mock.stubFor(get(urlEqualTo("/list.txt.gz")).willReturn(gzip((url("/page-b") + "\n").getBytes(
                StandardCharsets.UTF_8))));
        // Fictitious hostile sitemap: 60 MB of one repeated entry, some 60 KB packed, past the 50 MB a sitemap may hold.
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(bomb)) {
            z.write("<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                    .getBytes(StandardCharsets.UTF_8));
            byte[] entry = ("<url><loc>" + url("/never") + "</loc></url>\n").getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < 60L << 20; written += entry.length) {
                z.write(entry);
            }
        }
        mock.stubFor(get(urlEqualTo("/bomb.xml.gz")).willReturn(packed(bomb.toByteArray())));
        byte[] damaged = Arrays.copyOf(gzipBytes("<urlset>".repeat(1000).getBytes(StandardCharsets.UTF_8)), 40);
        mock.stubFor(get(urlEqualTo("/damaged.xml.gz")).willReturn(packed(damaged)));
        mock.stubFor(get(urlEqualTo("/page-a")).willReturn(aResponse().withStatus(200).withBody("a (fictitious)")));
        mock.stubFor(get(urlEqualTo("/page-b")).willReturn(aResponse().withStatus(200).withBody("b (fictitious)")));

        collect(url("/sitemap.xml"));

        assertEquals(1, capturedUnder(url("/page-a")), lab.failures.toString());
        assertEquals(1, capturedUnder(url("/page-b")), lab.failures.toString());
        assertEquals(0, capturedUnder(url("/never")));
        String failures = String.join("\n", lab.failures);
        assertTrue(failures.contains("/bomb.xml.gz") && failures.contains("once unpacked"), failures);
        assertTrue(failures.contains("/damaged.xml.gz") && failures.contains("could not be unpacked"), failures);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder gzip(byte[] plain)
            throws IOException {
        return packed(gzipBytes(plain));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder packed(byte[] gzipped) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/gzip").withBody(gzipped);
    }

    private static byte[] gzipBytes(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(plain);
        }
        return out.toByteArray();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/xml").withBody(body);
    }
}
