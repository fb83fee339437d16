package org.tracelab.core.lang;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.internal.TestDataLanguageModel;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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
 * come from {@link NgramSums}, which looks each n-gram up once for all languages rather than once per language, and
 * its two rule steps from {@link LinguaRules}, which reads each word once.
 */
final class LinguaTrigrams {
    private static final int TRIGRAM = 3;
    /** Lingua's {@code Constant.NO_LETTER}, which Kotlin's {@code Regex.matches} reads as a whole-string match. */
    private static final Pattern NO_LETTER = Pattern.compile("^[^\\p{L}]+$");
    /** Java's {@code \p{P}}: the general categories of punctuation, as bits by {@link Character#getType}. */
    private static final int PUNCTUATION = 1 << Character.CONNECTOR_PUNCTUATION | 1 << Character.DASH_PUNCTUATION
            | 1 << Character.START_PUNCTUATION | 1 << Character.END_PUNCTUATION | 1 << Character.OTHER_PUNCTUATION
            | 1 << Character.INITIAL_QUOTE_PUNCTUATION | 1 << Character.FINAL_QUOTE_PUNCTUATION;
    /** Java's {@code \p{N}}: decimal digits, letter numbers and other numbers. */
    private static final int NUMBERS = 1 << Character.DECIMAL_DIGIT_NUMBER | 1 << Character.LETTER_NUMBER
            | 1 << Character.OTHER_NUMBER;

    private LinguaTrigrams() {
    }

    /**
     * What Lingua's {@code cleanUpInputText} gives: the text trimmed as Kotlin trims, in lower case, without
     * punctuation ({@code \p{P}}), then without numbers ({@code \p{N}}), each run of whitespace ({@code \s+}) one
     * space. Lingua replaces each with a regular expression, three matchers over every text; here each is a loop over
     * code points that copies only when it removes something, in Lingua's order, since a removal can join what the
     * next step reads (two surrogates around a comma, two spaces around a digit).
     */
    static String cleanUp(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isKotlinWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && isKotlinWhitespace(text.charAt(end - 1))) {
            end--;
        }
        String lower = text.substring(start, end).toLowerCase(Locale.ROOT);
        return collapseWhitespace(without(without(lower, PUNCTUATION), NUMBERS));
    }

    /** The text without the code points of the given general categories (bits by {@link Character#getType}). */
    private static String without(String text, int categories) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            boolean drop = (categories & (1 << Character.getType(cp))) != 0;
            if (drop && sb == null) {
                sb = new StringBuilder(text.length()).append(text, 0, i);
            } else if (!drop && sb != null) {
                sb.append(text, i, next);
            }
            i = next;
        }
        return sb == null ? text : sb.toString();
    }

    /** Each run of Java's {@code \s} (space, tab, line feed, vertical tab, form feed, return) one space. */
    private static String collapseWhitespace(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isRegexSpace(c)) {
                if (sb != null) {
                    sb.append(c);
                }
                continue;
            }
            int end = i + 1;
            while (end < text.length() && isRegexSpace(text.charAt(end))) {
                end++;
            }
            if (sb == null && (c != ' ' || end > i + 1)) {
                sb = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (sb != null) {
                sb.append(' ');
            }
            i = end - 1;
        }
        return sb == null ? text : sb.toString();
    }

    /** Kotlin's {@code Char.isWhitespace}, by which its {@code trim} cuts. */
    private static boolean isKotlinWhitespace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /**
     * The values of what Lingua's {@code TestDataLanguageModel.fromText(text, 3).getNgrams()} holds, in its iteration
     * order: the text's three-character slices made only of letters, added in order to a {@link HashSet}, as Lingua
     * adds its n-grams (whose hash is their value's), so the set iterates as Lingua's does. Lingua tests each slice
     * with the pattern {@code ^\p{L}+$}; here each code point of the slice is tested as a letter, a surrogate the slice
     * splits from its pair being none, as the pattern reads it.
     */
    static Set<String> trigrams(String text) {
        Set<String> trigrams = new HashSet<>();
        for (int i = 0; i + TRIGRAM <= text.length(); i++) {
            if (lettersOnly(text, i, i + TRIGRAM)) {
                trigrams.add(text.substring(i, i + TRIGRAM));
            }
        }
        return trigrams;
    }

    /** True when each code point of {@code text} from {@code start} to {@code end} (a pair cut there is none) is a letter. */
    private static boolean lettersOnly(String text, int start, int end) {
        for (int k = start; k < end; ) {
            char c = text.charAt(k);
            int cp = c;
            if (Character.isHighSurrogate(c) && k + 1 < end && Character.isLowSurrogate(text.charAt(k + 1))) {
                cp = Character.toCodePoint(c, text.charAt(k + 1));
            }
            if (!Character.isLetter(cp)) {
                return false;
            }
            k += Character.charCount(cp);
        }
        return true;
    }

    /**
     * What {@code detector.computeLanguageConfidenceValues(text)} gives, for a detector in low-accuracy mode whose
     * languages {@code sums} was made for and whose words {@code rules} keeps.
     */
    static SortedMap<Language, Double> confidenceValues(LanguageDetector detector, LinguaRules rules, NgramSums sums,
                                                        String text) {
        if (!detector.isLowAccuracyModeEnabled$lingua()) {
            throw new IllegalArgumentException("only Lingua's low-accuracy (trigram) mode is followed here");
        }
        SortedMap<Language, Double> values = new TreeMap<>();
        String cleaned = cleanUp(text);
        if (cleaned.isEmpty() || NO_LETTER.matcher(cleaned).matches()) {
            return values;
        }
        List<String> words = detector.splitTextIntoWords$lingua(cleaned);
        Language byRules = rules.detect(detector, words);
        if (byRules != Language.UNKNOWN) {
            values.put(byRules, 1.0);
            return values;
        }
        Set<Language> filtered = rules.filter(detector, words);
        if (filtered.size() == 1) {
            values.put(filtered.iterator().next(), 1.0);
            return values;
        }
        if (cleaned.length() < TRIGRAM) {
            return values;
        }
        Map<Language, Float> probabilities = sums.probabilities(detector, trigrams(cleaned),
                () -> TestDataLanguageModel.Companion.fromText(cleaned, TRIGRAM).getNgrams(), filtered);
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
