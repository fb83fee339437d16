package org.tracelab.core.lang;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.tika.langdetect.optimaize.OptimaizeLangDetector;
import org.apache.tika.language.detect.LanguageDetector;
import org.apache.tika.language.detect.LanguageResult;

/**
 * Tells which language a text is in, with Uzbek (Latin and Cyrillic), Russian, Kazakh, Kyrgyz, Tajik, English and
 * Turkish as first-class answers.
 *
 * <p>Optimaize has no model for Uzbek, Kazakh, Kyrgyz or Tajik and calls them Russian or Turkish, so it decides
 * last. First the script (Cyrillic or Latin) narrows the candidates; then letters only some candidates write
 * ({@link LetterEvidence}) and frequent words of each language (the {@code words-*.txt} resources) are scored; only
 * when neither gives a signal does Optimaize answer, which also lets other languages (German, Ukrainian…) through.
 */
public final class LanguageIdentifier {
    static final List<String> CYRILLIC_CANDIDATES = List.of("uz-Cyrl", "ru", "kk", "ky", "tg");
    static final List<String> LATIN_CANDIDATES = List.of("uz-Latn", "en", "tr");
    /** Fewer letters than this and any answer would be a guess. */
    static final int MIN_LETTERS = 4;
    /** Below this score the own evidence is too thin and Optimaize decides. */
    static final double MIN_SCORE = 1.0;
    /**
     * Below this share of known words, and without telling letters, a text is more likely another language that
     * shares a few short words (German "in", "hotel") than one of ours, so Optimaize decides. Latin script only:
     * Optimaize knows none of the Central Asian Cyrillic languages and would turn Kyrgyz into Belarusian.
     */
    static final double MIN_WORD_SHARE = 0.2;

    /**
     * The fallback, one per thread: Tika's detector keeps the text it is given, so one instance cannot serve two
     * threads, and a shared one behind a lock made both ingest preparers wait for each other. The instances share
     * the models, which Tika reads once per JVM when the class is initialised.
     */
    private static final ThreadLocal<LanguageDetector> OPTIMAIZE =
            ThreadLocal.withInitial(() -> new OptimaizeLangDetector().loadModels());

    private final Map<String, Set<String>> words;

    LanguageIdentifier(Map<String, Set<String>> words) {
        this.words = Map.copyOf(words);
    }

    /** An identifier with the bundled word lists; Optimaize's models load on first need. */
    public static LanguageIdentifier standard() {
        Map<String, Set<String>> words = new HashMap<>();
        for (String tag : CYRILLIC_CANDIDATES) {
            words.put(tag, loadWords(tag));
        }
        for (String tag : LATIN_CANDIDATES) {
            words.put(tag, loadWords(tag));
        }
        return new LanguageIdentifier(words);
    }

