package org.tracelab.core.lang;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
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

    private final Side cyrillicSide;
    private final Side latinSide;
    private final LineReadings lines;

    LanguageIdentifier(Map<String, Set<String>> words) {
        this(words, LineReadings.MAX_KEPT_CHARS);
    }

    /** An identifier keeping lines of {@code maxKeptChars} characters at most. */
    LanguageIdentifier(Map<String, Set<String>> words, int maxKeptChars) {
        this.lines = new LineReadings(2, maxKeptChars);
        this.cyrillicSide = new Side(0, CYRILLIC_CANDIDATES, words, LetterEvidence.CYRILLIC, Map.of(),
                LetterEvidence.CYRILLIC_ENDINGS, Map.of());
        this.latinSide = new Side(1, LATIN_CANDIDATES, words, LetterEvidence.LATIN, LetterEvidence.LATIN_WEAK,
                LetterEvidence.LATIN_ENDINGS, LetterEvidence.LATIN_WEAK_ENDINGS);
    }

    /** An identifier with the bundled word lists; Lingua's models load on first need. */
    public static LanguageIdentifier standard() {
        return new LanguageIdentifier(bundledWords());
    }

    /** The bundled word lists by candidate tag. */
    static Map<String, Set<String>> bundledWords() {
        Map<String, Set<String>> words = new HashMap<>();
        for (String tag : CYRILLIC_CANDIDATES) {
            words.put(tag, loadWords(tag));
        }
        for (String tag : LATIN_CANDIDATES) {
            words.put(tag, loadWords(tag));
        }
        return words;
    }

    /**
     * The language of {@code text}, or {@link DetectedLanguage#UNDETERMINED} when it cannot be told.
     *
     * <p>The text is read line by line ({@link LineReadings}): each line's letters, words and endings once, kept, and
     * replayed into the scores in the text's order, so that every sum adds what a pass over the whole text added, in
     * the same order, to the bit; and so does the sample Lingua's models read, made of the lines' words in their
     * script.
     */
    public DetectedLanguage identify(CharSequence text) {
        String sample = text.length() > SAMPLE_CHARS ? cut(text, SAMPLE_CHARS) : text.toString();
        List<LineReadings.Line> read = lines.lines(sample);
        ScriptCensus census = ScriptCensus.none();
        LetterTally letters = LetterTally.none();
        for (LineReadings.Line line : read) {
            census.add(line.census());
            letters.add(line.letters());
        }
        if (census.letters() < MIN_LETTERS) {
            return DetectedLanguage.UNDETERMINED;
        }
        Script script = census.dominant();
        double share = census.share(script);
        if (share < MIN_SCRIPT_SHARE) {
            return DetectedLanguage.UNDETERMINED;
        }
        Whole whole = new Whole(sample, read);
        return switch (script) {
            case HANGUL -> new DetectedLanguage("ko", share);
            case CJK -> new DetectedLanguage(
                    census.kana() >= MIN_KANA_SHARE * census.letters(Script.CJK) ? "ja" : "zh", share);
            case HEBREW -> letters.mostlyForeign(Character.UnicodeScript.HEBREW)
                    ? DetectedLanguage.UNDETERMINED : new DetectedLanguage("he", share);
            case ARABIC -> letters.mostlyForeign(Character.UnicodeScript.ARABIC)
                    ? DetectedLanguage.UNDETERMINED : whole.ask(NgramModel.ARABIC);
            case CYRILLIC -> letters.mostlyForeign(Character.UnicodeScript.CYRILLIC)
                    ? DetectedLanguage.UNDETERMINED : cyrillic(read, letters, whole);
            case LATIN -> letters.mostlyForeign(Character.UnicodeScript.LATIN)
                    ? DetectedLanguage.UNDETERMINED : latin(read, letters, whole);
            case OTHER -> DetectedLanguage.UNDETERMINED;
        };
    }

    /**
     * The text as the n-gram models and the rules read that look at it whole: lower case with Uzbek's apostrophes
     * unified, made on first need; for a model, its sample is made of the kept lines' words in its script.
     */
    private static final class Whole {
        private final String text;
        private final List<LineReadings.Line> lines;
        private String normalized;

        Whole(String text, List<LineReadings.Line> lines) {
            this.text = text;
            this.lines = lines;
        }

        String normalized() {
            if (normalized == null) {
                normalized = UzbekApostrophes.unify(text.toLowerCase(Locale.ROOT));
            }
            return normalized;
        }

        /** {@code model}'s answer for the text, as {@code model.identify(normalized())} gives it. */
        DetectedLanguage ask(NgramModel model) {
            List<String> words = new ArrayList<>(lines.size());
            for (LineReadings.Line line : lines) {
                if (line.capitalSigma()) {
                    return model.identify(normalized());
                }
                words.add(line.scriptWords(model));
            }
            return model.identifySample(NgramModel.sample(words, NgramModel.SAMPLE_CHARS));
        }
    }

    /** The first {@code max} characters, not splitting a surrogate pair. */
    private static String cut(CharSequence text, int max) {
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.subSequence(0, end).toString();
    }

    private DetectedLanguage cyrillic(List<LineReadings.Line> lines, LetterTally letters, Whole whole) {
        Side side = cyrillicSide;
        List<SideReading> read = side.read(lines);
        double[] scores = side.none();
        side.scoreLetters(read, scores);
        side.scoreEndings(read, scores);
        if (letters.kyrgyzByAbsence()) {
            scores[side.index("ky")] += LetterEvidence.KYRGYZ_BY_ABSENCE;
        }
        side.scoreWords(read, scores);
        DetectedLanguage own = ownOr(side, scores, () -> whole.ask(NgramModel.CYRILLIC));
        if (own.tag().equals("ky") && LetterEvidence.mongolianNotKyrgyz(whole.normalized())) {
            return whole.ask(NgramModel.CYRILLIC);
        }
        return own;
    }

    private DetectedLanguage latin(List<LineReadings.Line> lines, LetterTally tally, Whole whole) {
        if (tally.turkmen()) {
            return new DetectedLanguage("tk", 1);
        }
        // Letters and endings that make the case for a language alone; letters that make it beside its words; words,
        // when they are a good share of the text; endings that only add (-gan is Indonesian too).
        Side side = latinSide;
        List<SideReading> read = side.read(lines);
        int uzbek = side.index("uz-Latn");
        double[] letters = side.none();
        side.scoreLetters(read, letters);
        letters[uzbek] += LetterEvidence.UZBEK_APOSTROPHE_LETTER * tally.uzbekApostropheLetters();
        side.scoreEndings(read, letters);
        double[] weakLetters = side.none();
        side.scoreWeakLetters(read, weakLetters);
        double[] wordPoints = side.none();
        int wordCount = side.scoreWords(read, wordPoints);
        double[] scores = side.none();
        for (double[] part : List.of(letters, weakLetters, wordPoints)) {
            for (int i = 0; i < scores.length; i++) {
                scores[i] += part[i];
            }
        }
        side.scoreWeakEndings(read, scores);
        if (tally.diacriticsRuleOutUzbek()) {
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
                : whole.ask(NgramModel.LATIN);
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
        /**
         * The weights of the longest ending found here of the word {@code text} holds from {@code start} to {@code end},
         * the stem keeping a letter at least; null if none.
         */
        double[] of(String text, int start, int end) {
            if (lastLetters.indexOf(text.charAt(end - 1)) < 0) {
                return null;
            }
            for (int length = Math.min(LetterEvidence.LONGEST_ENDING, end - start - 1); length >= 2; length--) {
                double[] w = weights.get(text.substring(end - length, end));
                if (w != null) {
                    return w;
                }
            }
            return null;
        }
    }

    /**
     * What one side found in one line, in the line's order: the letters its letter tables weigh, the weights of the
     * words' endings, and how many words each candidate knows. Kept with the line ({@link LineReadings.Line#side}).
     *
     * @param letters     the line's letters that {@link Side#letters} weighs, in order
     * @param weakLetters the line's letters that {@link Side#weakLetters} weighs, in order
     * @param endings     the weights of the words' endings in {@link Side#endings}, word by word
     * @param weakEndings the same in {@link Side#weakEndings}
     * @param known       by candidate position, how many of the line's words its list holds
     * @param words       how many words the line holds, apostrophes kept inside them
     */
    record SideReading(String letters, String weakLetters, List<double[]> endings, List<double[]> weakEndings,
                       int[] known, int words) {
    }

    /**
     * One script's candidates with their evidence as tables by candidate position: a look-up per letter and per word
     * into arrays, where maps of boxed characters and scores cost more than the counting (session 12's profile).
     * Scores are added to each candidate in the text's order, as the maps added them, so every sum is the same.
     */
    private static final class Side {
        /** This side's place in each kept line ({@link LineReadings.Line#side}). */
        final int slot;
        final List<String> tags;
        final double[][] letters;
        /** Letters that only add beside words (Latin's q and x); none on the Cyrillic side. */
        final double[][] weakLetters;
        final Endings endings;
        final Endings weakEndings;
        /** Per word, the candidates whose word list holds it, as bits by position. */
        final Map<String, Integer> known;

        Side(int slot, List<String> tags, Map<String, Set<String>> words, Map<Character, Map<String, Double>> letters,
             Map<Character, Map<String, Double>> weakLetters, Map<String, Map<String, Double>> endings,
             Map<String, Map<String, Double>> weakEndings) {
            this.slot = slot;
            this.tags = List.copyOf(tags);
            this.letters = letterTable(letters);
            this.weakLetters = letterTable(weakLetters);
            this.endings = endingTable(endings);
            this.weakEndings = endingTable(weakEndings);
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

        /** What this side reads in each line, read once per line and kept with it. */
        List<SideReading> read(List<LineReadings.Line> lines) {
            List<SideReading> out = new ArrayList<>(lines.size());
            for (LineReadings.Line line : lines) {
                SideReading r = line.side(slot);
                if (r == null) {
                    r = read(line.normalized());
                    line.keepSide(slot, r);
                }
                out.add(r);
            }
            return out;
        }

        /**
         * One pass over the line's words with their apostrophes (the runs of letters and apostrophes): each
         * word's known-word look-up without its outer apostrophes, and the endings of the runs of letters between its
         * apostrophes, which are the runs of letters alone, in the same order.
         */
        private SideReading read(String line) {
            List<double[]> endingWeights = new ArrayList<>();
            List<double[]> weakEndingWeights = new ArrayList<>();
            int[] knownBy = new int[tags.size()];
            int count = 0;
            int i = 0;
            while (i < line.length()) {
                int start = i;
                while (i < line.length() && inWord(line.codePointAt(i), true)) {
                    i += Character.charCount(line.codePointAt(i));
                }
                if (i == start) {
                    i += Character.charCount(line.codePointAt(i));
                    continue;
                }
                int end = i;
                for (int from = start; from < end; ) {
                    int to = line.indexOf('\'', from);
                    to = to < 0 || to > end ? end : to;
                    if (to > from) {
                        double[] w = endings.of(line, from, to);
                        if (w != null) {
                            endingWeights.add(w);
                        }
                        double[] weak = weakEndings.of(line, from, to);
                        if (weak != null) {
                            weakEndingWeights.add(weak);
                        }
                    }
                    from = to + 1;
                }
                while (start < end && line.charAt(start) == '\'') {
                    start++;
                }
                while (end > start && line.charAt(end - 1) == '\'') {
                    end--;
                }
                if (end == start) {
                    continue;
                }
                count++;
                Integer bits = known.get(line.substring(start, end));
                if (bits != null) {
                    for (int k = 0; k < knownBy.length; k++) {
                        if ((bits & (1 << k)) != 0) {
                            knownBy[k]++;
                        }
                    }
                }
            }
            return new SideReading(weighed(line, letters), weighed(line, weakLetters), List.copyOf(endingWeights),
                    List.copyOf(weakEndingWeights), knownBy, count);
        }

        /** The characters of {@code line} that {@code table} weighs, in order. */
        private static String weighed(String line, double[][] table) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c < table.length && table[c] != null) {
                    sb.append(c);
                }
            }
            return sb.toString();
        }

        void scoreLetters(List<SideReading> lines, double[] scores) {
            for (SideReading line : lines) {
                scoreLetters(line.letters(), letters, scores);
            }
        }

        void scoreWeakLetters(List<SideReading> lines, double[] scores) {
            for (SideReading line : lines) {
                scoreLetters(line.weakLetters(), weakLetters, scores);
            }
        }

        private static void scoreLetters(String weighed, double[][] table, double[] scores) {
            for (int i = 0; i < weighed.length(); i++) {
                add(table[weighed.charAt(i)], scores);
            }
        }

        /** Adds the weight of each word's longest ending found in {@link #endings}, word after word. */
        void scoreEndings(List<SideReading> lines, double[] scores) {
            for (SideReading line : lines) {
                for (double[] weights : line.endings()) {
                    add(weights, scores);
                }
            }
        }

        void scoreWeakEndings(List<SideReading> lines, double[] scores) {
            for (SideReading line : lines) {
                for (double[] weights : line.weakEndings()) {
                    add(weights, scores);
                }
            }
        }

        /**
         * Adds one point per known word to each candidate that knows it; returns how many words there were. A
         * candidate's points are 1.0 added once per word, as the words came, whichever line they were in.
         */
        int scoreWords(List<SideReading> lines, double[] scores) {
            int count = 0;
            for (SideReading line : lines) {
                count += line.words();
                int[] knownBy = line.known();
                for (int i = 0; i < scores.length; i++) {
                    for (int n = knownBy[i]; n > 0; n--) {
                        scores[i] += 1.0;
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

    /** True when {@code codePoint} is part of a word: a letter, or an apostrophe when {@code apostrophes}. */
    private static boolean inWord(int codePoint, boolean apostrophes) {
        return Character.isLetter(codePoint) || apostrophes && codePoint == '\'';
    }

    /** The bundled word list of {@code tag}, lower case with Uzbek's apostrophes unified. */
    static Set<String> loadWords(String tag) {
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
