package org.tracelab.core.lang;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.internal.Ngram;
import com.github.pemistahl.lingua.internal.TestDataLanguageModel;
import it.unimi.dsi.fastutil.objects.Object2FloatMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * Lingua 1.2.2's {@code computeLanguageProbabilities} for the languages of one detector, with what each n-gram gives
 * every language kept. Lingua looks each n-gram of a text up in the model of each language in turn (26 for Latin
 * script): a probe into a large table, behind a lock, every time, which was most of its time in an ingest's profile
 * (session 13). The n-grams of a case's texts recur, so here an n-gram's natural logarithms, by language, are looked
 * up once and kept, and each language's sum adds them in Lingua's order (its n-grams' iteration order, the first
 * order from trigram down with a probability above zero, {@code (float) Math.log(p)} added to a float), so every sum
 * is Lingua's to the bit.
 *
 * <p>Lingua loads a language's model of an order at its first look-up of that order, and it looks a shorter n-gram
 * up only for a trigram it does not know: on ads in Uzbek and English no Latin language's unigram model was ever
 * loaded, and a language without all three orders loaded was summed by Lingua itself, probe after probe, every time
 * (5 % of the samples of an ingest of the lab's ads, session 14). So a language of the detector met without all
 * three is made to load them, by asking Lingua for the sum of one n-gram of each order, which loads that order's
 * model as Lingua's own look-up would; the models are Lingua's, so are the sums.
 */
final class NgramSums {
    /** N-grams kept at most; past that the kept ones are dropped and kept again as they recur. */
    static final int MAX_KEPT = 32_768;
    /** Lingua's highest n-gram order in its low-accuracy mode. */
    private static final int TRIGRAM = 3;
    /** One n-gram of each order, letters (Lingua's n-grams are): any will do, the model is loaded before it is read. */
    private static final List<String> LOADING_NGRAMS = List.of("a", "ab", "abc");
    /** A kept value meaning the language's model has no probability above zero for the n-gram. */
    private static final float NONE = Float.POSITIVE_INFINITY;

    private final int[] positionByOrdinal;
    private final int size;
    private final int maxKept;
    private final ConcurrentHashMap<String, float[]> kept = new ConcurrentHashMap<>();
    /** Each language's loaded models by position, once {@link #loaded} has found all three. */
    private final AtomicReferenceArray<Object2FloatMap<String>[]> loadedModels;
    /** Languages whose models {@link #load} was asked for, by ordinal: once each, in case one has no model of an order. */
    private final AtomicBoolean[] loadAsked;
    /** Languages summed by Lingua itself, counted: none once their models are loaded (LinguaTrigramsTest). */
    private final AtomicLong summedByLingua = new AtomicLong();

    /** Sums for a detector of {@code languages}, keeping at most {@link #MAX_KEPT} n-grams. */
    NgramSums(List<Language> languages) {
        this(languages, MAX_KEPT);
    }

    /** Sums for a detector of {@code languages}, keeping at most {@code maxKept} n-grams. */
    NgramSums(List<Language> languages, int maxKept) {
        if (maxKept < 1) {
            throw new IllegalArgumentException("maxKept must be positive: " + maxKept);
        }
        this.maxKept = maxKept;
        positionByOrdinal = new int[Language.values().length];
        loadAsked = new AtomicBoolean[Language.values().length];
        Arrays.setAll(loadAsked, i -> new AtomicBoolean());
        Arrays.fill(positionByOrdinal, -1);
        for (int i = 0; i < languages.size(); i++) {
            positionByOrdinal[languages.get(i).ordinal()] = i;
        }
        size = languages.size();
        loadedModels = new AtomicReferenceArray<>(size);
    }

    /**
     * What {@code detector.computeLanguageProbabilities$lingua(model, filtered)} gives for a trigram model whose
     * n-grams' values are {@code trigrams}, in its order ({@link LinguaTrigrams#trigrams}); Lingua's own n-grams
     * ({@code linguas}) are asked for only for a language Lingua must sum itself.
     */
    Map<Language, Float> probabilities(LanguageDetector detector, Set<String> trigrams,
                                       Supplier<Set<Ngram>> linguas, Set<Language> filtered) {
        List<Language> ready = new ArrayList<>();
        List<Object2FloatMap<String>[]> models = new ArrayList<>();
        for (Language language : filtered) {
            int position = positionByOrdinal[language.ordinal()];
            Object2FloatMap<String>[] loaded = position >= 0 ? models(position, language) : null;
            if (loaded == null && position >= 0 && loadAsked[language.ordinal()].compareAndSet(false, true)) {
                load(detector, language);
                loaded = models(position, language);
            }
            if (loaded != null) {
                ready.add(language);
                models.add(loaded);
            }
        }
        float[] sums = sums(trigrams, ready, models);
        Map<Language, Float> out = new LinkedHashMap<>();
        for (Language language : filtered) {
            int at = ready.indexOf(language);
            float sum = at >= 0 ? sums[at] : summedByLingua(detector, language, linguas.get());
            if (sum < 0.0) { // Lingua keeps only the languages with a sum below zero
                out.put(language, sum);
            }
        }
        return out;
    }

    private float summedByLingua(LanguageDetector detector, Language language, Set<Ngram> ngrams) {
        summedByLingua.incrementAndGet();
        return detector.computeSumOfNgramProbabilities$lingua(language, ngrams);
    }

    /** How many language sums Lingua has made itself, models not being loaded. */
    long summedByLingua() {
        return summedByLingua.get();
    }

    /**
     * Has Lingua load {@code language}'s unigram, bigram and trigram models: the sum of one n-gram of an order looks
     * that order up first, loading its model; the sums themselves are not needed.
     */
    private static void load(LanguageDetector detector, Language language) {
        for (String ngram : LOADING_NGRAMS) {
            detector.computeSumOfNgramProbabilities$lingua(language,
                    TestDataLanguageModel.Companion.fromText(ngram, ngram.length()).getNgrams());
        }
    }

    /** Each language's sum over {@code ngrams}, n-gram after n-gram, as Lingua adds them language after language. */
    private float[] sums(Set<String> trigrams, List<Language> languages, List<Object2FloatMap<String>[]> models) {
        int n = languages.size();
        float[] sums = new float[n];
        if (n == 0) {
            return sums;
        }
        int[] positions = new int[n];
        for (int i = 0; i < n; i++) {
            positions[i] = positionByOrdinal[languages.get(i).ordinal()];
        }
        boolean[] summed = new boolean[n];
        for (String trigram : trigrams) {
            if (trigram.length() != TRIGRAM) {
                throw new IllegalArgumentException("not a trigram: '" + trigram + "'");
            }
            Arrays.fill(summed, false);
            int left = n;
            // Lingua's rangeOfLowerOrderNgrams: the n-gram, then its prefixes one char shorter, down to one char.
            for (String part = trigram; !part.isEmpty() && left > 0;
                 part = part.substring(0, part.length() - 1)) {
                float[] row = row(part);
                for (int i = 0; i < n; i++) {
                    if (summed[i]) {
                        continue;
                    }
                    float value = row[positions[i]];
                    if (Float.isNaN(value)) {
                        value = logarithm(models.get(i), part);
                        row[positions[i]] = value;
                    }
                    if (value != NONE) {
                        sums[i] += value;
                        summed[i] = true;
                        left--;
                    }
                }
            }
        }
        return sums;
    }

    /**
     * The language's three models, read from Lingua's tables until all three are there and kept from then on: Lingua
     * never replaces a loaded model, and this saves three locked look-ups per language of every text.
     */
    private Object2FloatMap<String>[] models(int position, Language language) {
        Object2FloatMap<String>[] known = loadedModels.get(position);
        if (known == null) {
            known = loaded(language);
            if (known != null) {
                loadedModels.set(position, known);
            }
        }
        return known;
    }

    /** The kept values of {@code ngram} by language position, NaN where not looked up yet. */
    private float[] row(String ngram) {
        float[] row = kept.get(ngram);
        if (row == null) {
            if (kept.size() >= maxKept) {
                kept.clear();
            }
            float[] fresh = new float[size];
            Arrays.fill(fresh, Float.NaN);
            row = kept.putIfAbsent(ngram, fresh);
            row = row == null ? fresh : row;
        }
        return row;
    }

    /** What Lingua adds for {@code ngram} in a language with these models: ln of its probability, or none. */
    private static float logarithm(Object2FloatMap<String>[] models, String ngram) {
        float probability = models[ngram.length()].getFloat(ngram);
        return probability > 0 ? (float) Math.log(probability) : NONE;
    }

    /**
     * The language's unigram, bigram and trigram models by order, as Lingua holds them once loaded; null while one
     * is not loaded.
     */
    @SuppressWarnings("unchecked")
    private static Object2FloatMap<String>[] loaded(Language language) {
        Object2FloatMap<String>[] models = new Object2FloatMap[TRIGRAM + 1];
        List<EnumMap<Language, Object2FloatMap<String>>> byOrder = List.of(
                LanguageDetector.Companion.getUnigramLanguageModels$lingua(),
                LanguageDetector.Companion.getBigramLanguageModels$lingua(),
                LanguageDetector.Companion.getTrigramLanguageModels$lingua());
        for (int order = 1; order <= TRIGRAM; order++) {
            EnumMap<Language, Object2FloatMap<String>> loaded = byOrder.get(order - 1);
            synchronized (loaded) { // as Lingua reads them
                models[order] = loaded.get(language);
            }
            if (models[order] == null) {
                return null;
            }
        }
        return models;
    }
}
