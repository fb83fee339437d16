package org.tracelab.samples.apitests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Hashing;
import org.tracelab.core.Json;
import org.tracelab.samples.BundledScenarios;
import org.tracelab.samples.GradeReport;
import org.tracelab.samples.Grader;
import org.tracelab.samples.Indicators;
import org.tracelab.samples.Profile;
import org.tracelab.samples.ScenarioGenerator;
import org.tracelab.samples.ScenarioSpec;
import org.tracelab.samples.ScenarioSummary;

class ScenarioGeneratorTest {
    @TempDir
    static Path shared;
    static Path scenario;
    static JsonNode key;

    @BeforeAll
    static void generateOnce() throws IOException {
        scenario = shared.resolve("s1");
        ScenarioGenerator.generate(ScenarioSpec.of(7, 450), scenario);
        key = Json.MAPPER.readTree(scenario.resolve("key.json").toFile());
    }

    @Test
    void sameSeedGivesSameBytes(@TempDir Path tmp) throws IOException {
        ScenarioGenerator.generate(ScenarioSpec.of(7, 450), tmp.resolve("again"));
        assertSameFiles(hashes(scenario), hashes(tmp.resolve("again")));
    }

    @Test
    void otherSeedGivesOtherKey(@TempDir Path tmp) throws IOException {
        ScenarioGenerator.generate(ScenarioSpec.of(8, 450), tmp.resolve("other"));
        assertFalse(Files.mismatch(scenario.resolve("key.json"), tmp.resolve("other/key.json")) < 0);
    }

    @Test
    void keyGradedAgainstItselfScoresOne() throws IOException {
        ObjectNode findings = Json.MAPPER.createObjectNode();
        ArrayNode flagged = findings.putArray("flagged");
        for (JsonNode ad : key.get("ads")) {
            if (ad.get("deceptive").asBoolean()) {
                flagged.addObject().put("url", "http://127.0.0.1:4242/" + ad.get("path").asText())
                        .set("indicators", ad.get("indicators"));
            }
        }
        ArrayNode clusters = findings.putArray("clusters");
        for (JsonNode c : key.get("clusters")) {
            ArrayNode paths = clusters.addObject().putArray("paths");
            c.get("ads").forEach(id -> paths.add("ads/" + id.asText() + ".html"));
        }
        Path file = scenario.resolveSibling("self.json");
        Json.MAPPER.writeValue(file.toFile(), findings);
        GradeReport report = Grader.grade(file, scenario.resolve("key.json"));
        assertEquals(1.0, report.flagged().f1());
        assertEquals(1.0, report.clusters().f1());
        assertTrue(report.missedAds().isEmpty(), report.describe());
    }

    @Test
    void nothingFoundScoresZeroAndNamesEveryIndicator() throws IOException {
        Path file = scenario.resolveSibling("empty.json");
        Files.writeString(file, "{\"flagged\": [], \"clusters\": []}");
        GradeReport report = Grader.grade(file, scenario.resolve("key.json"));
        assertEquals(0.0, report.flagged().f1());
        assertEquals(0.0, report.clusters().f1());
        long deceptive = Stream.of(key.get("ads")).flatMap(a -> java.util.stream.StreamSupport.stream(
                a.spliterator(), false)).filter(a -> a.get("deceptive").asBoolean()).count();
        assertEquals(deceptive, report.missedAds().size());
        assertFalse(report.missedAds().get(0).overlooked().isEmpty());
    }

    @Test
    void scanLinesWithAMissingIndicatorGetFeedback() throws IOException {
        JsonNode first = null;
        for (JsonNode ad : key.get("ads")) {
            if (ad.get("deceptive").asBoolean()) {
                first = ad;
                break;
            }
        }
        String dropped = first.get("indicators").get(0).asText();
        ArrayNode named = Json.MAPPER.createArrayNode();
        first.get("indicators").forEach(i -> {
            if (!i.asText().equals(dropped)) {
                named.add(i);
            }
        });
        ObjectNode line = Json.MAPPER.createObjectNode().put("source", "http://127.0.0.1:9/" + first.get("path").asText());
        line.set("indicators", named);
        Path file = scenario.resolveSibling("scan.jsonl");
        Files.writeString(file, Json.write(line) + "\n");
        GradeReport report = Grader.grade(file, scenario.resolve("key.json"));
        assertEquals(1, report.flagged().truePositives());
        GradeReport.MissedAd incomplete = report.missedAds().stream().filter(GradeReport.MissedAd::flagged)
                .findFirst().orElseThrow();
        assertEquals(java.util.List.of(dropped), incomplete.overlooked());
    }

