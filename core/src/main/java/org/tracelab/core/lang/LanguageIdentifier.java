package org.tracelab.core.lang;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.tracelab.core.lang.ScriptCensus.Script;

/**
 * Tells which language a text is in: Uzbek (Latin and Cyrillic script, tagged {@code uz-Latn} and {@code uz-Cyrl}),
 * Russian, Kazakh, Kyrgyz, Tajik, Turkmen, English, Turkish, Polish, German, Korean, Arabic, Chinese, Japanese,
 * French, Spanish, Italian, Portuguese, Ukrainian, Czech, Lithuanian, Hebrew and Persian, and the neighbours of these
 * that {@link NgramModel} knows; {@code und} for too little text, a mix of scripts, or a language it cannot place.
 *
 * <p>The script decides first: Hangul is Korean, kana Japanese, Han without kana Chinese, Hebrew letters Hebrew.
 * In Latin and Cyrillic text, letters only some languages write ({@link LetterEvidence}), word endings and frequent
 * words of each language (the {@code words-*.txt} resources) pick out Uzbek, Kazakh, Kyrgyz, Tajik and Turkmen, for
 * which no well-kept model exists; everything else, and Arabic script, goes to Lingua's n-gram models.
 */
public final class LanguageIdentifier {
    static final List<String> CYRILLIC_CANDIDATES = List.of("uz-Cyrl", "ru", "kk", "ky", "tg");
    static final List<String> LATIN_CANDIDATES = List.of("uz-Latn", "en", "tr");
    /** The candidates the own evidence may answer; the others only compete with them, then the n-grams decide. */
    static final Set<String> OWN_ANSWERS = Set.of("uz-Cyrl", "kk", "ky", "tg", "uz-Latn");
    /** Fewer letters than this and any answer would be a guess. */
    static final int MIN_LETTERS = 4;
    /** Below this share of its letters in one script (Han and kana together), a text is a mix: {@code und}. */
    static final double MIN_SCRIPT_SHARE = 0.6;
    /** Japanese writes kana in every sentence; Chinese never does. */
    static final double MIN_KANA_SHARE = 0.05;
    /** Below this score the own evidence is too thin and the n-gram model decides. */
    static final double MIN_SCORE = 1.0;
    /**
     * Below this share of known words, and without telling letters, a Latin text is more likely another language that
     * shares a few short words (German "in", "hotel") than Uzbek, so the n-gram model decides.
     */
    static final double MIN_WORD_SHARE = 0.2;
    /**
     * The identifier reads this much of a text at most (the n-gram models far less, see {@link NgramModel}): enough
     * to see past a page's menu to its script and its letters.
     */
    static final int SAMPLE_CHARS = 5_000;

    private final Map<String, Set<String>> words;

    LanguageIdentifier(Map<String, Set<String>> words) {
        this.words = Map.copyOf(words);
    }

    /** An identifier with the bundled word lists; Lingua's models load on first need. */
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

    /** The language of {@code text}, or {@link DetectedLanguage#UNDETERMINED} when it cannot be told. */
    public DetectedLanguage identify(CharSequence text) {
        String sample = text.length() > SAMPLE_CHARS ? cut(text, SAMPLE_CHARS) : text.toString();
        String normalized = UzbekApostrophes.unify(sample.toLowerCase(Locale.ROOT));
        ScriptCensus census = ScriptCensus.of(normalized);
        if (census.letters() < MIN_LETTERS) {
            return DetectedLanguage.UNDETERMINED;
        }
        Script script = census.dominant();
        double share = census.share(script);
        if (share < MIN_SCRIPT_SHARE) {
            return DetectedLanguage.UNDETERMINED;
        }
        return switch (script) {
            case HANGUL -> new DetectedLanguage("ko", share);
            case CJK -> new DetectedLanguage(
                    census.kana() >= MIN_KANA_SHARE * census.letters(Script.CJK) ? "ja" : "zh", share);
            case HEBREW -> LetterEvidence.mostlyForeign(normalized, Character.UnicodeScript.HEBREW,
                    LetterEvidence.KNOWN_HEBREW) ? DetectedLanguage.UNDETERMINED : new DetectedLanguage("he", share);
            case ARABIC -> LetterEvidence.mostlyForeign(normalized, Character.UnicodeScript.ARABIC,
                    LetterEvidence.KNOWN_ARABIC) ? DetectedLanguage.UNDETERMINED : NgramModel.ARABIC.identify(normalized);
            case CYRILLIC -> LetterEvidence.mostlyForeign(normalized, Character.UnicodeScript.CYRILLIC,
                    LetterEvidence.KNOWN_CYRILLIC) ? DetectedLanguage.UNDETERMINED : cyrillic(normalized);
            case LATIN -> LetterEvidence.mostlyForeign(normalized, Character.UnicodeScript.LATIN,
                    LetterEvidence.KNOWN_LATIN) ? DetectedLanguage.UNDETERMINED : latin(normalized);
            case OTHER -> DetectedLanguage.UNDETERMINED;
        };
    }

    /** The first {@code max} characters, not splitting a surrogate pair. */
    private static String cut(CharSequence text, int max) {
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.subSequence(0, end).toString();
    }

