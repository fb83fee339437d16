package org.tracelab.core.lang;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.tracelab.core.lang.ScriptCensus.Script;

/**
 * {@link LanguageIdentifier} as it was before it read texts line by line (main at 48f781c), kept as the reference its
 * answers are held to ({@code LanguageIdentifierLinesTest}): the whole text lower-cased and read pass after pass,
 * with {@link LetterEvidence}'s rules as they were then, over the whole text. Only the class's name, its constructor's
 * word lists (the bundled ones) and the rules copied in from {@code LetterEvidence} differ from that version.
 */
final class LanguageIdentifierReference {
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

    private final Side cyrillicSide;
    private final Side latinSide;
    private final double[][] latinWeakLetters;
    private final Endings latinWeakEndings;

    LanguageIdentifierReference(Map<String, Set<String>> words) {
        this.cyrillicSide = new Side(CYRILLIC_CANDIDATES, words, LetterEvidence.CYRILLIC,
                LetterEvidence.CYRILLIC_ENDINGS);
        this.latinSide = new Side(LATIN_CANDIDATES, words, LetterEvidence.LATIN, LetterEvidence.LATIN_ENDINGS);
        this.latinWeakLetters = latinSide.letterTable(LetterEvidence.LATIN_WEAK);
        this.latinWeakEndings = latinSide.endingTable(LetterEvidence.LATIN_WEAK_ENDINGS);
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
            case HEBREW -> mostlyForeign(normalized, Character.UnicodeScript.HEBREW,
                    LetterEvidence.KNOWN_HEBREW) ? DetectedLanguage.UNDETERMINED : new DetectedLanguage("he", share);
            case ARABIC -> mostlyForeign(normalized, Character.UnicodeScript.ARABIC,
                    LetterEvidence.KNOWN_ARABIC) ? DetectedLanguage.UNDETERMINED : NgramModel.ARABIC.identify(normalized);
            case CYRILLIC -> mostlyForeign(normalized, Character.UnicodeScript.CYRILLIC,
                    LetterEvidence.KNOWN_CYRILLIC) ? DetectedLanguage.UNDETERMINED : cyrillic(normalized);
            case LATIN -> mostlyForeign(normalized, Character.UnicodeScript.LATIN,
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
        Side side = cyrillicSide;
        double[] scores = side.none();
        side.scoreLetters(normalized, scores);
        List<String> plainWords = words(normalized, false);
        side.scoreEndings(plainWords, side.endings, scores);
        if (kyrgyzByAbsence(normalized)) {
            scores[side.index("ky")] += LetterEvidence.KYRGYZ_BY_ABSENCE;
        }
        side.scoreWords(normalized, scores);
        DetectedLanguage own = ownOr(side, scores, () -> NgramModel.CYRILLIC.identify(normalized));
        if (own.tag().equals("ky") && LetterEvidence.mongolianNotKyrgyz(normalized)) {
            return NgramModel.CYRILLIC.identify(normalized);
        }
        return own;
    }

    private DetectedLanguage latin(String normalized) {
        if (turkmen(normalized)) {
            return new DetectedLanguage("tk", 1);
        }
        // Letters and endings that make the case for a language alone; letters that make it beside its words; words,
        // when they are a good share of the text; endings that only add (-gan is Indonesian too).
        Side side = latinSide;
        int uzbek = side.index("uz-Latn");
        double[] letters = side.none();
        side.scoreLetters(normalized, letters);
        letters[uzbek] += LetterEvidence.UZBEK_APOSTROPHE_LETTER * uzbekApostropheLetters(normalized);
        List<String> plainWords = words(normalized, false);
        side.scoreEndings(plainWords, side.endings, letters);
        double[] weakLetters = side.none();
        side.scoreLetters(normalized, latinWeakLetters, weakLetters);
        double[] wordPoints = side.none();
        int wordCount = side.scoreWords(normalized, wordPoints);
        double[] scores = side.none();
        for (double[] part : List.of(letters, weakLetters, wordPoints)) {
            for (int i = 0; i < scores.length; i++) {
                scores[i] += part[i];
            }
        }
        side.scoreEndings(plainWords, latinWeakEndings, scores);
        if (diacriticsRuleOutUzbek(normalized)) {
            scores[uzbek] = 0.0;
        }
        int best = best(scores);
        if (best >= 0) {
            double words = wordPoints[best];
            boolean telling = letters[best] >= MIN_SCORE
                    || words > 0 && letters[best] + weakLetters[best] >= MIN_SCORE
                    || words / Math.max(1, wordCount) >= MIN_WORD_SHARE;
            if (!telling) {
                best = -1;
            }
        }
        return best >= 0 && OWN_ANSWERS.contains(side.tags.get(best))
                ? confident(side, best, scores)
                : NgramModel.LATIN.identify(normalized);
    }

    /** The own evidence's answer when it names a language no model knows, else the model's. */
    private static DetectedLanguage ownOr(Side side, double[] scores, Supplier<DetectedLanguage> model) {
        int best = best(scores);
        return best >= 0 && OWN_ANSWERS.contains(side.tags.get(best)) ? confident(side, best, scores) : model.get();
    }

    /** The highest-scoring candidate at or above {@link #MIN_SCORE}, the first on a tie; -1 when none. */
    private static int best(double[] scores) {
        int best = -1;
        double bestScore = MIN_SCORE;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] > bestScore || (best < 0 && scores[i] >= bestScore)) {
                best = i;
                bestScore = scores[i];
            }
        }
        return best;
    }

    private static DetectedLanguage confident(Side side, int best, double[] scores) {
        // DoubleStream's sum, as the scores' map summed them: compensated, in the candidates' order.
        double total = Arrays.stream(scores).sum();
        return new DetectedLanguage(side.tags.get(best), scores[best] / total);
    }

    /**
     * Word endings with each candidate's weight, and the letters they end in: a word ending in none of those has none
     * of the endings, and is passed over without cutting it.
     */
    private record Endings(Map<String, double[]> weights, String lastLetters) {
    }

    /**
     * One script's candidates with their evidence as tables by candidate position: a look-up per letter and per word
     * into arrays, where maps of boxed characters and scores cost more than the counting (session 12's profile).
     * Scores are added to each candidate in the text's order, as the maps added them, so every sum is the same.
     */
    private static final class Side {
        final List<String> tags;
        final double[][] letters;
        final Endings endings;
        /** Per word, the candidates whose word list holds it, as bits by position. */
        final Map<String, Integer> known;

        Side(List<String> tags, Map<String, Set<String>> words, Map<Character, Map<String, Double>> letters,
             Map<String, Map<String, Double>> endings) {
            this.tags = List.copyOf(tags);
            this.letters = letterTable(letters);
            this.endings = endingTable(endings);
            Map<String, Integer> known = new HashMap<>();
            for (int i = 0; i < tags.size(); i++) {
                int bit = 1 << i;
                for (String w : words.getOrDefault(tags.get(i), Set.of())) {
                    known.merge(w, bit, (a, b) -> a | b);
                }
            }
            this.known = Map.copyOf(known);
        }

        double[] none() {
            return new double[tags.size()];
        }

        int index(String tag) {
            int i = tags.indexOf(tag);
            if (i < 0) {
                throw new IllegalArgumentException("not a candidate here: " + tag);
            }
            return i;
        }

        /** Per character, the weight for each candidate (0 for one the letter says nothing of); null for most. */
        double[][] letterTable(Map<Character, Map<String, Double>> evidence) {
            int max = 0;
            for (char c : evidence.keySet()) {
                max = Math.max(max, c);
            }
            double[][] table = new double[max + 1][];
            evidence.forEach((c, weights) -> table[c] = weights(weights));
            return table;
        }

        Endings endingTable(Map<String, Map<String, Double>> evidence) {
            Map<String, double[]> table = new HashMap<>();
            StringBuilder last = new StringBuilder();
            evidence.forEach((ending, weights) -> {
                table.put(ending, weights(weights));
                char c = ending.charAt(ending.length() - 1);
                if (last.indexOf(String.valueOf(c)) < 0) {
                    last.append(c);
                }
            });
            return new Endings(Map.copyOf(table), last.toString());
        }

        private double[] weights(Map<String, Double> byTag) {
            double[] w = new double[tags.size()];
            byTag.forEach((tag, weight) -> {
                int i = tags.indexOf(tag);
                if (i >= 0) {
                    w[i] = weight;
                }
            });
            return w;
        }

        void scoreLetters(String text, double[] scores) {
            scoreLetters(text, letters, scores);
        }

        void scoreLetters(String text, double[][] table, double[] scores) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                double[] weights = c < table.length ? table[c] : null;
                if (weights != null) {
                    add(weights, scores);
                }
            }
        }

        /** Adds the weight of each word's longest ending found in {@code table}; the stem keeps a letter at least. */
        void scoreEndings(List<String> words, Endings table, double[] scores) {
            for (String word : words) {
                if (table.lastLetters().indexOf(word.charAt(word.length() - 1)) < 0) {
                    continue;
                }
                for (int length = Math.min(LetterEvidence.LONGEST_ENDING, word.length() - 1); length >= 2; length--) {
                    double[] weights = table.weights().get(word.substring(word.length() - length));
                    if (weights != null) {
                        add(weights, scores);
                        break;
                    }
                }
            }
        }

        /** Adds one point per known word to each candidate that knows it; returns how many words there were. */
        int scoreWords(String text, double[] scores) {
            int count = 0;
            for (String token : words(text, true)) {
                String word = stripApostrophes(token);
                if (word.isEmpty()) {
                    continue;
                }
                count++;
                Integer bits = known.get(word);
                if (bits != null) {
                    for (int i = 0; i < scores.length; i++) {
                        if ((bits & (1 << i)) != 0) {
                            scores[i] += 1.0;
                        }
                    }
                }
            }
            return count;
        }

        private static void add(double[] weights, double[] scores) {
            for (int i = 0; i < scores.length; i++) {
                double w = weights[i];
                if (w != 0) {
                    scores[i] += w;
                }
            }
        }
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

    // LetterEvidence's rules over the whole text, as they were.

    static int uzbekApostropheLetters(String lowerCaseText) {
        int uzbek = 0;
        int elsewhere = 0;
        for (int i = 0; i + 1 < lowerCaseText.length(); i++) {
            if (lowerCaseText.charAt(i) != '\'' || !Character.isLetter(lowerCaseText.charAt(i + 1))) {
                continue;
            }
            char before = i > 0 ? lowerCaseText.charAt(i - 1) : ' ';
            if (before == 'o' || before == 'g') {
                uzbek++;
            } else if (!Character.isLetter(before) || "aeiuy".indexOf(before) < 0) {
                elsewhere++;
            }
        }
        return uzbek >= elsewhere ? uzbek : 0;
    }

    static boolean diacriticsRuleOutUzbek(String lowerCaseText) {
        int latin = 0;
        int marked = 0;
        for (int i = 0; i < lowerCaseText.length(); i++) {
            char c = lowerCaseText.charAt(i);
            if (Character.isLetter(c) && Scripts.of(c) == Character.UnicodeScript.LATIN) {
                latin++;
                if (c > 'z') {
                    marked++;
                }
            }
        }
        return marked > LetterEvidence.MAX_UZBEK_DIACRITICS * latin;
    }

    static boolean mostlyForeign(String lowerCaseText, Character.UnicodeScript script, String known) {
        int inScript = 0;
        int foreign = 0;
        for (int i = 0; i < lowerCaseText.length(); i++) {
            char c = lowerCaseText.charAt(i);
            if (Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
                if (Scripts.of(c) == script) {
                    inScript++;
                    if (known.indexOf(c) < 0) {
                        foreign++;
                    }
                }
            }
        }
        return inScript > 0 && foreign > LetterEvidence.MAX_FOREIGN_LETTERS * inScript;
    }

    static boolean turkmen(String lowerCaseText) {
        boolean own = false;
        boolean turkic = false;
        for (int i = 0; i < lowerCaseText.length(); i++) {
            char c = lowerCaseText.charAt(i);
            if (c == 'ý' || c == 'ň') {
                own = true;
            } else if ("äçöşü".indexOf(c) >= 0) {
                turkic = true;
            } else if ("ığəčšřěůľôťďáéíóúðþæ".indexOf(c) >= 0) {
                return false;
            }
        }
        return own && turkic;
    }

    static boolean kyrgyzByAbsence(String lowerCaseText) {
        boolean shared = false;
        for (int i = 0; i < lowerCaseText.length(); i++) {
            char c = lowerCaseText.charAt(i);
            if (LetterEvidence.KAZAKH_NOT_KYRGYZ.indexOf(c) >= 0) {
                return false;
            }
            shared |= c == 'ң' || c == 'ө' || c == 'ү';
        }
        return shared;
    }
}
