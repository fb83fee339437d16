package org.tracelab.collectors.ads;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.collectors.http.LabCase;
import org.tracelab.collectors.http.LabSite;
import org.tracelab.core.Json;
import org.tracelab.core.TracelabException;
import org.tracelab.core.collect.CollectRequest;
import org.tracelab.core.collect.StoredItem;
import org.tracelab.core.items.Item;
import org.tracelab.core.verify.VerifyListener;

class AdsCollectorTest {
    private static final int ADS = 45;

    @TempDir
    static Path shared;
    private static LabSite site;

    @TempDir
    Path tmp;
    private LabCase lab;
    private WireMockServer mock;

    @BeforeAll
    static void serveScenario() {
        site = new LabSite(shared, 20251, ADS);
    }

    @AfterAll
    static void stopScenario() {
        site.close();
    }

    @BeforeEach
    void start() {
        lab = new LabCase(tmp);
        mock = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        mock.start();
    }

    @AfterEach
    void stop() {
        lab.close();
        mock.stop();
    }

    private void collect(Path profile, String base, String... more) throws Exception {
        Map<String, List<String>> options = new HashMap<>();
        options.put("--profile", List.of(profile.toString()));
        options.put("--delay", List.of("0"));
        if (base != null) {
            options.put("--base", List.of(base));
        }
        for (int i = 0; i < more.length; i += 2) {
            options.put(more[i], List.of(more[i + 1]));
        }
        try {
            new AdsCollector().collect(new CollectRequest("ads", List.of(), options, null), lab.sink("ads"));
        } finally {
            lab.finish();
        }
    }

    private List<StoredItem> ofKind(String kind) {
        return lab.stored.stream().filter(s -> s.item().kind().equals(kind)).toList();
    }

