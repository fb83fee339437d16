package org.tracelab.samples.apitests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Hashing;
import org.tracelab.core.Json;
import org.tracelab.core.imagehash.ImageDecoder;
import org.tracelab.core.imagehash.Pdq;
import org.tracelab.core.imagehash.PdqHash;
import org.tracelab.core.links.ImageLinks;
import org.tracelab.samples.GradeReport;
import org.tracelab.samples.Grader;
import org.tracelab.samples.LabServer;
import org.tracelab.samples.LabServerOptions;
import org.tracelab.samples.ScenarioGenerator;
import org.tracelab.samples.ScenarioSpec;

/** The lab's pictures: ads' photos and flyers, clusters tied only by them, and how the site and the key show them. */
class LabPicturesTest {
    @TempDir
    static Path shared;
    static Path scenario;
    static JsonNode key;
    static final Map<String, JsonNode> ADS = new HashMap<>();

    @BeforeAll
    static void generate() throws IOException {
        scenario = shared.resolve("lab");
        ScenarioGenerator.generate(ScenarioSpec.of(11, 400), scenario);
        key = Json.MAPPER.readTree(scenario.resolve("key.json").toFile());
        key.get("ads").forEach(a -> ADS.put(a.get("id").asText(), a));
    }

    private static List<JsonNode> clusters(String tie) {
        List<JsonNode> out = new ArrayList<>();
        key.get("clusters").forEach(c -> {
            if (c.get("tie").asText().equals(tie)) {
                out.add(c);
            }
        });
        return out;
    }

    @Test
    void everyClusterSaysWhatTiesItAndEveryKindIsPlanted() {
        Set<String> ties = new HashSet<>();
        key.get("clusters").forEach(c -> ties.add(c.get("tie").asText()));
        assertEquals(Set.of("phone", "handle", "photo", "flyer"), ties);
        assertEquals(4, clusters("photo").size(), "two photo ties per block of 200 ads");
        assertEquals(4, clusters("flyer").size());
    }

    @Test
    void aPhotoTieSharesOnlyAPictureEachCopyAlteredItsOwnWay() throws IOException {
        for (JsonNode c : clusters("photo")) {
            String picture = c.get("shared").get(0).get("value").asText();
            Set<String> phones = new HashSet<>();
            Set<String> paths = new HashSet<>();
            Set<String> hashes = new HashSet<>();
            for (JsonNode id : c.get("ads")) {
                JsonNode ad = ADS.get(id.asText());
                ad.get("phones").forEach(p -> assertTrue(phones.add(p.asText()), "a phone shared in " + c));
                JsonNode shown = find(ad, picture);
                paths.add(shown.get("path").asText());
                byte[] bytes = Files.readAllBytes(scenario.resolve("site").resolve(shown.get("path").asText()));
                hashes.add(java.util.HexFormat.of().formatHex(Hashing.sha256().digest(bytes)));
                assertTrue(ImageIO.read(new java.io.ByteArrayInputStream(bytes)) != null, shown.toString());
            }
            assertEquals(c.get("ads").size(), paths.size(), "each ad serves its copy under its own path");
            assertEquals(c.get("ads").size(), hashes.size(), "no two copies are the same bytes: " + c);
        }
    }

    @Test
    void everyCopyOfAPhotoTieIsWithinTheLinksDistanceOfTheOriginal() throws Exception {
        List<String> far = new ArrayList<>();
        int copies = 0;
        for (JsonNode c : clusters("photo")) {
            String picture = c.get("shared").get(0).get("value").asText();
            PdqHash original = null;
            for (JsonNode id : c.get("ads")) {
                JsonNode shown = find(ADS.get(id.asText()), picture);
                Path file = scenario.resolve("site").resolve(shown.get("path").asText());
                PdqHash h = Pdq.hash(new ImageDecoder().decode(file).image()).hash();
                if (original == null) {
                    original = h;
                    continue;
                }
                copies++;
                if (original.distance(h) > ImageLinks.MAX_DISTANCE) {
                    far.add(shown.get("copy").asText() + ": " + original.distance(h));
                }
            }
        }
        assertTrue(copies >= 4, "copies " + copies);
        assertEquals(List.of(), far, "copies past " + ImageLinks.MAX_DISTANCE + " bits");
    }

    @Test
    void aFlyerTieCarriesTheContactOnTheFlyersAloneInUzbekAndRussian() throws IOException {
        Set<String> languages = new HashSet<>();
        for (JsonNode c : clusters("flyer")) {
            String contact = c.get("shared").get(0).get("value").asText();
            for (JsonNode id : c.get("ads")) {
                JsonNode ad = ADS.get(id.asText());
                for (JsonNode p : ad.get("phones")) {
                    assertNotEquals(contact, p.asText(), "the flyer's phone is in the ad's text: " + id);
                }
                JsonNode flyer = null;
                for (JsonNode p : ad.get("pictures")) {
                    if (p.get("kind").asText().equals("flyer")) {
                        flyer = p;
                    }
                }
                assertTrue(flyer != null, "no flyer in " + id);
                assertEquals("phone:" + contact, flyer.get("carries").asText());
                languages.add(flyer.get("lang").asText());
                Document page = Jsoup.parse(scenario.resolve("site/ads/" + id.asText() + ".html").toFile());
                String digits = contact.substring(contact.length() - 7);
                assertFalse(page.text().replaceAll("\\D", "").contains(digits), "the page's text carries it");
            }
        }
        assertTrue(languages.containsAll(Set.of("uz-Latn", "uz-Cyrl", "ru")), languages.toString());
    }

