package org.tracelab.collectors.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tracelab.core.TracelabException;
import org.tracelab.core.collect.CaptureSink;
import org.tracelab.core.items.Item;

class HttpCaptureTest {
    @TempDir
    Path tmp;

    private WireMockServer server;
    private LabCase lab;

    @BeforeEach
    void start() {
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        lab = new LabCase(tmp);
    }

    @AfterEach
    void stop() {
        lab.close();
        server.stop();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    /** The read timeout leaves room for a machine loaded by parallel builds (800 ms failed there), yet is short. */
    private static CaptureSettings settings(boolean obeyRobots) {
        return new CaptureSettings(Duration.ofSeconds(5), Duration.ofMillis(2500), CaptureSettings.MAX_REDIRECTS,
                CaptureSettings.DEFAULT_MAX_BYTES, Duration.ZERO, obeyRobots, HostAllowList.any());
    }

    private Optional<Capture> capture(String path, CaptureSettings s) throws Exception {
        CaptureSink sink = lab.sink("page");
        try (HttpCapture http = HttpCapture.open(sink, "page", s, Clock.systemUTC())) {
            return http.capture(Urls.target(url(path)), null);
        } finally {
            lab.finish();
        }
    }

    @Test
    void okResponseIsStoredExactlyWithHeadersIpAndWarcLocation() throws Exception {
        byte[] body = "<html><body>Vakansiya: ofitsiant, Dubai (fictitious)</body></html>"
                .getBytes(StandardCharsets.UTF_8);
        server.stubFor(get(urlEqualTo("/job/1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8").withHeader("X-Lab", "one", "two")
                .withBody(body)));

        Capture c = capture("/job/1", settings(true)).orElseThrow();

        Item item = lab.item(c.item().id());
        assertEquals(HttpCapture.KIND, item.kind());
        assertEquals(url("/job/1"), item.source());
        assertEquals("text/html; charset=utf-8", item.contentType());
        try (InputStream in = lab.kase.openRaw(item)) {
            assertArrayEquals(body, in.readAllBytes());
        }
        assertEquals(200, item.meta().get("status").asInt());
        assertEquals("127.0.0.1", item.meta().get("ip").asText());
        assertTrue(item.meta().get("headers").toString().contains("[\"x-lab\",\"two\"]"), item.meta().toString());
        assertTrue(item.meta().get("requestHeaders").toString().contains("Tracelab/"), item.meta().toString());
        assertTrue(item.meta().get("warc").get("file").asText().startsWith("warc/tracelab-"));
        assertFalse(item.meta().get("truncated").asBoolean());
        String ua = server.getAllServeEvents().get(0).getRequest().getHeader("User-Agent");
        assertTrue(ua.startsWith("Tracelab/") && ua.contains("OSINT training lab"), ua);
        WarcFiles.assertResponseAt(lab.kase.dir(), item);
        assertTrue(lab.kase.verify(null).holds());
        WarcFiles.assertValid(lab.kase.dir());
    }

    @Test
    void notFoundAndServerErrorAreCapturedAsWhatTheyAre() throws Exception {
        server.stubFor(get(urlEqualTo("/gone")).willReturn(aResponse().withStatus(404).withBody("no such ad")));
        server.stubFor(get(urlEqualTo("/broken")).willReturn(aResponse().withStatus(500).withBody("oops")));

        assertEquals(404, capture("/gone", settings(true)).orElseThrow().status());
        assertEquals(500, capture("/broken", settings(true)).orElseThrow().status());

        assertEquals(404, lab.itemsFor(url("/gone")).get(0).meta().get("status").asInt());
        assertEquals(500, lab.itemsFor(url("/broken")).get(0).meta().get("status").asInt());
        WarcFiles.assertValid(lab.kase.dir());
    }

    @Test
    void redirectsAreFollowedHopByHopEachHopLinkedToTheNext() throws Exception {
        server.stubFor(get(urlEqualTo("/a")).willReturn(aResponse().withStatus(301).withHeader("Location", "/b")));
        server.stubFor(get(urlEqualTo("/b")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", url("/c#top"))));
        server.stubFor(get(urlEqualTo("/c")).willReturn(aResponse().withStatus(200).withBody("final")));

        Capture c = capture("/a", settings(true)).orElseThrow();

        assertEquals(url("/c"), c.finalUrl().toString());
        Item a = lab.itemsFor(url("/a")).get(0);
        Item b = lab.itemsFor(url("/b")).get(0);
        Item last = lab.itemsFor(url("/c")).get(0);
        assertNull(a.parentId());
        assertEquals(a.id(), b.parentId());
        assertEquals(b.id(), last.parentId());
        assertEquals(url("/b"), a.meta().get("redirect").asText());
        assertEquals(301, a.meta().get("status").asInt());
        WarcFiles.assertValid(lab.kase.dir());
    }

    @Test
    void redirectLoopStopsWithEveryHopKept() throws Exception {
        server.stubFor(get(urlEqualTo("/ping")).willReturn(aResponse().withStatus(302).withHeader("Location", "/pong")));
        server.stubFor(get(urlEqualTo("/pong")).willReturn(aResponse().withStatus(302).withHeader("Location", "/ping")));

        assertTrue(capture("/ping", settings(true)).isEmpty());

        assertEquals(1, lab.itemsFor(url("/ping")).size());
        assertEquals(1, lab.itemsFor(url("/pong")).size());
        assertTrue(lab.failures.stream().anyMatch(f -> f.contains("redirect loop")), lab.failures.toString());
    }

    @Test
    void moreThanTenRedirectsAreNotFollowed() throws Exception {
        for (int i = 0; i < 12; i++) {
            server.stubFor(get(urlEqualTo("/r" + i)).willReturn(aResponse().withStatus(302)
                    .withHeader("Location", "/r" + (i + 1))));
        }

        assertTrue(capture("/r0", settings(true)).isEmpty());

        assertEquals(11, lab.stored.stream().filter(s -> s.item().source().matches(".*/r[0-9]+")).count());
        assertTrue(lab.failures.stream().anyMatch(f -> f.contains("more than 10 redirects")), lab.failures.toString());
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void networkFaultIsNotedAndTheRunGoesOn(Fault fault) throws Exception {
        server.stubFor(get(urlEqualTo("/fault")).willReturn(aResponse().withFault(fault)));
        server.stubFor(get(urlEqualTo("/fine")).willReturn(aResponse().withStatus(200).withBody("fine")));
        CaptureSink sink = lab.sink("page");
        try (HttpCapture http = HttpCapture.open(sink, "page", settings(true), Clock.systemUTC())) {
            assertTrue(http.capture(Urls.target(url("/fault")), null).isEmpty());
            assertTrue(http.capture(Urls.target(url("/fine")), null).isPresent());
        }

        assertTrue(lab.itemsFor(url("/fault")).isEmpty());
        assertTrue(lab.failures.stream().anyMatch(f -> f.startsWith(url("/fault"))), lab.failures.toString());
        assertTrue(lab.kase.verify(null).holds());
    }

    @Test
    void responseSlowerThanTheTimeoutIsAFailureNotAHang() throws Exception {
        server.stubFor(get(urlEqualTo("/slow")).willReturn(aResponse().withStatus(200).withFixedDelay(8000)));

        assertTrue(capture("/slow", settings(true)).isEmpty());

        assertTrue(lab.failures.stream().anyMatch(f -> f.contains("no response within 2500 ms")), lab.failures.toString());
    }

    @Test
    void robotsDisallowIsObeyedAndTheRobotsFetchIsKept() throws Exception {
        server.stubFor(get(urlEqualTo("/robots.txt")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain").withBody("User-agent: *\nDisallow: /private/\n")));
        server.stubFor(get(urlEqualTo("/private/list")).willReturn(aResponse().withStatus(200).withBody("secret")));

        assertTrue(capture("/private/list", settings(true)).isEmpty());

        assertTrue(server.findAll(com.github.tomakehurst.wiremock.client.WireMock
                .getRequestedFor(urlEqualTo("/private/list"))).isEmpty());
        assertEquals(1, lab.itemsFor(url("/robots.txt")).size());
        assertTrue(lab.skips.stream().anyMatch(f -> f.contains("disallowed by robots.txt")), lab.skips::toString);
        assertTrue(lab.failures.isEmpty(), "a page left out by robots.txt is a skip, not a failure");
        assertEquals(1, lab.custodyActions("capture.skipped"));
    }

    @Test
    void robotsThatCannotBeReadRefuseTheSiteAndTheSkipSaysSoNotThatARuleDid() throws Exception {
        server.stubFor(get(urlEqualTo("/robots.txt")).willReturn(aResponse().withStatus(503)));
        server.stubFor(get(urlEqualTo("/list")).willReturn(aResponse().withStatus(200).withBody("fictitious")));

        assertTrue(capture("/list", settings(true)).isEmpty());

        assertTrue(server.findAll(com.github.tomakehurst.wiremock.client.WireMock
                .getRequestedFor(urlEqualTo("/list"))).isEmpty());
        assertEquals(List.of(url("/list") + " -> " + url("/robots.txt") + " answered 503 (RFC 9309: then nothing of the"
                + " site may be fetched; --ignore-robots overrides), not fetched"), lab.skips);
    }

    @Test
    void ignoringRobotsFetchesAnywayAndIsLogged() throws Exception {
        server.stubFor(get(urlEqualTo("/robots.txt")).willReturn(aResponse().withStatus(200)
                .withBody("User-agent: *\nDisallow: /\n")));
        server.stubFor(get(urlEqualTo("/private/list")).willReturn(aResponse().withStatus(200).withBody("secret")));

        assertTrue(capture("/private/list", settings(false)).isPresent());

        assertTrue(lab.itemsFor(url("/robots.txt")).isEmpty());
        assertEquals(1, lab.custodyActions("collect.ignore-robots"));
        assertTrue(lab.kase.verify(null).holds());
    }

    @Test
    void hostOutsideTheAllowListIsNotFetched() throws Exception {
        server.stubFor(get(urlEqualTo("/x")).willReturn(aResponse().withStatus(200).withBody("x")));
        CaptureSettings s = new CaptureSettings(Duration.ofSeconds(5), Duration.ofSeconds(5), 10, 1000, Duration.ZERO,
                true, HostAllowList.parse(List.of("lab.example:8080")));

        assertTrue(capture("/x", s).isEmpty());

        assertTrue(server.getAllServeEvents().isEmpty());
        assertTrue(lab.skips.stream().anyMatch(f -> f.contains("--allow-host")), lab.skips::toString);
    }

    @Test
    void allowListEntryWithPortPermitsThatPortOnly() {
        HostAllowList allow = HostAllowList.parse(List.of("127.0.0.1:8080", "Lab.Example"));
        assertTrue(allow.permits(URI.create("http://127.0.0.1:8080/")));
        assertFalse(allow.permits(URI.create("http://127.0.0.1:9090/")));
        assertTrue(allow.permits(URI.create("https://lab.example/any")));
        assertEquals(Set.of("127.0.0.1:8080", "lab.example"), allow.entries());
    }

    @Test
    void allowListTakesInternationalisedHostsAsTheirUrlsCarryThem() {
        HostAllowList allow = HostAllowList.parse(List.of("пример.рф", "САЙТ.ҚАЗ:8080"));
        assertTrue(allow.permits(Urls.target("http://пример.рф/ish")));
        assertTrue(allow.permits(Urls.target("http://сайт.қаз:8080/")));
        assertFalse(allow.permits(Urls.target("http://сайт.қаз:9090/")));
        TracelabException e = assertThrows(TracelabException.class, () -> HostAllowList.parse(List.of("пример рф")));
        assertTrue(e.getMessage().contains("пример рф"), e.getMessage());
    }
}