    private JsonNode record(StoredItem s) throws Exception {
        try (InputStream in = lab.kase.openRaw(lab.item(s.id()))) {
            return Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void walksTheWholeLabListingAndRecordsEveryAdLinkedToItsPage() throws Exception {
        collect(site.profile(), site.base().toString());

        List<StoredItem> ads = ofKind(AdsCollector.KIND);
        assertEquals(ADS, ads.size(), lab.failures.toString());
        assertTrue(lab.failures.isEmpty(), lab.failures.toString());
        for (StoredItem ad : ads) {
            Item page = lab.item(ad.item().parentId());
            assertEquals("http-response", page.kind());
            assertEquals(page.source(), ad.item().source());
            JsonNode r = record(ad);
            assertEquals(page.source(), r.get("url").asText());
            assertFalse(r.get("title").asText().isBlank());
            assertFalse(r.get("body").asText().isBlank());
            assertTrue(r.get("posted").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*"), r.toString());
        }
        // listing pages: three of 20 ads each for 45 ads, robots.txt once
        long listings = lab.stored.stream().filter(s -> s.item().source().matches(".*/ads/page-\\d+\\.html")).count();
        assertEquals(3, listings);
        JsonNode first = record(ads.stream().filter(s -> s.item().source().endsWith("ad000001.html")).findFirst()
                .orElseThrow());
        assertTrue(first.get("contact").asText().contains("555"), first.toString());
        // the lab's profile names the ads' photos: each is kept under its ad, whichever way the page wrote it
        int photos = 0;
        for (StoredItem ad : ads) {
            for (JsonNode url : record(ad).path("photos")) {
                List<Item> kept = lab.itemsFor(url.asText());
                assertEquals(1, kept.size(), url.asText());
                assertEquals(Long.valueOf(ad.id()), kept.get(0).parentId());
                assertTrue(kept.get(0).contentType().startsWith("image/"), url.asText());
                photos++;
            }
        }
        assertTrue(photos >= ADS / 3, "photos kept: " + photos);
        assertEquals(0, lab.kase.verify(VerifyListener.NONE).problems().size());
    }

    @Test
    void maxPagesBoundsTheListingPagesWalked() throws Exception {
        collect(site.profile(), site.base().toString(), "--max-pages", "1");
        assertEquals(20, ofKind(AdsCollector.KIND).size());
    }

    @Test
    void aRelativeStartWithoutBaseIsBadInputNamingTheProfile() {
        TracelabException e = assertThrows(TracelabException.class, () -> collect(site.profile(), null));
        assertTrue(e.getMessage().contains("profile.json") && e.getMessage().contains("--base"), e.getMessage());
        assertTrue(lab.stored.isEmpty());
    }

    @Test
    void invalidJsonNamesFileLineAndColumn() throws Exception {
        Path p = tmp.resolve("broken.json");
        Files.writeString(p, "{\n  \"name\": \"x\",\n  \"start\" \"ads/page-1.html\"\n}\n");
        TracelabException e = assertThrows(TracelabException.class, () -> AdsProfile.read(p));
        assertEquals(TracelabException.Failure.BAD_INPUT, e.failure());
        assertTrue(e.getMessage().contains("broken.json") && e.getMessage().contains("line 3"), e.getMessage());
    }

    @Test
    void aMissingKeyIsNamedByItsJsonPath() throws Exception {
        Path p = profile(Map.of("title", "h1"), "a.ad-link").resolveSibling("p.json");
        String text = Files.readString(p).replace("\"title\"", "\"heading\"");
        Files.writeString(p, text);
        TracelabException e = assertThrows(TracelabException.class, () -> AdsProfile.read(p));
        assertTrue(e.getMessage().contains("$.fields.title is missing"), e.getMessage());
    }

    @Test
    void aSelectorThatIsNotCssIsNamedWithItsKey() throws Exception {
        Path p = profile(Map.of("title", "h1[", "body", "div"), "a.ad-link");
        TracelabException e = assertThrows(TracelabException.class, () -> AdsProfile.read(p));
        assertTrue(e.getMessage().contains("$.fields.title") && e.getMessage().contains("h1["), e.getMessage());
    }

    @Test
    void aFieldSelectorMatchingNothingOnTheFirstAdIsBadInputNamingKeyAndSelector() throws Exception {
        Path p = profile(Map.of("title", "h1.ad-title", "body", "div.ad-body", "price", "span.no-such-price"),
                "a.ad-link");
        TracelabException e = assertThrows(TracelabException.class, () -> collect(p, site.base().toString()));
        assertEquals(TracelabException.Failure.BAD_INPUT, e.failure());
        assertTrue(e.getMessage().contains("$.fields.price") && e.getMessage().contains("span.no-such-price")
                && e.getMessage().contains("p.json"), e.getMessage());
    }

    @Test
    void anAdLinkSelectorMatchingNothingOnTheFirstListingIsBadInput() throws Exception {
        Path p = profile(Map.of("title", "h1.ad-title", "body", "div.ad-body"), "a.advert");
        TracelabException e = assertThrows(TracelabException.class, () -> collect(p, site.base().toString()));
        assertTrue(e.getMessage().contains("$.adLink") && e.getMessage().contains("a.advert"), e.getMessage());
        // the listing page itself was captured before the selector was found wanting: it is evidence
        assertEquals(1, lab.stored.stream().filter(s -> s.item().source().endsWith("page-1.html")).count());
    }

    @Test
    void faultsOnSomeAdsAreNotedAndTheOtherAdsStillRecorded() throws Exception {
        mock.stubFor(get(urlEqualTo("/robots.txt")).willReturn(aResponse().withStatus(404)));
        mock.stubFor(get(urlEqualTo("/list")).willReturn(html("""
                <ul><li><a class=ad-link href="/ad/ok">ok</a><li><a class=ad-link href="/ad/gone">gone</a>
                <li><a class=ad-link href="/ad/error">500</a><li><a class=ad-link href="/ad/reset">reset</a>
                <li><a class=ad-link href="/ad/image">png</a><li><a class=ad-link href="/ad/broken">broken
                </ul><a class=next href="/list2">next""")));
        mock.stubFor(get(urlEqualTo("/list2")).willReturn(aResponse().withStatus(503)));
        mock.stubFor(get(urlEqualTo("/ad/ok")).willReturn(html(
                "<h1 class=t>Driver wanted (fictitious)</h1><div class=b>Call +998 90 555 00 01</div>")));
        mock.stubFor(get(urlEqualTo("/ad/gone")).willReturn(aResponse().withStatus(404)));
        mock.stubFor(get(urlEqualTo("/ad/error")).willReturn(aResponse().withStatus(500)));
        mock.stubFor(get(urlEqualTo("/ad/reset")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        mock.stubFor(get(urlEqualTo("/ad/image")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "image/png").withBody(new byte[] {(byte) 0x89, 'P', 'N', 'G'})));
        mock.stubFor(get(urlEqualTo("/ad/broken")).willReturn(html(
                "<h1 class=t>Nanny <b>abroad<div class=b>no closing tags <p><table><td>Visa free")));
        Path p = profile(Map.of("title", "h1.t", "body", ".b"), "a.ad-link", "http://127.0.0.1:" + mock.port()
                + "/list");

        collect(p, null);

        List<StoredItem> ads = ofKind(AdsCollector.KIND);
        assertEquals(2, ads.size(), lab.failures.toString());
        assertTrue(record(ads.get(1)).get("body").asText().contains("Visa free"));
        String failures = String.join("\n", lab.failures);
        for (String expected : List.of("/ad/gone", "/ad/error", "/ad/reset", "/ad/image", "/list2")) {
            assertTrue(failures.contains(expected), failures);
        }
    }

    @Test
    void adsReadConcurrentlyStillMeetTheHostOneRequestAtATime() throws Exception {
        // Fictitious: two listing pages of 15 ads; the server notes the most requests it ever had in hand at once.
        AtomicInteger inHand = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", ex -> {
            most.accumulateAndGet(inHand.incrementAndGet(), Math::max);
            boolean answered = false;
            try {
                String path = ex.getRequestURI().getPath();
                StringBuilder html = new StringBuilder();
                int status = 200;
                if (path.startsWith("/list")) {
                    int page = Integer.parseInt(path.substring(5));
                    for (int i = 0; i < 15; i++) {
                        html.append("<a class=ad-link href=\"/ad/").append(page * 100 + i).append("\">ad</a>\n");
                    }
                    if (page == 1) {
                        html.append("<a class=next href=\"/list2\">next</a>");
                    }
                } else if (path.startsWith("/ad/")) {
                    Thread.sleep(2); // long enough for requests to pile up if the turn let them
                    html.append("<h1 class=t>Ad ").append(path.substring(4)).append(" (fictitious)</h1><div class=b>")
                            .append("Ish bor, +998 90 555 ").append(path.substring(4)).append("</div>");
                } else {
                    status = 404;
                }
                byte[] body = html.toString().getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                // Out of hand before the answer leaves: the client may send its next request the moment it has
                // this one's last byte, before this thread runs again (on a loaded machine it counted 2 once).
                inHand.decrementAndGet();
                answered = true;
                ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                if (!answered) {
                    inHand.decrementAndGet();
                }
            }
        });
        server.start();
        try {
            Path p = profile(Map.of("title", "h1.t", "body", ".b"), "a.ad-link",
                    "http://127.0.0.1:" + server.getAddress().getPort() + "/list1");
            collect(p, null);
        } finally {
            server.stop(0);
        }

        List<StoredItem> ads = ofKind(AdsCollector.KIND);
        assertEquals(30, ads.size(), lab.failures.toString());
        assertEquals(1, most.get(), "requests the server had in hand at once");
        for (StoredItem ad : ads) {
            Item page = lab.item(ad.item().parentId());
            assertEquals(page.source(), ad.item().source());
            String n = page.source().substring(page.source().lastIndexOf('/') + 1);
            assertEquals("Ad " + n + " (fictitious)", record(ad).get("title").asText());
        }
        assertEquals(0, lab.kase.verify(VerifyListener.NONE).problems().size());
    }

    @Test
    void anUnreachableStartPageEndsTheRunAsAnIoFailure() throws Exception {
        mock.stubFor(get(urlEqualTo("/robots.txt")).willReturn(aResponse().withStatus(404)));
        mock.stubFor(get(urlEqualTo("/list")).willReturn(aResponse().withStatus(500)));
        Path p = profile(Map.of("title", "h1", "body", "p"), "a", "http://127.0.0.1:" + mock.port() + "/list");
        TracelabException e = assertThrows(TracelabException.class, () -> collect(p, null));
        assertEquals(TracelabException.Failure.IO, e.failure());
        assertTrue(e.getMessage().contains("/list") && e.getMessage().contains("500"), e.getMessage());
    }

    private Path profile(Map<String, String> fields, String adLink) throws Exception {
        return profile(fields, adLink, "ads/page-1.html");
    }

    private Path profile(Map<String, String> fields, String adLink, String start) throws Exception {
        Map<String, Object> p = new HashMap<>();
        p.put("name", "fictitious-test-site");
        p.put("start", start);
        p.put("nextPage", "a.next");
        p.put("adLink", adLink);
        p.put("fields", fields);
        Path file = tmp.resolve("p.json");
        Files.writeString(file, Json.write(p));
        return file;
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder html(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/html; charset=utf-8").withBody(body);
    }
}
