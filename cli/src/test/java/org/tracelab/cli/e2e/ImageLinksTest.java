package org.tracelab.cli.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Json;
import org.tracelab.samples.photos.NearCopies;
import org.tracelab.samples.photos.PhotoGenerator;

/**
 * Two ads tied only by the same photo (the second recompressed and resized, with another phone), through the real
 * command line against a WireMock site: {@code links} joins them by {@code image:} with the distance, {@code search
 * image:} finds them nearest first, a third ad's other photo and a fourth's truncated JPEG tie nothing, and the case
 * verifies. Pages, phones and photos are fictitious (the photos drawn by Tracelab's generator).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImageLinksTest {
    private Cli cli;
    private WireMockServer mock;
    private String base;
    private Map<String, Long> ids;

    @BeforeAll
    void collect(@TempDir Path tmp) {
        mock = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        mock.start();
        base = "http://127.0.0.1:" + mock.port();
        mock.stubFor(get(urlEqualTo("/robots.txt")).willReturn(aResponse().withStatus(404)));
        BufferedImage hotel = PhotoGenerator.draw(PhotoGenerator.Subject.ROOM, 41, 800, 600);
        BufferedImage bus = PhotoGenerator.draw(PhotoGenerator.Subject.VEHICLE, 42, 800, 600);
        ad("/ads/1.html", "Hotel maids in Dubai, tel +998 90 555 01 01", "/img/1.png");
        picture("/img/1.png", NearCopies.png(hotel), "image/png");
        ad("/ads/2.html", "Hotel staff wanted, tel +998 93 555 02 02", "/img/2.jpg");
        picture("/img/2.jpg", NearCopies.jpeg(NearCopies.resized(hotel, 0.6), 0.4f), "image/jpeg");
        ad("/ads/3.html", "Drivers wanted, tel +998 94 555 03 03", "/img/3.webp");
        picture("/img/3.webp", NearCopies.encode(bus, NearCopies.Format.WEBP, 1f), "image/webp");
        byte[] jpeg = NearCopies.jpeg(hotel, 0.8f);
        ad("/ads/4.html", "Cleaners wanted, tel +998 95 555 04 04", "/img/4.jpg");
        picture("/img/4.jpg", Arrays.copyOf(jpeg, jpeg.length / 3), "image/jpeg");

        cli = new Cli(tmp.resolve("case"));
        assertEquals(0, cli.init().code());
        Cli.Run run = cli.run("--json", "collect", "page", base + "/ads/1.html", base + "/ads/2.html",
                base + "/ads/3.html", base + "/ads/4.html", "--images", "--delay", "0");
        assertEquals(0, run.code(), run::toString);
        ids = Kills.acknowledged(run.out().lines().toList()).stream().collect(Collectors.toMap(
                i -> i.path("source").asText().substring(base.length()), i -> i.path("id").asLong(), (a, b) -> a));
    }

    @AfterAll
    void stop() {
        mock.stop();
    }

    @Test
    void linksJoinTheTwoAdsByTheirPhotoWithTheDistance() {
        Cli.Run run = cli.run("--json", "links");
        assertEquals(0, run.code(), run::toString);
        List<JsonNode> clusters = run.out().lines().map(Json::parse).toList();
        assertEquals(1, clusters.size(), run::toString);
        JsonNode c = clusters.get(0);
        Set<Long> items = new TreeSet<>();
        c.path("items").forEach(i -> items.add(i.asLong()));
        assertEquals(Set.of(ids.get("/ads/1.html"), ids.get("/ads/2.html")), items, run::toString);
        // A photo is named after its first picture; the pictures may be fetched in either order.
        long first = Math.min(ids.get("/img/1.png"), ids.get("/img/2.jpg"));
        long second = Math.max(ids.get("/img/1.png"), ids.get("/img/2.jpg"));
        String photo = "image:" + first;
        assertEquals(photo, c.path("shared").get(0).asText(), run::toString);
        assertEquals(1, c.path("shared").size(), run::toString);
        JsonNode tie = c.path("imageTies").get(0);
        assertEquals(first, tie.path("picture").asLong());
        assertEquals(second, tie.path("other").asLong());
        assertTrue(tie.path("distance").asInt() <= 40, run::toString);

        Cli.Run text = cli.run("links", "--type", "image");
        assertEquals(0, text.code(), text::toString);
        assertTrue(text.out().contains(photo + ": picture " + first + " ~ picture " + second + ", distance "),
                text::toString);
        assertEquals(0, cli.run("--json", "links", "--type", "phone").out().strip().length(),
                "the ads share no phone: only the photo ties them");
    }

    @Test
    void searchForAPictureFindsItsCopyAndBothAdsNearestFirst() {
        long original = ids.get("/img/1.png");
        Cli.Run run = cli.run("--json", "search", "image:" + original);
        assertEquals(0, run.code(), run::toString);
        List<JsonNode> hits = run.out().lines().map(Json::parse).toList();
        Set<Long> found = hits.stream().map(h -> h.path("id").asLong()).collect(Collectors.toSet());
        assertEquals(Set.of(original, ids.get("/img/2.jpg"), ids.get("/ads/1.html"), ids.get("/ads/2.html")), found,
                run::toString);
        assertEquals(0, hits.get(0).path("imageDistance").asInt(), run::toString);
        for (int i = 1; i < hits.size(); i++) {
            assertTrue(hits.get(i - 1).path("imageDistance").asInt() <= hits.get(i).path("imageDistance").asInt(),
                    run::toString);
        }
        Cli.Run byAd = cli.run("search", "image:" + ids.get("/ads/2.html"));
        assertTrue(byAd.out().contains("item " + ids.get("/ads/1.html")) && byAd.out().contains("picture distance"),
                byAd::toString);
        Cli.Run none = cli.run("search", "image:" + ids.get("/ads/3.html") + "000");
        assertTrue(none.err().contains("has no picture hash to match"), none::toString);
        assertEquals(2, cli.run("search", "image:abc").code());
    }

    @Test
    void aTruncatedJpegIsRecordedAsDamagedAndTheCaseVerifies() {
        Cli.Run show = cli.run("--json", "show", Long.toString(ids.get("/img/4.jpg")));
        assertEquals(0, show.code(), show::toString);
        assertEquals("DAMAGED", Json.parse(show.out()).path("picture").path("refused").path("kind").asText(),
                show::toString);
        Cli.Run webp = cli.run("show", Long.toString(ids.get("/img/3.webp")));
        assertTrue(webp.out().contains("picture       pdq ") && webp.out().contains("WEBP 800 x 600"), webp::toString);
        Cli.Run verify = cli.run("verify");
        assertEquals(0, verify.code(), verify::toString);
    }

    private void ad(String path, String text, String img) {
        mock.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody("<html><body><h1>Fictitious ad</h1><p>" + text + "</p><img src=\"" + img + "\">"
                        + "</body></html>")));
    }

    private void picture(String path, byte[] bytes, String type) {
        mock.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", type)
                .withBody(bytes)));
    }
}