    private DetectedLanguage cyrillic(String normalized) {
        Map<String, Double> scores = candidates(CYRILLIC_CANDIDATES);
        scoreLetters(normalized, LetterEvidence.CYRILLIC, scores);
        scoreEndings(words(normalized, false), LetterEvidence.CYRILLIC_ENDINGS, scores);
        if (LetterEvidence.kyrgyzByAbsence(normalized)) {
            scores.merge("ky", LetterEvidence.KYRGYZ_BY_ABSENCE, Double::sum);
        }
        scoreWords(normalized, scores);
        DetectedLanguage own = ownOr(scores, () -> NgramModel.CYRILLIC.identify(normalized));
        if (own.tag().equals("ky") && LetterEvidence.mongolianNotKyrgyz(normalized)) {
            return NgramModel.CYRILLIC.identify(normalized);
        }
        return own;
    }

    private DetectedLanguage latin(String normalized) {
        if (LetterEvidence.turkmen(normalized)) {
            return new DetectedLanguage("tk", 1);
        }
        // Letters and endings that make the case for a language alone; letters that make it beside its words; words,
        // when they are a good share of the text; endings that only add (-gan is Indonesian too).
        Map<String, Double> letters = candidates(LATIN_CANDIDATES);
        scoreLetters(normalized, LetterEvidence.LATIN, letters);
        letters.merge("uz-Latn", LetterEvidence.UZBEK_APOSTROPHE_LETTER * LetterEvidence.uzbekApostropheLetters(
                normalized), Double::sum);
        List<String> plainWords = words(normalized, false);
        scoreEndings(plainWords, LetterEvidence.LATIN_ENDINGS, letters);
        Map<String, Double> weakLetters = candidates(LATIN_CANDIDATES);
        scoreLetters(normalized, LetterEvidence.LATIN_WEAK, weakLetters);
        Map<String, Double> wordPoints = candidates(LATIN_CANDIDATES);
        int wordCount = scoreWords(normalized, wordPoints);
        Map<String, Double> scores = candidates(LATIN_CANDIDATES);
        for (Map<String, Double> part : List.of(letters, weakLetters, wordPoints)) {
            part.forEach((tag, points) -> scores.merge(tag, points, Double::sum));
        }
        scoreEndings(plainWords, LetterEvidence.LATIN_WEAK_ENDINGS, scores);
        if (LetterEvidence.diacriticsRuleOutUzbek(normalized)) {
            scores.put("uz-Latn", 0.0);
        }
        String best = best(scores);
        if (best != null) {
            double words = wordPoints.get(best);
            boolean telling = letters.get(best) >= MIN_SCORE
                    || words > 0 && letters.get(best) + weakLetters.get(best) >= MIN_SCORE
                    || words / Math.max(1, wordCount) >= MIN_WORD_SHARE;
            if (!telling) {
                best = null;
            }
        }
        return best != null && OWN_ANSWERS.contains(best)
                ? confident(best, scores)
                : NgramModel.LATIN.identify(normalized);
    }

    /** The own evidence's answer when it names a language no model knows, else the model's. */
    private static DetectedLanguage ownOr(Map<String, Double> scores,
                                          Supplier<DetectedLanguage> model) {
        String best = best(scores);
        return best != null && OWN_ANSWERS.contains(best) ? confident(best, scores) : model.get();
    }

    private static Map<String, Double> candidates(List<String> tags) {
        Map<String, Double> scores = new LinkedHashMap<>();
        tags.forEach(c -> scores.put(c, 0.0));
        return scores;
    }

    /** The highest-scoring candidate at or above {@link #MIN_SCORE}, the first on a tie; null when none. */
    private static String best(Map<String, Double> scores) {
        String best = null;
        double bestScore = MIN_SCORE;
        for (Map.Entry<String, Double> e : scores.entrySet()) {
            if (e.getValue() > bestScore || (best == null && e.getValue() >= bestScore)) {
                best = e.getKey();
                bestScore = e.getValue();
            }
        }
        return best;
    }

    private static DetectedLanguage confident(String best, Map<String, Double> scores) {
        double total = scores.values().stream().mapToDouble(Double::doubleValue).sum();
        return new DetectedLanguage(best, scores.get(best) / total);
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
    private static void scoreEndings(List<String> words, Map<String, Map<String, Double>> endings,
                                     Map<String, Double> scores) {
        for (String word : words) {
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

    /** Adds one point per known word to each language that knows it; returns how many words there were. */
    private int scoreWords(String text, Map<String, Double> scores) {
        int count = 0;
        for (String token : words(text, true)) {
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

    /**
     * The runs of letters of {@code text} (and of apostrophes, when {@code apostrophes}), in order: what splitting it
     * at {@code [^\p{L}]+} (or {@code [^\p{L}']+}) leaves but the empty strings, without a pattern per call.
     */
    static List<String> words(String text, boolean apostrophes) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean in = Character.isLetter(cp) || apostrophes && cp == '\'';
            if (in && start < 0) {
                start = i;
            } else if (!in && start >= 0) {
                out.add(text.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            out.add(text.substring(start));
        }
        return out;
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
