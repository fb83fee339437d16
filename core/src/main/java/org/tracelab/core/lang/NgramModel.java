package org.tracelab.core.lang;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.tracelab.core.internal.KeptAnswers;

/**
 * Lingua's character-trigram models, one per script, for the languages the project's own evidence does not separate:
 * the European, Turkish, Arabic-script and Slavic languages named in issue #16, with the neighbours each is most often
 * taken for, so that a Dutch page is called Dutch rather than German.
 *
 * <p>Only trigram models are used (Lingua's "low accuracy mode"): its high-accuracy mode loads five n-gram orders and
 * took 7.7 s and 670 MB for 21 languages, against 0.5 s and about 30 MB here. Each detector is built on first need,
 * and Lingua loads a language's model on the first text that could be in it, so a case that holds only Russian never
 * loads a Latin model.
 */
enum NgramModel {
    LATIN(Character.UnicodeScript.LATIN, List.of(
            Language.ENGLISH, Language.TURKISH, Language.POLISH, Language.GERMAN, Language.FRENCH, Language.SPANISH,
            Language.ITALIAN, Language.PORTUGUESE, Language.CZECH, Language.LITHUANIAN,
            Language.DUTCH, Language.CATALAN, Language.ROMANIAN, Language.SLOVAK, Language.LATVIAN,
            Language.AZERBAIJANI, Language.CROATIAN, Language.SLOVENE, Language.HUNGARIAN, Language.SWEDISH,
            Language.DANISH, Language.BOKMAL, Language.FINNISH, Language.ESTONIAN, Language.INDONESIAN,
            Language.ALBANIAN)),
    /** Decides once letters have ruled out Uzbek, Kyrgyz and Tajik; Kazakh stays in for Kazakh short of its letters. */
    CYRILLIC(Character.UnicodeScript.CYRILLIC, List.of(
            Language.RUSSIAN, Language.UKRAINIAN, Language.BELARUSIAN, Language.BULGARIAN, Language.MACEDONIAN,
            Language.SERBIAN, Language.KAZAKH, Language.MONGOLIAN)),
    ARABIC(Character.UnicodeScript.ARABIC, List.of(Language.ARABIC, Language.PERSIAN, Language.URDU));

    /**
     * The runner-up's score relative to the best (Lingua's confidence, 1 for the best) above which two languages are
     * too close to call and the answer is {@code und}. Chosen on the UDHR bench (docs/BENCHMARKS.md).
     */
    static final double MAX_RUNNER_UP = 0.97;

    /**
     * Lingua reads this much of a text at most, in words of the model's script: its time grows with the text (at 2,000
     * characters it was a tenth of Optimaize's speed), while its accuracy on the UDHR bench's pages was the same at 300
     * characters as at 2,000.
     */
    static final int SAMPLE_CHARS = 300;
    /** The first look's length, and how clear its answer must be to stand (a runner-up this far behind at most). */
    static final int QUICK_SAMPLE_CHARS = 120;
    static final double MAX_QUICK_RUNNER_UP = 0.85;

    /**
     * Samples whose answers are kept, per model, the least recently used dropped first: Lingua's answer depends on the
     * sample alone, and the pages of one site often open with the same words (a notice, a heading, a template's first
     * line), which then cost one look-up instead of a trigram scoring over every language of the model.
     */
    static final int KEPT_ANSWERS = 4_096;

    private final Character.UnicodeScript script;
    private final List<Language> languages;
    private volatile LanguageDetector detector;
    private final KeptAnswers<String, Ranked> answers = new KeptAnswers<>(KEPT_ANSWERS);
    private final NgramSums sums;
    private final LinguaRules rules = new LinguaRules();

    NgramModel(Character.UnicodeScript script, List<Language> languages) {
        this.script = script;
        this.languages = languages;
        this.sums = new NgramSums(languages);
    }

    /** The languages this model chooses from. */
    List<Language> languages() {
        return languages;
    }

    /** The model's answer, or {@code und} when it cannot tell two languages apart. */
    DetectedLanguage identify(String text) {
        return identifySample(sample(text, SAMPLE_CHARS));
    }

    /** The script whose words this model reads. */
    Character.UnicodeScript script() {
        return script;
    }