    @Test
    void adPagesShowPicturesPlainLazyInASrcsetAndThroughTheCdnAndTheProfileNamesThem() throws IOException {
        JsonNode profile = Json.MAPPER.readTree(scenario.resolve("profile.json").toFile());
        String selector = profile.get("photos").asText();
        Set<String> ways = new HashSet<>();
        int pictures = 0;
        for (JsonNode ad : key.get("ads")) {
            Document page = Jsoup.parse(scenario.resolve("site").resolve(ad.get("path").asText()).toFile());
            List<Element> shown = page.select(selector);
            assertEquals(ad.get("pictures").size(), shown.size(), ad.get("id").asText());
            for (Element img : shown) {
                ways.add(img.hasAttr("data-src") ? "lazy" : img.hasAttr("srcset") ? "srcset"
                        : img.attr("src").contains("cdn-cgi/image/") ? "cdn" : "plain");
            }
            pictures += shown.size();
        }
        assertEquals(Set.of("lazy", "srcset", "cdn", "plain"), ways);
        assertTrue(pictures > key.get("ads").size() / 3, "ads carry photos: " + pictures);
    }

    @Test
    void theChannelPostsPhotosFlyersAndVideoFrames() throws IOException {
        StringBuilder pages = new StringBuilder();
        try (var files = Files.list(scenario.resolve("site/s/ish_bor_demo"))) {
            for (Path f : files.toList()) {
                pages.append(Files.readString(f));
            }
        }
        String channel = pages.toString();
        assertTrue(channel.contains("tgme_widget_message_photo_wrap"));
        assertTrue(channel.contains("tgme_widget_message_video_thumb"));
        assertTrue(channel.contains("-flyer.png"));
    }

    @Test
    void picturesAreServedAsAnImageCdnServesThem() throws Exception {
        JsonNode withPicture = null;
        for (JsonNode ad : key.get("ads")) {
            if (!ad.get("pictures").isEmpty()) {
                withPicture = ad;
                break;
            }
        }
        String path = withPicture.get("pictures").get(0).get("path").asText();
        byte[] file = Files.readAllBytes(scenario.resolve("site").resolve(path));
        HttpClient client = HttpClient.newHttpClient();
        try (LabServer server = LabServer.start(scenario, LabServerOptions.defaults())) {
            for (String served : List.of(path, "cdn-cgi/image/width=320,quality=75/" + path,
                    "tgcdn/file/" + path.substring(path.lastIndexOf('/') + 1))) {
                HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(server.baseUri().resolve(served)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, r.statusCode(), served);
                assertArrayEquals(file, r.body(), served);
                assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("image/"), served);
                assertTrue(r.headers().firstValue("Cache-Control").orElseThrow().contains("max-age"), served);
                assertTrue(r.headers().firstValue("ETag").isPresent() && r.headers().firstValue("Last-Modified")
                        .isPresent(), served);
                assertEquals(!served.equals(path), r.headers().firstValue("X-Cache").isPresent(), served);
            }
            assertEquals(400, client.send(HttpRequest.newBuilder(server.baseUri().resolve(
                    "cdn-cgi/image/width=1/../../../etc/passwd")).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() / 100 * 100);
        }
    }

    @Test
    void aClusterFoundThroughItsPicturesIsGradedByItsTie() throws IOException {
        ObjectNode findings = Json.MAPPER.createObjectNode();
        ArrayNode found = findings.putArray("clusters");
        for (String tie : List.of("photo", "flyer")) {
            JsonNode c = clusters(tie).get(0);
            ArrayNode urls = found.addObject().putArray("urls");
            for (JsonNode id : c.get("ads")) {
                JsonNode ad = ADS.get(id.asText());
                String path = ad.get("pictures").get(tie.equals("photo") ? 0 : ad.get("pictures").size() - 1)
                        .get("path").asText();
                urls.add("http://127.0.0.1:4242/cdn-cgi/image/width=960,quality=85/" + path);
            }
        }
        Path file = shared.resolve("pictures.json");
        Json.MAPPER.writeValue(file.toFile(), findings);
        GradeReport r = Grader.grade(file, scenario.resolve("key.json"));
        Map<String, GradeReport.TieRecall> byTie = new HashMap<>();
        r.ties().forEach(t -> byTie.put(t.tie(), t));
        assertEquals(1, byTie.get("photo").found());
        assertEquals(1, byTie.get("flyer").found());
        assertEquals(0, byTie.get("phone").found());
        assertEquals(2, r.clusters().truePositives());
        assertEquals(0, r.clusters().falsePositives());
        assertTrue(r.describe().contains("photo 1/4"), r.describe());
    }

    private static JsonNode find(JsonNode ad, String picture) {
        for (JsonNode p : ad.get("pictures")) {
            if (p.get("picture").asText().equals(picture)) {
                return p;
            }
        }
        throw new AssertionError(ad.get("id") + " does not show " + picture);
    }
}
