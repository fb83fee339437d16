package org.tracelab.samples.apitests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tracelab.core.Json;
import org.tracelab.samples.BundledScenarios;
import org.tracelab.samples.ScenarioGenerator;
import org.tracelab.samples.ScenarioSpec;

/** A repost is its original's text again: only the phone or the city may change. */
class RepostTextTest {
    /** Below this a repost reads as another ad; a new phone or city changes far fewer words. */
    private static final double MIN_JACCARD = 0.7;

    static Stream<Arguments> scenarios() {
        return Stream.of(
                Arguments.of("exam", BundledScenarios.ALL.stream().filter(b -> b.name().equals("exam"))
                        .findFirst().orElseThrow().spec()),
                Arguments.of("seed 11", ScenarioSpec.of(11, 800)),
                Arguments.of("seed 12", ScenarioSpec.of(12, 800)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyRepostDiffersFromItsOriginalOnlyInPhoneOrCity(String name, ScenarioSpec spec, @TempDir Path tmp)
            throws IOException {
        Path dir = tmp.resolve("scenario");
        ScenarioGenerator.generate(spec, dir);
        JsonNode key = Json.MAPPER.readTree(dir.resolve("key.json").toFile());
        int compared = 0;
        for (JsonNode group : key.get("reposts")) {
            String original = group.get("ads").get(0).asText();
            Ad first = Ad.read(dir, original);
            for (int i = 1; i < group.get("ads").size(); i++) {
                String repost = group.get("ads").get(i).asText();
                Ad copy = Ad.read(dir, repost);
                assertEquals(first.title(), copy.titleWithCity(first.city()), repost + " title vs " + original);
                double jaccard = jaccard(first.words(), copy.wordsWithCity(first.city));
                assertTrue(jaccard >= MIN_JACCARD, repost + " vs " + original + ": word Jaccard " + jaccard);
                compared++;
            }
        }
        assertTrue(compared > 0, "the scenario has no reposts to compare");
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return union.isEmpty() ? 1.0 : (double) both.size() / union.size();
    }

    /** The visible text of one ad page: title, city, and everything shown (meta, body, contacts). */
    private record Ad(String title, String city, String shown) {
        static Ad read(Path dir, String id) throws IOException {
            Element ad = Jsoup.parse(dir.resolve("site/ads/" + id + ".html").toFile()).selectFirst("div.ad");
            return new Ad(mask(ad.selectFirst(".ad-title").text()), ad.selectFirst(".ad-location").text(), ad.text());
        }

        /** The title as if this ad named {@code otherCity}. */
        String titleWithCity(String otherCity) {
            return title.replace(mask(city), mask(otherCity));
        }

        Set<String> words() {
            return tokens(shown);
        }

        /** The words as if this ad named {@code city}, so a repost in a new city compares by its wording only. */
        Set<String> wordsWithCity(String otherCity) {
            return tokens(shown.replace(city, otherCity));
        }

        private static Set<String> tokens(String text) {
            Set<String> out = new HashSet<>();
            for (String w : mask(text).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}#_]+")) {
                if (!w.isEmpty()) {
                    out.add(w);
                }
            }
            return out;
        }

        private static String mask(String text) {
            return text.replaceAll("\\d", "#");
        }
    }
}
