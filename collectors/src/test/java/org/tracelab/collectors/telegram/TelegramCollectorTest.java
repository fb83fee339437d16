package org.tracelab.collectors.telegram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.collectors.http.LabCase;
import org.tracelab.collectors.http.LabSite;
import org.tracelab.core.Json;
import org.tracelab.core.TracelabException;
import org.tracelab.core.collect.CollectRequest;
import org.tracelab.core.collect.StoredItem;

class TelegramCollectorTest {
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

    private void collect(String url, String... more) throws Exception {
        Map<String, List<String>> options = new java.util.HashMap<>(Map.of("--delay", List.of("0")));
        for (int i = 0; i < more.length; i += 2) {
            options.put(more[i], List.of(more[i + 1]));
        }
        try {
            new TelegramCollector().collect(new CollectRequest("telegram", List.of(url), options, null),
                    lab.sink("telegram"));
        } finally {
            lab.finish();
        }
    }

    private List<JsonNode> posts() throws Exception {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (StoredItem s : lab.stored) {
            if (s.item().kind().equals(TelegramCollector.KIND)) {
                try (InputStream in = lab.kase.openRaw(lab.item(s.id()))) {
                    out.add(Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        }
        return out;
    }

    private static String message(int id, String text, String views) {
        return "<div class=\"tgme_widget_message_wrap\"><div class=\"tgme_widget_message\" data-post=\"kasb_demo/"
                + id + "\"><div class=\"tgme_widget_message_text\">" + text + "</div>"
                + "<div class=\"tgme_widget_message_footer\"><span class=\"tgme_widget_message_views\">" + views
                + "</span><a class=\"tgme_widget_message_date\" href=\"https://t.me/kasb_demo/" + id + "\">"
                + "<time datetime=\"2025-06-0" + (id % 9 + 1) + "T10:00:00+00:00\">x</time></a></div></div></div>";
    }

    private void page(String path, String body) {
        mock.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8").withBody("<html><body><section>" + body
                        + "</section></body></html>")));
    }

    @Test
    void followsBeforePagingAndRecordsEachPostLinkedToItsPage() throws Exception {
        page("/s/kasb_demo", "<a class=\"tme_messages_more\" data-before=\"3\" href=\"/s/kasb_demo?before=3\">more</a>"
                + message(3, "Ishga taklif (fictitious)<br>Tel: +998 90 555 00 03<br><a href=\"https://t.me/hr_demo\">HR</a>",
                "1.2K") + message(4, "Работа в Дубае", "845"));
        page("/s/kasb_demo?before=3", message(1, "First post", "3M") + message(2, "Second <b>post</b>", "12"));

        collect("http://127.0.0.1:" + mock.port() + "/s/kasb_demo");

        List<JsonNode> posts = posts();
        assertEquals(4, posts.size(), lab.failures.toString());
        JsonNode p3 = posts.stream().filter(p -> p.get("postId").asText().equals("3")).findFirst().orElseThrow();
        assertEquals("kasb_demo", p3.get("channel").asText());
        assertEquals("Ishga taklif (fictitious)\nTel: +998 90 555 00 03\nHR", p3.get("text").asText());
        assertEquals("https://t.me/hr_demo", p3.get("links").get(0).asText());
        assertEquals(1200, p3.get("viewCount").asLong());
        assertEquals("1.2K", p3.get("views").asText());
        assertEquals("2025-06-04T10:00:00+00:00", p3.get("date").asText());
        assertEquals(3_000_000, posts.stream().filter(p -> p.get("postId").asText().equals("1")).findFirst()
                .orElseThrow().get("viewCount").asLong());
        for (StoredItem s : lab.stored) {
            if (s.item().kind().equals(TelegramCollector.KIND)) {
                assertEquals("http-response", lab.item(s.item().parentId()).kind());
            }
        }
    }

    @Test
    void maxPagesStopsThePaging() throws Exception {
        page("/s/kasb_demo", "<a class=\"tme_messages_more\" href=\"/s/kasb_demo?before=2\">more</a>" + message(2, "b", "1"));
        page("/s/kasb_demo?before=2", message(1, "a", "1"));
        collect("http://127.0.0.1:" + mock.port() + "/s/kasb_demo", "--max-pages", "1");
        assertEquals(1, posts().size());
    }