    /**
     * {@link #identify}'s answer for the text whose sample ({@link #sample(String, Character.UnicodeScript, int)}
     * of {@link #SAMPLE_CHARS}) is {@code sample}.
     */
    DetectedLanguage identifySample(String sample) {
        if (sample.length() >= SAMPLE_CHARS) {
            // A clear answer on the first sentence or two saves most of the time; a close one reads on.
            Ranked quick = rank(sample.substring(0, QUICK_SAMPLE_CHARS));
            if (quick.best() != Language.UNKNOWN && quick.runnerUp() < MAX_QUICK_RUNNER_UP) {
                return quick.answer();
            }
        }
        return rank(sample).answer();
    }

    /** Lingua's best language and the runner-up's score relative to it (0 when there is none). */
    record Ranked(Language best, double runnerUp) {
        DetectedLanguage answer() {
            if (best == Language.UNKNOWN || runnerUp > MAX_RUNNER_UP) {
                return DetectedLanguage.UNDETERMINED;
            }
            return new DetectedLanguage(best.getIsoCode639_1().toString(), 1 - runnerUp);
        }
    }

    private Ranked rank(String sample) {
        return answers.get(sample, this::rankAnew);
    }

    private Ranked rankAnew(String sample) {
        return ranked(LinguaTrigrams.confidenceValues(detector(), rules, sums, sample));
    }

    /** The best of Lingua's confidence values and the runner-up's; {@code UNKNOWN} for none. */
    static Ranked ranked(SortedMap<Language, Double> values) {
        if (values.isEmpty()) {
            return new Ranked(Language.UNKNOWN, 0);
        }
        Iterator<Map.Entry<Language, Double>> it = values.entrySet().iterator();
        Language best = it.next().getKey();
        return new Ranked(best, it.hasNext() ? it.next().getValue() : 0);
    }

    private String sample(String text, int max) {
        return sample(text, script, max);
    }

    /**
     * The first words of the text written in {@code script}, up to about {@code max} characters: a Russian page's
     * English menu must not be what the Cyrillic model reads.
     */
    static String sample(String text, Character.UnicodeScript script, int max) {
        StringBuilder sb = new StringBuilder(Math.min(text.length(), max + 32));
        int i = 0;
        while (i < text.length() && sb.length() < max) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            boolean inScript = false;
            while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                char c = text.charAt(i++);
                inScript |= Character.isLetter(c) && Scripts.of(c) == script;
            }
            if (inScript) {
                sb.append(text, start, i).append(' ');
            }
        }
        return sb.toString();
    }

    /**
     * Every word of {@code text} written in {@code script}, each followed by a space: what {@link #sample} takes of a
     * line, without a limit.
     */
    static String scriptWords(String text, Character.UnicodeScript script) {
        // n words and a space after each take at most the text's length and one
        return sample(text, script, text.length() + 2);
    }

    /**
     * What {@link #sample} gives for a text of lines whose {@link #scriptWords} are {@code lines}, in order: the words
     * one after another until {@code max} characters are reached, as a text's words do not span its line feeds.
     */
    static String sample(List<String> lines, int max) {
        StringBuilder sb = new StringBuilder(max + 32);
        for (String words : lines) {
            if (sb.length() >= max) {
                break;
            }
            if (sb.length() + words.length() < max) {
                sb.append(words);
                continue;
            }
            for (int start = 0; start < words.length() && sb.length() < max; ) {
                int end = words.indexOf(' ', start) + 1;
                sb.append(words, start, end);
                start = end;
            }
        }
        return sb.toString();
    }

    /** Lingua's sums of n-gram probabilities for this model's languages, with each n-gram's looked up once. */
    NgramSums sums() {
        return sums;
    }

    /** Lingua's rule steps for this model's detector, with each word read once. */
    LinguaRules rules() {
        return rules;
    }

    LanguageDetector detector() {
        LanguageDetector d = detector;
        if (d == null) {
            synchronized (this) {
                d = detector;
                if (d == null) {
                    d = LanguageDetectorBuilder.fromLanguages(languages.toArray(Language[]::new))
                            .withLowAccuracyMode().build();
                    detector = d;
                }
            }
        }
        return d;
    }
}
