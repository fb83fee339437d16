package org.tracelab.core.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tracelab.core.Json;

class ShippedPacksTest {
    /** Words every Uzbek description uses at least one of, and no English or Russian one does. */
    private static final Pattern UZBEK_WORD = Pattern.compile(
            "\\b(va|yoki|uchun|faqat|emas|yo'q|bilan|kerak|shart|ishchi\\w*|kun\\w*|ayol\\w*|qilinadi|so'raladi)\\b");

    /** The ids the lab generator plants, read from the samples module in this repository (core cannot depend on it). */
    static Set<String> plantedIds() throws IOException {
        Path file = Path.of("..", "samples", "src", "main", "resources", "org", "tracelab", "samples",
                "indicators.json");
        JsonNode tree = Json.MAPPER.readTree(file.toFile());
        Set<String> ids = new HashSet<>();
        tree.get("indicators").forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru", "uz"})
    void everyExampleOfEveryShippedPackBehavesAsThePackSays(String name) {
        PackTest.Report report = PackTest.run(IndicatorPacks.builtIn(name));
        String misses = report.misses().stream()
                .map(m -> (m.shouldMatch() ? "MISSED   " : "MATCHED  ") + m.indicatorId() + ": " + m.example())
                .collect(Collectors.joining("\n"));
        assertTrue(report.passed(), name + " pack:\n" + misses);
        assertTrue(report.examples() >= 4 * report.pack().indicators().size(), "examples per indicator");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru", "uz"})
    void shippedPacksHoldThePlantedIdsAndAtLeastThirtyIndicatorsInSevenCategories(String name) throws IOException {
        IndicatorPack pack = IndicatorPacks.builtIn(name);
        Set<String> ids = pack.indicators().stream().map(Indicator::id).collect(Collectors.toSet());
        Set<String> missing = new HashSet<>(plantedIds());
        missing.removeAll(ids);
        assertEquals(Set.of(), missing, "planted ids missing from " + name);
        assertTrue(pack.indicators().size() >= 30, name + " has " + pack.indicators().size());
        assertTrue(pack.categories().size() >= 7, name + " categories " + pack.categories());
        assertEquals(name, pack.name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ru", "uz"})
    void traineesReadEachDescriptionInThePacksLanguageWithTheEnglishBesideIt(String name) {
        Map<String, String> english = IndicatorPacks.builtIn("en").indicators().stream()
                .collect(Collectors.toMap(Indicator::id, Indicator::description));
        for (Indicator i : IndicatorPacks.builtIn(name).indicators()) {
            assertEquals(english.get(i.id()), i.descriptionEn(), i.id());
            long cyrillic = i.description().codePoints()
                    .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC).count();
            long latin = i.description().codePoints()
                    .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN).count();
            if (name.equals("ru")) {
                assertTrue(cyrillic > 2 * latin, i.id() + " is not in Russian: " + i.description());
            } else {
                assertEquals(0, cyrillic, i.id() + " is not in Uzbek Latin: " + i.description());
                assertTrue(UZBEK_WORD.matcher(i.description()).find(),
                        i.id() + " is not in Uzbek: " + i.description());
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aPackWithoutEnglishDescriptionsStillLoads(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("old.json");
        Files.writeString(file, """
                {"name": "old", "language": "ru", "indicators": [{"id": "control.phone-restricted",
                 "category": "control", "weight": 3, "description": "Phone taken away.", "source": "s",
                 "query": "телефон"}]}""");
        Indicator i = IndicatorPacks.read(file).indicators().get(0);
        assertEquals("Phone taken away.", i.description());
        assertEquals("Phone taken away.", i.descriptionEn());
    }

    @org.junit.jupiter.api.Test
    void theSameIdsAppearInEveryLanguage() {
        List<Set<String>> idSets = IndicatorPacks.builtIn().stream()
                .map(p -> p.indicators().stream().map(Indicator::id).collect(Collectors.toSet()))
                .toList();
        assertEquals(idSets.get(0), idSets.get(1));
        assertEquals(idSets.get(0), idSets.get(2));
    }
}