    @Test
    void readsTheGeneratedLabChannel() throws Exception {
        try (LabSite site = new LabSite(tmp.resolve("lab"), 20251, 60)) {
            collect(site.url("s/ish_bor_demo"));
        }
        List<JsonNode> posts = posts();
        assertTrue(posts.size() >= 10, "posts: " + posts.size());
        assertTrue(posts.stream().allMatch(p -> p.get("channel").asText().equals("ish_bor_demo")
                && !p.get("text").asText().isBlank() && p.get("viewCount").asLong() > 0));
        assertTrue(lab.failures.isEmpty(), lab.failures.toString());
        // the channel posts photos, albums, flyers and videos; each picture is kept under its post
        int pictures = 0;
        for (StoredItem s : lab.stored) {
            if (s.item().kind().equals(TelegramCollector.KIND)) {
                JsonNode record = s.item().meta().get("record");
                for (String list : List.of("photos", "videoPreviews")) {
                    for (JsonNode url : record.path(list)) {
                        List<org.tracelab.core.items.Item> kept = lab.itemsFor(url.asText());
                        assertEquals(1, kept.size(), url.asText());
                        assertEquals(Long.valueOf(s.id()), kept.get(0).parentId());
                        assertTrue(kept.get(0).contentType().startsWith("image/"), kept.get(0).contentType());
                        pictures++;
                    }
                }
            }
        }
        assertTrue(pictures >= 5, "pictures kept: " + pictures);
    }

    @Test
    void notFoundServerErrorResetAndNonHtmlAreNotedWithoutPosts() throws Exception {
        mock.stubFor(get(urlEqualTo("/s/gone")).willReturn(aResponse().withStatus(404)));
        mock.stubFor(get(urlEqualTo("/s/error")).willReturn(aResponse().withStatus(500)));
        mock.stubFor(get(urlEqualTo("/s/reset")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        mock.stubFor(get(urlEqualTo("/s/json")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"ok\":true}")));
        page("/s/plain", "<p>just a page, no channel here</p>");
        for (String p : List.of("gone", "error", "reset", "json", "plain")) {
            collect("http://127.0.0.1:" + mock.port() + "/s/" + p);
        }
        assertEquals(0, posts().size());
        assertEquals(5, lab.failures.size(), lab.failures.toString());
    }

    @Test
    void brokenMarkupStillYieldsThePostsItHolds() throws Exception {
        page("/s/kasb_demo", message(7, "Visa <b>free <i>no closing", "99") + "<div class=tgme_widget_message"
                + " data-post=\"bad\"><table><td>");
        collect("http://127.0.0.1:" + mock.port() + "/s/kasb_demo");
        List<JsonNode> posts = posts();
        assertEquals(1, posts.size());
        assertTrue(posts.get(0).get("text").asText().startsWith("Visa free no closing"));
    }

    @Test
    void tmeAddressesBecomeThePreviewUrl() {
        assertEquals("https://t.me/s/ish_bor_demo", TelegramCollector.previewUrl("https://t.me/ish_bor_demo").toString());
        assertEquals("https://t.me/s/ish_bor_demo", TelegramCollector.previewUrl("t.me/s/ish_bor_demo").toString());
        assertEquals("https://t.me/s/ish_bor_demo?before=40",
                TelegramCollector.previewUrl("t.me/s/ish_bor_demo?before=40").toString());
        assertEquals("http://127.0.0.1:8080/s/ish_bor_demo",
                TelegramCollector.previewUrl("http://127.0.0.1:8080/s/ish_bor_demo").toString());
        assertEquals("https://t.me/s/ish_bor_demo", TelegramCollector.previewUrl(" @ish_bor_demo ").toString());
        for (String notAChannel : List.of("t.me/", "@", "ish bor", "t.me/joinchat/AAAA")) {
            TracelabException e = assertThrows(TracelabException.class,
                    () -> TelegramCollector.previewUrl(notAChannel));
            assertEquals(TracelabException.Failure.BAD_INPUT, e.failure());
            assertTrue(e.getMessage().contains("@NAME"), e.getMessage());
        }
    }

    @Test
    void viewCountsReadAsShown() {
        assertEquals(Optional.of(3900L), ChannelPage.viewCount("3.9K"));
        assertEquals(Optional.of(1_500_000L), ChannelPage.viewCount("1,5M"));
        assertEquals(Optional.of(845L), ChannelPage.viewCount("845"));
        assertEquals(Optional.empty(), ChannelPage.viewCount("many"));
        assertNull(ChannelPage.viewCount("").orElse(null));
    }
}