    @Test
    void deceptiveShareAndPlantsAreAsSpecified() {
        int ads = key.get("ads").size();
        int deceptive = 0;
        Set<String> known = new HashSet<>();
        Indicators.all().forEach(i -> known.add(i.id()));
        for (JsonNode ad : key.get("ads")) {
            if (ad.get("deceptive").asBoolean()) {
                deceptive++;
                ad.get("indicators").forEach(i -> assertTrue(known.contains(i.asText()), i.asText()));
            }
        }
        double share = (double) deceptive / ads;
        assertTrue(share >= 0.09 && share <= 0.17, "deceptive share " + share);
        assertFalse(key.get("clusters").isEmpty());
        key.get("clusters").forEach(c -> assertTrue(c.get("ads").size() >= 2 && c.get("ads").size() <= 6));
        assertFalse(key.get("reposts").isEmpty());
    }

    @Test
    void everyPhoneIsValidInItsPlan() {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        for (JsonNode ad : key.get("ads")) {
            for (JsonNode phone : ad.get("phones")) {
                try {
                    assertTrue(util.isValidNumber(util.parse(phone.asText(), null)), phone.asText());
                } catch (com.google.i18n.phonenumbers.NumberParseException e) {
                    throw new AssertionError(phone.asText(), e);
                }
            }
        }
    }

    @Test
    void clusterMembersWriteTheSharedIdentifierDifferently() throws IOException {
        Set<String> reposted = new HashSet<>();
        key.get("reposts").forEach(r -> r.get("ads").forEach(a -> reposted.add(a.asText())));
        for (JsonNode c : key.get("clusters")) {
            if (reposted.contains(c.get("ads").get(0).asText())) {
                continue; // a repost copies its contact lines word for word
            }
            Set<String> contactBlocks = new HashSet<>();
            for (JsonNode id : c.get("ads")) {
                Document page = Jsoup.parse(scenario.resolve("site/ads/" + id.asText() + ".html").toFile());
                contactBlocks.add(page.selectFirst(".ad-contact").text());
            }
            assertEquals(c.get("ads").size(), contactBlocks.size(), "cluster " + c.get("id"));
        }
    }

    @Test
    void profileSelectorsMatchGeneratedPages() throws IOException {
        JsonNode profile = Json.MAPPER.readTree(scenario.resolve("profile.json").toFile());
        Path site = scenario.resolve("site");
        Document listing = Jsoup.parse(site.resolve(profile.get("start").asText()).toFile());
        assertFalse(listing.select(profile.get("nextPage").asText()).isEmpty());
        assertEquals(20, listing.select(profile.get("adLink").asText()).size());
        String firstAd = listing.selectFirst(profile.get("adLink").asText()).attr("href");
        Document ad = Jsoup.parse(site.resolve("ads").resolve(firstAd).toFile());
        for (String field : Profile.fields().keySet()) {
            assertFalse(ad.select(profile.get("fields").get(field).asText()).text().isBlank(), field);
        }
        assertTrue(ad.text().contains("Fictitious training data"));
    }

    @Test
    void committedScenariosAreWhatTheGeneratorMakes(@TempDir Path tmp) throws IOException {
        // every bundled scenario, so a generator change that is not followed by regenerating them fails here
        for (BundledScenarios.Bundled bundled : BundledScenarios.ALL) {
            Path committed = Path.of("scenarios", bundled.name());
            assertTrue(Files.isDirectory(committed), "run from the samples module: " + committed.toAbsolutePath());
            ScenarioSummary s = ScenarioGenerator.generate(bundled.spec(), tmp.resolve(bundled.name()));
            assertEquals(bundled.spec().ads(), s.ads());
            assertSameFiles(hashes(committed), hashes(tmp.resolve(bundled.name())));
        }
    }

    static void assertSameFiles(Map<String, String> expected, Map<String, String> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        java.util.List<String> differing = expected.keySet().stream()
                .filter(f -> !expected.get(f).equals(actual.get(f))).toList();
        assertTrue(differing.isEmpty(), "differing files: " + differing);
    }

    static Map<String, String> hashes(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), java.util.HexFormat.of().formatHex(Hashing.sha256().digest(Files.readAllBytes(p))));
            }
        }
        return out;
    }
}
