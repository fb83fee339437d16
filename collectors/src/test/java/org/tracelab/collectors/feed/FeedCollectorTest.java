package org.tracelab.collectors.feed;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.collectors.http.LabCase;
import org.tracelab.collectors.http.LabSite;
import org.tracelab.core.collect.CollectRequest;
import org.tracelab.core.collect.StoredItem;

class FeedCollectorTest {
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
        mock.stubFor(get(urlEqualTo("/ads/1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<p>ad one (fictitious)</p>")));
        mock.stubFor(get(urlEqualTo("/ads/2")).willReturn(aResponse().withStatus(500)));
        mock.stubFor(get(urlEqualTo("/ads/3")).willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
    }

    @AfterEach
    void stop() {
        lab.close();
        mock.stop();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + mock.port() + path;
    }

    private void collect(String... urls) throws Exception {
        try {
            new FeedCollector().collect(new CollectRequest("feed", List.of(urls), Map.of("--delay", List.of("0")),
                    null), lab.sink("feed"));
        } finally {
            lab.finish();
        }
    }

    private void xml(String path, String type, String body) {
        mock.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", type)
                .withBody(body)));
    }

    private List<StoredItem> childrenOf(String feedUrl) {
        long feedId = lab.stored.stream().filter(s -> s.item().source().equals(feedUrl)).findFirst().orElseThrow().id();
        return lab.stored.stream().filter(s -> Long.valueOf(feedId).equals(s.item().parentId())).toList();
    }

    @Test
    void capturesTheLabRssFeedAndEveryAdItLinks() throws Exception {
        try (LabSite site = new LabSite(tmp.resolve("lab"), 20251, 40)) {
            collect(site.url("feed.xml"));
            assertEquals(30, childrenOf(site.url("feed.xml")).size(), lab.failures.toString());
        }
        assertTrue(lab.failures.isEmpty(), lab.failures.toString());
    }

    @Test
    void atomEntriesAreFollowedAndFaultsOnEntriesNoted() throws Exception {
        xml("/atom", "application/atom+xml", """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Fictitious jobs</title>
                <entry><title>one</title><link rel="alternate" href="/ads/1"/><link rel="edit" href="/edit/1"/></entry>
                <entry><title>two</title><link href="ads/2"/></entry>
                <entry><title>three</title><link href="/ads/3"/></entry>
                </feed>""");
        collect(url("/atom"));
        List<StoredItem> pages = childrenOf(url("/atom"));
        // Entries are captured side by side (CaptureTasks), so the order of their items is not the feed's.
        assertEquals(Set.of(url("/ads/1"), url("/ads/2")), pages.stream().map(s -> s.item().source())
                .collect(Collectors.toSet()));
        assertEquals(2, pages.size());
        assertTrue(String.join("\n", lab.failures).contains("/ads/3"), lab.failures.toString());
    }

    @Test
    void rssWithRelativeAndGuidOnlyLinksAndBrokenXmlStillYieldsItsItems() throws Exception {
        xml("/rss", "application/rss+xml; charset=utf-8", """
                <rss version="2.0"><channel><title>Ish (fictitious)</title>
                <item><title>a &amp; b</title><link>/ads/1</link></item>
                <item><title>guid only</title><guid>%s</guid></item>
                <item><title>unclosed <description>no end tags
                """.formatted(url("/ads/2")));
        collect(url("/rss"));
        assertEquals(2, childrenOf(url("/rss")).size());
    }

    @Test
    void htmlNotFoundAndResetAreNotedAsNoFeed() throws Exception {
        xml("/page", "text/html", "<html><body>not a feed</body></html>");
        mock.stubFor(get(urlEqualTo("/gone")).willReturn(aResponse().withStatus(404)));
        mock.stubFor(get(urlEqualTo("/reset")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        collect(url("/page"), url("/gone"), url("/reset"));
        String failures = String.join("\n", lab.failures);
        assertEquals(3, lab.failures.size(), failures);
        assertTrue(failures.contains("not an RSS or Atom feed") && failures.contains("<html>"), failures);
    }
}
