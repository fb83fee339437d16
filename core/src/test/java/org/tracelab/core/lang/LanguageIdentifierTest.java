package org.tracelab.core.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Accuracy on a labelled sample of fictitious ads (40 per language), and the cases that matter most. */
class LanguageIdentifierTest {
    /** Floors reached when the sample was written; a change that drops below them is a regression. */
    static final double OVERALL_FLOOR = 0.95;
    static final double PER_LANGUAGE_FLOOR = 0.85;

    static LanguageIdentifier identifier;

    @BeforeAll
    static void load() {
        identifier = LanguageIdentifier.standard();
    }

    record Sample(String tag, String text) {
    }

    @Test
    void labelledSampleIsIdentifiedAboveTheFloor() throws IOException {
        List<Sample> samples = samples();
        Map<String, int[]> perLanguage = new TreeMap<>();
        Map<String, Integer> confusions = new TreeMap<>();
        int right = 0;
        for (Sample s : samples) {
            String got = identifier.identify(s.text()).tag();
            int[] counts = perLanguage.computeIfAbsent(s.tag(), k -> new int[2]);
            counts[1]++;
            if (got.equals(s.tag())) {
                counts[0]++;
                right++;
            } else {
                confusions.merge(s.tag() + " -> " + got + ": " + s.text(), 1, Integer::sum);
            }
        }
        double overall = right / (double) samples.size();
        StringBuilder report = new StringBuilder(String.format("language identification: %d/%d = %.3f%n", right,
                samples.size(), overall));
        perLanguage.forEach((tag, c) -> report.append(String.format("  %-8s %2d/%2d = %.3f%n", tag, c[0], c[1],
                c[0] / (double) c[1])));
        confusions.forEach((pair, n) -> report.append("  confused ").append(pair).append(" x").append(n)
                .append('\n'));
        System.out.print(report);
        assertTrue(overall >= OVERALL_FLOOR, report.toString());
        perLanguage.forEach((tag, c) -> assertTrue(c[0] / (double) c[1] >= PER_LANGUAGE_FLOOR, report.toString()));
    }

    @Test
    void uzbekCyrillicIsNotRussian() {
        assertEquals("uz-Cyrl", identifier.identify("Ишчилар керак, маош яхши").tag());
        assertEquals("ru", identifier.identify("Нужны рабочие, зарплата хорошая").tag());
    }

    @Test
    void uzbekLatinWithAnyApostropheIsUzbek() {
        assertEquals("uz-Latn", identifier.identify("To‘lov o‘z vaqtida").tag());
        assertEquals("uz-Latn", identifier.identify("Toʻlov oʻz vaqtida").tag());
        assertEquals("uz-Latn", identifier.identify("To'lov o'z vaqtida").tag());
    }

    @Test
    void tooLittleTextIsUndetermined() {
        assertEquals("und", identifier.identify("+998 90 000 00 00").tag());
        assertEquals("und", identifier.identify("").tag());
    }

    @Test
    void otherLanguagesFallThroughToOptimaize() {
        assertEquals("de", identifier.identify(
                "Wir suchen Mitarbeiter für unser Hotel in Berlin, die Unterkunft ist kostenlos.").tag());
    }

    static List<Sample> samples() throws IOException {
        List<Sample> samples = new ArrayList<>();
        try (InputStream in = LanguageIdentifierTest.class.getResourceAsStream("labelled-ads.tsv")) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                samples.add(new Sample(parts[0], parts[1]));
            }
        }
        return samples;
    }
}
