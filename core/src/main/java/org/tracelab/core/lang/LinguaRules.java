package org.tracelab.core.lang;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.internal.Alphabet;
import com.github.pemistahl.lingua.internal.Constant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lingua 1.2.2's two rule steps, {@code detectLanguageWithRules} and {@code filterLanguagesByRules}, with what each
 * word gives them kept. Both read a text word by word (a script test per alphabet, and for every word a search of
 * each of Lingua's telling-letter lists), and then only count: in an ingest's profile they were 2 % of all samples
 * (session 19's 100,000-ad JFR), over words that recur from ad to ad. Here a word's part is found once, by Lingua's
 * own functions where it has one ({@code detectLanguageWithRules} of the word alone, {@code Alphabet.matches}), and
 * the counting follows Lingua's code step by step, its orders included, so that every answer and every set of
 * languages is Lingua's (LinguaRulesTest holds them to Lingua's own calls on random and mixed-script words).
 */
final class LinguaRules {
    /** Words kept at most; past that the kept ones are dropped and kept again as they recur. */
    static final int MAX_KEPT = 32_768;
    private static final Alphabet[] ALPHABETS = Alphabet.values();
    /** Lingua's letter lists with the languages each tells, in its order. */
    private static final List<String> TELLING_LETTERS;
    private static final List<EnumSet<Language>> TOLD_LANGUAGES;
    /** A word that holds none of the telling letters. */
    private static final int[] NO_HITS = new int[0];

    static {
        List<String> letters = new ArrayList<>();
        List<EnumSet<Language>> languages = new ArrayList<>();
        Constant.INSTANCE.getCHARS_TO_LANGUAGES_MAPPING().forEach((chars, told) -> {
            letters.add(chars);
            languages.add(told);
        });
        TELLING_LETTERS = List.copyOf(letters);
        TOLD_LANGUAGES = List.copyOf(languages);
    }

    private final int maxKept;
    private final ConcurrentHashMap<String, Word> kept = new ConcurrentHashMap<>();

    /** Rules keeping at most {@link #MAX_KEPT} words. */
    LinguaRules() {
        this(MAX_KEPT);
    }

    /** Rules keeping at most {@code maxKept} words. */
    LinguaRules(int maxKept) {
        if (maxKept < 1) {
            throw new IllegalArgumentException("maxKept must be positive: " + maxKept);
        }
        this.maxKept = maxKept;
    }

    /**
     * What one word gives the rules: the language the word alone names ({@code UNKNOWN} for none), the first of
     * Lingua's alphabets the whole word is written in (null for none), and per telling-letter list how many of its
     * letters the word holds.
     */
    private record Word(Language named, Alphabet alphabet, int[] hits) {
    }

    /** What {@code detector.detectLanguageWithRules$lingua(words)} gives. */
    Language detect(LanguageDetector detector, List<String> words) {
        // Lingua counts each word's language (UNKNOWN too) in a map by first appearance; with one language left it
        // is the answer, with more the most counted unless the first two tie: no order decides but insertion's.
        Map<Language, Integer> counts = new LinkedHashMap<>();
        for (String w : words) {
            counts.merge(word(detector, w).named(), 1, Integer::sum);
        }
        Integer unknown = counts.get(Language.UNKNOWN);
        if ((unknown == null ? 0 : unknown) < 0.5 * words.size()) {
            counts.remove(Language.UNKNOWN);
        }
        if (counts.isEmpty()) {
            return Language.UNKNOWN;
        }
        if (counts.size() == 1) {
            return counts.keySet().iterator().next();
        }
        if (counts.size() == 2 && counts.containsKey(Language.CHINESE) && counts.containsKey(Language.JAPANESE)) {
            return Language.JAPANESE;
        }
        // Kotlin's sortedByDescending is stable: the first of the most counted, in insertion order.
        Language first = null;
        int firstCount = -1;
        for (Map.Entry<Language, Integer> e : counts.entrySet()) {
            if (e.getValue() > firstCount) {
                first = e.getKey();
                firstCount = e.getValue();
            }
        }
        int secondCount = -1;
        for (Map.Entry<Language, Integer> e : counts.entrySet()) {
            if (e.getKey() != first && e.getValue() > secondCount) {
                secondCount = e.getValue();
            }
        }
        return firstCount == secondCount ? Language.UNKNOWN : first;
    }

    /** What {@code detector.filterLanguagesByRules$lingua(words)} gives, in its order. */
    Set<Language> filter(LanguageDetector detector, List<String> words) {
        Map<Alphabet, Integer> alphabets = new LinkedHashMap<>();
        List<Word> read = new ArrayList<>(words.size());
        for (String w : words) {
            Word word = word(detector, w);
            read.add(word);
            if (word.alphabet() != null) {
                alphabets.merge(word.alphabet(), 1, Integer::sum);
            }
        }
        Set<Language> languages = detector.getLanguages$lingua();
        if (alphabets.isEmpty()) {
            return languages;
        }
        if (alphabets.size() > 1 && Set.copyOf(alphabets.values()).size() == 1) {
            return languages;
        }
        // Kotlin's maxByOrNull: the first of the most counted, in insertion order.
        Alphabet most = null;
        int mostCount = Integer.MIN_VALUE;
        for (Map.Entry<Alphabet, Integer> e : alphabets.entrySet()) {
            if (most == null || mostCount < e.getValue()) {
                most = e.getKey();
                mostCount = e.getValue();
            }
        }
        Set<Language> filtered = new LinkedHashSet<>();
        for (Language language : languages) {
            if (language.getAlphabets$lingua().contains(most)) {
                filtered.add(language);
            }
        }
        int[] hits = new int[TELLING_LETTERS.size()];
        for (Word word : read) {
            for (int i = 0; i < word.hits().length; i++) {
                hits[i] += word.hits()[i];
            }
        }
        // Lingua counts list after list, each list's told languages (those left) in their enum order, by first count.
        Map<Language, Integer> told = new LinkedHashMap<>();
        for (int i = 0; i < hits.length; i++) {
            if (hits[i] == 0) {
                continue;
            }
            for (Language language : TOLD_LANGUAGES.get(i)) {
                if (filtered.contains(language)) {
                    told.merge(language, hits[i], Integer::sum);
                }
            }
        }
        Set<Language> subset = new LinkedHashSet<>();
        told.forEach((language, count) -> {
            if (count >= words.size() / 2.0) {
                subset.add(language);
            }
        });
        return subset.isEmpty() ? filtered : subset;
    }

    private Word word(LanguageDetector detector, String word) {
        Word known = kept.get(word);
        if (known != null) {
            return known;
        }
        if (kept.size() >= maxKept) {
            kept.clear();
        }
        Word fresh = read(detector, word);
        kept.putIfAbsent(word, fresh);
        return fresh;
    }

    private static Word read(LanguageDetector detector, String word) {
        // detectLanguageWithRules of one word is that word's language: counted once, UNKNOWN kept as the only key.
        Language named = detector.detectLanguageWithRules$lingua(List.of(word));
        Alphabet alphabet = null;
        for (Alphabet a : ALPHABETS) {
            if (a.matches(word)) {
                alphabet = a;
                break;
            }
        }
        int[] hits = NO_HITS;
        for (int i = 0; i < TELLING_LETTERS.size(); i++) {
            String letters = TELLING_LETTERS.get(i);
            int n = 0;
            for (int c = 0; c < letters.length(); c++) {
                if (word.indexOf(letters.charAt(c)) >= 0) {
                    n++;
                }
            }
            if (n > 0) {
                if (hits == NO_HITS) {
                    hits = new int[TELLING_LETTERS.size()];
                }
                hits[i] = n;
            }
        }
        return new Word(named, alphabet, hits);
    }
}
