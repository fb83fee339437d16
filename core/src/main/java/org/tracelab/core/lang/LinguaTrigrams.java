package org.tracelab.core.lang;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.internal.TestDataLanguageModel;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Lingua 1.2.2's {@link LanguageDetector#computeLanguageConfidenceValues} in its low-accuracy mode, step by step with
 * its own functions, on the calling thread. Lingua hands that mode's one trigram scoring to the common fork-join
 * pool and waits for it: a thread switch each way for every text, which took a tenth of language identification's
 * samples in session 12's profile of an ingest (and another thread on two busy cores) for no parallel work. The
 * steps are Lingua's public-in-bytecode internals ({@code …$lingua}); a Lingua upgrade that changes them fails to
 * compile, and {@code LinguaTrigramsTest} holds the answers to Lingua's own call. Its sums of n-gram probabilities
 * come from {@link NgramSums}, which looks each n-gram up once for all languages rather than once per language.
 */
final class LinguaTrigrams {
    private static final int TRIGRAM = 3;
    /** Lingua's {@code Constant.NO_LETTER}, which Kotlin's {@code Regex.matches} reads as a whole-string match. */
    private static final Pattern NO_LETTER = Pattern.compile("^[^\\p{L}]+$");

    private LinguaTrigrams() {
    }

    /**
     * What {@code detector.computeLanguageConfidenceValues(text)} gives, for a detector in low-accuracy mode whose
     * languages {@code sums} was made for.
     */
    static SortedMap<Language, Double> confidenceValues(LanguageDetector detector, NgramSums sums, String text) {
        if (!detector.isLowAccuracyModeEnabled$lingua()) {
            throw new IllegalArgumentException("only Lingua's low-accuracy (trigram) mode is followed here");
        }
        SortedMap<Language, Double> values = new TreeMap<>();
        String cleaned = detector.cleanUpInputText$lingua(text);
        if (cleaned.isEmpty() || NO_LETTER.matcher(cleaned).matches()) {
            return values;
        }
        List<String> words = detector.splitTextIntoWords$lingua(cleaned);
        Language byRules = detector.detectLanguageWithRules$lingua(words);
        if (byRules != Language.UNKNOWN) {
            values.put(byRules, 1.0);
            return values;
        }
        Set<Language> filtered = detector.filterLanguagesByRules$lingua(words);
        if (filtered.size() == 1) {
            values.put(filtered.iterator().next(), 1.0);
            return values;
        }
        if (cleaned.length() < TRIGRAM) {
            return values;
        }
        TestDataLanguageModel model = TestDataLanguageModel.Companion.fromText(cleaned, TRIGRAM);
        Map<Language, Float> probabilities = sums.probabilities(detector, model, filtered);
        Map<Language, Float> summed = detector.sumUpProbabilities$lingua(List.of(probabilities), Map.of(), filtered);
        Float highest = null;
        for (Float p : summed.values()) {
            if (highest == null || Float.compare(p, highest) > 0) { // Kotlin's maxByOrNull compares so
                highest = p;
            }
        }
        if (highest == null) {
            return values;
        }
        Map<Language, Double> confidence = new HashMap<>();
        for (Map.Entry<Language, Float> e : summed.entrySet()) {
            confidence.put(e.getKey(), (double) (highest / e.getValue()));
        }
        // Lingua's order: confidence descending, then the language's own order.
        Comparator<Language> order = Comparator.<Language, Double>comparing(confidence::get).reversed()
                .thenComparing(Comparator.naturalOrder());
        SortedMap<Language, Double> sorted = new TreeMap<>(order);
        sorted.putAll(confidence);
        return sorted;
    }
}
