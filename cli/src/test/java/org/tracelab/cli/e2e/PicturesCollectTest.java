package org.tracelab.cli.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Json;

/**
 * Pictures where recruiters post them, through the real command line against a WireMock site: a channel preview's
 * photos, album and video preview frame, and an ad's photos (lazy-loaded, in a srcset, behind a CDN-like path) are
 * kept as items under their post or ad; a picture that answers HTML, 404s, is too large, lies off the allowed hosts
 * or under robots.txt's Disallow is recorded and the run goes on. Every picture is drawn by the test (fictitious).
 */
class PicturesCollectTest {
    @TempDir
    Path tmp;
    private Cli cli;
    private WireMockServer mock;
    private String base;

    @BeforeEach
    void start() {
        cli = new Cli(tmp.resolve("case"));
        assertEquals(0, cli.init().code());
        mock = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        mock.start();
        base = "http://127.0.0.1:" + mock.port();
        mock.stubFor(get(urlEqualTo("/robots.txt")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain").withBody("User-agent: *\nDisallow: /private/\n")));
    }

    @AfterEach
    void stop() {
        mock.stop();
    }

    @Test
    void aChannelsPhotosAlbumAndVideoFrameBecomeItemsOfTheirPostsAndHostilePicturesAreRecorded() throws Exception {
        picture("/file/album-1.jpg", image(1, "jpg"), "image/jpeg");
        picture("/file/album-2.png", image(2, "png"), "image/png");
        picture("/file/video-thumb.jpg", image(3, "jpg"), "image/jpeg");
        mock.stubFor(get(urlEqualTo("/file/html.jpg")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8").withBody("<html><body>login</body></html>")));
        mock.stubFor(get(urlEqualTo("/file/gone.jpg")).willReturn(aResponse().withStatus(404)));
        picture("/file/huge.png", noise(700, 700), "image/png");
        picture("/private/secret.jpg", image(4, "jpg"), "image/jpeg");
        page("/s/kasb_demo",
                post(10, "Ishga taklif (fictitious)", photo("/file/album-1.jpg") + photo("/file/album-2.png"))
                + post(11, "Видео (fictitious)", "<a class=\"tgme_widget_message_video_player\"><i class=\""
                        + "tgme_widget_message_video_thumb\" style=\"background-image:url('" + base
                        + "/file/video-thumb.jpg')\"></i><video src=\"" + base + "/file/v.mp4\"></video></a>")
                + post(12, "html", photo("/file/html.jpg"))
                + post(13, "gone", photo("/file/gone.jpg"))
                + post(14, "huge", photo("/file/huge.png"))
                + post(15, "elsewhere", "<a class=\"tgme_widget_message_photo_wrap\" style=\"background-image:url('"
                        + "http://localhost:" + mock.port() + "/file/album-1.jpg')\"></a>")
                + post(16, "robots", photo("/private/secret.jpg"))
                + post(17, "text only, no picture", ""));

        Cli.Run r = cli.run("--json", "collect", "telegram", base + "/s/kasb_demo", "--delay", "0",
                "--max-bytes", "300000", "--allow-host", "127.0.0.1:" + mock.port());

        assertEquals(3, r.code(), r::toString); // some sources could not be captured: said, not fatal
        List<JsonNode> items = Kills.acknowledged(r.out().lines().toList());
        Map<String, Long> bySource = items.stream().collect(Collectors.toMap(i -> i.path("source").asText(),
                i -> i.path("id").asLong(), (a, b) -> a));
        assertEquals(8, items.stream().filter(i -> i.path("kind").asText().equals("post")).count(), r::toString);
        long post10 = bySource.get("https://t.me/kasb_demo/10");
        assertEquals(post10, parent(bySource.get(base + "/file/album-1.jpg")));
        assertEquals(post10, parent(bySource.get(base + "/file/album-2.png")));
        assertEquals(bySource.get("https://t.me/kasb_demo/11"), parent(bySource.get(base + "/file/video-thumb.jpg")));
        JsonNode record = record(post10);
        assertEquals(List.of(base + "/file/album-1.jpg", base + "/file/album-2.png"),
                Json.MAPPER.convertValue(record.path("photos"), List.class));
        assertTrue(record(bySource.get("https://t.me/kasb_demo/17")).path("photos").isMissingNode());

        // the hostile pictures: kept as captured and named, or not fetched by the rules of collection
        assertTrue(r.err().contains(base + "/file/html.jpg: picture of item"), r::toString);
        assertTrue(r.err().contains(base + "/file/gone.jpg: picture of item") && r.err().contains("answered 404"),
                r::toString);
        assertTrue(r.err().contains(base + "/file/huge.png: picture of item") && r.err().contains("--max-bytes"),
                r::toString);
        assertTrue(r.err().contains("skipped: http://localhost:" + mock.port() + "/file/album-1.jpg"), r::toString);
        assertTrue(r.err().contains("skipped: " + base + "/private/secret.jpg"), r::toString);
        assertEquals(0, mock.findAll(getRequestedFor(urlEqualTo("/private/secret.jpg"))).size());
        assertTrue(items.stream().anyMatch(i -> i.path("source").asText().endsWith("/file/huge.png")
                && i.path("truncated").asBoolean()), r::toString);
        Cli.Run v = cli.run("verify");
        assertEquals(0, v.code(), v::toString);
    }

    @Test
    void anAdsPhotosNamedByTheProfileOrAskedForWithImagesAreKeptUnderTheAd() throws Exception {
        picture("/cdn/img/w=1200,q=80/ad-1.jpg", image(5, "jpg"), "image/jpeg");
        picture("/media/ad-1-b.webp-as-png", image(6, "png"), "image/png");
        picture("/media/ad-2.jpg", image(7, "jpg"), "image/jpeg");
        picture("/static/logo.png", image(8, "png"), "image/png");
        page("/ads/page-1.html", "<ul><li><a class=\"ad-link\" href=\"ad-1.html\">1</a></li>"
                + "<li><a class=\"ad-link\" href=\"ad-2.html\">2</a></li></ul>");
        page("/ads/ad-1.html", "<img class=\"logo\" src=\"/static/logo.png\"><h1>Ish (fictitious)</h1>"
                + "<div class=\"body\">Fictitious ad</div><div class=\"gallery\"><img src=\"/static/blank.gif\""
                + " srcset=\"/cdn/img/w=320,q=80/ad-1.jpg 320w, /cdn/img/w=1200,q=80/ad-1.jpg 1200w\">"
                + "<img src=\"/static/blank.gif\" data-src=\"/media/ad-1-b.webp-as-png\"></div>");
        page("/ads/ad-2.html", "<img class=\"logo\" src=\"/static/logo.png\"><h1>Работа (fictitious)</h1>"
                + "<div class=\"body\">Fictitious ad</div><div class=\"gallery\"><img src=\"/media/ad-2.jpg\"></div>");
        Path profile = Files.writeString(tmp.resolve("profile.json"), "{\"name\":\"fictitious\",\"start\":"
                + "\"ads/page-1.html\",\"nextPage\":\"a.next\",\"adLink\":\"a.ad-link\",\"fields\":{\"title\":\"h1\","
                + "\"body\":\"div.body\"},\"photos\":\"div.gallery img\"}", StandardCharsets.UTF_8);

        Cli.Run r = cli.run("--json", "collect", "ads", "--profile", profile.toString(), "--base", base + "/",
                "--delay", "0");

        assertEquals(0, r.code(), r::toString);
        List<JsonNode> items = Kills.acknowledged(r.out().lines().toList());
        Map<String, Long> ads = items.stream().filter(i -> i.path("kind").asText().equals("ad"))
                .collect(Collectors.toMap(i -> i.path("source").asText(), i -> i.path("id").asLong()));
        Map<String, Long> bySource = items.stream().filter(i -> !i.path("kind").asText().equals("ad"))
                .collect(Collectors.toMap(i -> i.path("source").asText(), i -> i.path("id").asLong(), (a, b) -> a));
        long ad1 = ads.get(base + "/ads/ad-1.html");
        assertEquals(ad1, parent(bySource.get(base + "/cdn/img/w=1200,q=80/ad-1.jpg")));
        assertEquals(ad1, parent(bySource.get(base + "/media/ad-1-b.webp-as-png")));
        assertEquals(ads.get(base + "/ads/ad-2.html"), parent(bySource.get(base + "/media/ad-2.jpg")));
        assertTrue(!bySource.containsKey(base + "/static/logo.png"), "the profile's selector leaves the logo out");
        assertEquals(0, mock.findAll(getRequestedFor(urlEqualTo("/cdn/img/w=320,q=80/ad-1.jpg"))).size(),
                "only the srcset's largest picture is fetched");

        // collect page --images keeps every picture a page shows, under the page
        Cli.Run p = cli.run("--json", "collect", "page", base + "/ads/ad-2.html", "--images", "--delay", "0");
        assertEquals(0, p.code(), p::toString);
        List<JsonNode> got = Kills.acknowledged(p.out().lines().toList());
        long page = got.stream().filter(i -> i.path("source").asText().endsWith("/ads/ad-2.html")).findFirst()
                .orElseThrow().path("id").asLong();
        for (String picture : List.of("/static/logo.png", "/media/ad-2.jpg")) {
            long id = got.stream().filter(i -> i.path("source").asText().equals(base + picture)).findFirst()
                    .orElseThrow(() -> new AssertionError(picture + " not kept\n" + p)).path("id").asLong();
            assertEquals(page, parent(id));
        }
    }

    private long parent(Long item) {
        assertTrue(item != null, "no such item");
        Cli.Run show = cli.run("--json", "show", item.toString());
        assertEquals(0, show.code(), show::toString);
        return Json.parse(show.out()).path("parent").asLong();
    }

    private JsonNode record(long item) {
        Cli.Run show = cli.run("show", Long.toString(item), "--raw");
        assertEquals(0, show.code(), show::toString);
        return Json.parse(show.out());
    }

    private void page(String path, String body) {
        mock.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody("<html><body><p>Fictitious test page</p><section>" + body + "</section></body></html>")));
    }

    private void picture(String path, byte[] bytes, String type) {
        mock.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", type)
                .withHeader("Cache-Control", "public, max-age=31536000").withBody(bytes)));
    }