    /** The language of {@code text}, or {@link DetectedLanguage#UNDETERMINED} when there is too little of it. */
    public DetectedLanguage identify(CharSequence text) {
        String normalized = UzbekApostrophes.unify(text.toString().toLowerCase(Locale.ROOT));
        int cyrillic = 0;
        int latin = 0;
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (Character.isLetter(c)) {
                Character.UnicodeScript script = Character.UnicodeScript.of(c);
                if (script == Character.UnicodeScript.CYRILLIC) {
                    cyrillic++;
                } else if (script == Character.UnicodeScript.LATIN) {
                    latin++;
                }
            }
        }
        if (cyrillic + latin < MIN_LETTERS) {
            return DetectedLanguage.UNDETERMINED;
        }
        boolean isCyrillic = cyrillic >= latin;
        List<String> candidates = isCyrillic ? CYRILLIC_CANDIDATES : LATIN_CANDIDATES;
        Map<String, Double> scores = new LinkedHashMap<>();
        candidates.forEach(c -> scores.put(c, 0.0));
        scoreLetters(normalized, isCyrillic ? LetterEvidence.CYRILLIC : LetterEvidence.LATIN, scores);
        scoreEndings(normalized, isCyrillic ? LetterEvidence.CYRILLIC_ENDINGS : LetterEvidence.LATIN_ENDINGS, scores);
        if (isCyrillic && LetterEvidence.kyrgyzByAbsence(normalized)) {
            scores.merge("ky", LetterEvidence.KYRGYZ_BY_ABSENCE, Double::sum);
        }
        if (!isCyrillic) {
            scores.merge("uz-Latn", LetterEvidence.UZBEK_APOSTROPHE_LETTER * uzbekApostropheLetters(normalized),
                    Double::sum);
        }
        Map<String, Double> letterScores = Map.copyOf(scores);
        int wordCount = scoreWords(normalized, scores);
        String best = null;
        double bestScore = 0;
        double total = 0;
        for (Map.Entry<String, Double> e : scores.entrySet()) {
            total += e.getValue();
            if (e.getValue() > bestScore) {
                best = e.getKey();
                bestScore = e.getValue();
            }
        }
        if (best == null || bestScore < MIN_SCORE) {
            return fallback(text.toString(), isCyrillic);
        }
        double wordShare = (bestScore - letterScores.get(best)) / Math.max(1, wordCount);
        if (!isCyrillic && letterScores.get(best) < MIN_SCORE && wordShare < MIN_WORD_SHARE) {
            return fallback(text.toString(), isCyrillic);
        }
        return new DetectedLanguage(best, bestScore / total);
    }

    private static void scoreLetters(String text, Map<Character, Map<String, Double>> evidence,
                                     Map<String, Double> scores) {
        for (int i = 0; i < text.length(); i++) {
            Map<String, Double> weights = evidence.get(text.charAt(i));
            if (weights != null) {
                weights.forEach((tag, w) -> scores.computeIfPresent(tag, (k, v) -> v + w));
            }
        }
    }

    /** Adds the weight of each word's longest ending found in {@code endings}; the stem keeps a letter at least. */
    private static void scoreEndings(String text, Map<String, Map<String, Double>> endings,
                                     Map<String, Double> scores) {
        for (String word : text.split("[^\\p{L}]+")) {
            for (int length = Math.min(LetterEvidence.LONGEST_ENDING, word.length() - 1); length >= 2; length--) {
                String ending = word.substring(word.length() - length);
                Map<String, Double> weights = endings.get(ending);
                if (weights != null) {
                    weights.forEach((tag, w) -> scores.computeIfPresent(tag, (k, v) -> v + w));
                    break;
                }
            }
        }
    }

    private static int uzbekApostropheLetters(String text) {
        int count = 0;
        for (int i = 0; i + 2 < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == 'o' || c == 'g') && text.charAt(i + 1) == '\'' && Character.isLetter(text.charAt(i + 2))) {
                count++;
            }
        }
        return count;
    }

    /** Adds one point per known word to each language that knows it; returns how many words there were. */
    private int scoreWords(String text, Map<String, Double> scores) {
        int count = 0;
        for (String token : text.split("[^\\p{L}']+")) {
            String word = stripApostrophes(token);
            if (word.isEmpty()) {
                continue;
            }
            count++;
            for (String tag : scores.keySet()) {
                if (words.getOrDefault(tag, Set.of()).contains(word)) {
                    scores.merge(tag, 1.0, Double::sum);
                }
            }
        }
        return count;
    }

    private static String stripApostrophes(String token) {
        int start = 0;
        int end = token.length();
        while (start < end && token.charAt(start) == '\'') {
            start++;
        }
        while (end > start && token.charAt(end - 1) == '\'') {
            end--;
        }
        return token.substring(start, end);
    }

    private DetectedLanguage fallback(String text, boolean isCyrillic) {
        LanguageResult result = OPTIMAIZE.get().detect(text);
        if (result.isUnknown()) {
            // Our own evidence was empty too: the script's most common language is the best remaining bet.
            return new DetectedLanguage(isCyrillic ? "ru" : "en", 0.1);
        }
        return new DetectedLanguage(result.getLanguage(), Math.min(1.0, Math.max(0.0, result.getRawScore())));
    }

    private static Set<String> loadWords(String tag) {
        String resource = "words-" + tag + ".txt";
        try (InputStream in = LanguageIdentifier.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            Set<String> set = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                for (String w : line.strip().split("\\s+")) {
                    if (!w.isEmpty() && !w.startsWith("#")) {
                        set.add(UzbekApostrophes.unify(w.toLowerCase(Locale.ROOT)));
                    } else if (w.startsWith("#")) {
                        break;
                    }
                }
            }
            return set;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