    private String photo(String path) {
        return "<a class=\"tgme_widget_message_photo_wrap 5\" href=\"https://t.me/kasb_demo/1\" style=\"width:800px;"
                + "background-image:url('" + base + path + "')\"></a>";
    }

    private static String post(int id, String text, String media) {
        return "<div class=\"tgme_widget_message_wrap\"><div class=\"tgme_widget_message\" data-post=\"kasb_demo/"
                + id + "\">" + media + "<div class=\"tgme_widget_message_text\">" + text + "</div>"
                + "<div class=\"tgme_widget_message_footer\"><span class=\"tgme_widget_message_views\">12</span>"
                + "<a class=\"tgme_widget_message_date\" href=\"https://t.me/kasb_demo/" + id + "\">"
                + "<time datetime=\"2025-06-01T10:00:00+00:00\">x</time></a></div></div></div>";
    }

    /** A small drawn picture, different for each {@code n}. */
    private static byte[] image(int n, String format) throws IOException {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0x203040 * n & 0xFFFFFF));
        g.fillRect(0, 0, 64, 48);
        g.setColor(Color.WHITE);
        g.fillOval(n * 5, 10, 20, 20);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    /** A PNG of noise, which compresses to about its raw size. */
    private static byte[] noise(int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(7);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, r.nextInt(0xFFFFFF));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
