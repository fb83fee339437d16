package org.tracelab.core.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.internal.Ngram;
import com.github.pemistahl.lingua.internal.TestDataLanguageModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Lingua's steps run on the calling thread give what Lingua's own call gives, for every model and sample length. */
class LinguaTrigramsTest {
    /** Fictitious job-offer lines and short bits the rules decide alone (a script, one letter, digits only). */
    private static final List<String> TEXTS = List.of(
            "Nous recherchons des serveurs pour un hôtel à Dubaï, billet d'avion payé par l'employeur",
            "Buscamos personal de limpieza para trabajar en España, contrato y alojamiento incluidos",
            "Poszukujemy pracowników do fabryki w Polsce, zakwaterowanie zapewnia pracodawca",
            "Cerchiamo camerieri per un ristorante a Milano, vitto e alloggio compresi nel contratto",
            "We are hiring cooks for a hotel abroad, visa and flights paid, salary 1200 USD a month",
            "Yurt dışında otel için aşçı arıyoruz, vize ve uçak bileti ödenir",
            "Требуются повара в гостиницу за рубежом, виза и перелёт оплачиваются",
            "Потрібні кухарі до готелю за кордоном, віза та переліт оплачуються",
            "Шетелдегі қонақүйге аспаздар қажет, виза мен ұшақ билеті төленеді",
            "Хүн бүр төрж мэндлэхэд эрх чөлөөтэй, адилхан нэр төртэй",
            "مطلوب طهاة لفندق في الخارج، التأشيرة وتذاكر الطيران مدفوعة",
            "برای هتلی در خارج از کشور آشپز استخدام می‌کنیم، ویزا و بلیت پرداخت می‌شود",
            "ab", "123 456", "ñ", "Ja", "ok ok", "Dubaï", "hotel", "", "   ", "łódź");

    @Test
    void answersAreLinguasOwn() {
        for (NgramModel model : NgramModel.values()) {
            List<String> samples = new ArrayList<>(TEXTS);
            for (String t : TEXTS) {
                for (int n : new int[] {5, 17, 40}) {
                    samples.add(t.substring(0, Math.min(n, t.length())));
                }
            }
            assertLinguasOwn(model, samples, model.sums());
        }
    }

    /**
     * The n-grams' kept probabilities give Lingua's sums to the bit: over UDHR sentences of some 60 languages, read
     * twice (the second time from what the first kept), and with so few kept that they are dropped again and again.
     */
    @Test
    void keptProbabilitiesGiveLinguasOwnSums() throws IOException {
        List<String> udhr = new ArrayList<>();
        for (String file : List.of("udhr/udhr-snippets.tsv", "udhr/udhr-wide.tsv")) {
            try (InputStream in = getClass().getResourceAsStream(file)) {
                new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .filter(line -> !line.startsWith("#") && line.indexOf('\t') > 0)
                        .map(line -> line.substring(line.indexOf('\t') + 1))
                        .limit(200)
                        .forEach(udhr::add);
            }
        }
        for (NgramModel model : NgramModel.values()) {
            List<String> samples = udhr.stream().map(t -> NgramModel.sample(t, scriptOf(model), 120))
                    .filter(t -> !t.isEmpty()).toList();
            List<List<Map.Entry<Language, Double>>> linguas = samples.stream()
                    .map(t -> List.copyOf(model.detector().computeLanguageConfidenceValues(t).entrySet())).toList();
            NgramSums sums = new NgramSums(model.languages());
            for (NgramSums read : List.of(sums, sums, new NgramSums(model.languages(), 50))) {
                for (int i = 0; i < samples.size(); i++) {
                    String text = samples.get(i);
                    assertEquals(linguas.get(i), List.copyOf(LinguaTrigrams.confidenceValues(model.detector(),
                                    new LinguaRules(), read, text).entrySet()),
                            () -> model + ": '" + text + "'");
                }
            }
        }
    }

    /**
     * No language is left to Lingua's own probing for want of a loaded model: on Uzbek and English ads no Latin
     * language's unigram model was ever loaded, and all of them were summed by Lingua, every time. The answers stay
     * Lingua's own.
     */
    @Test
    void everyLanguageIsSummedFromKeptValues() {
        for (NgramModel model : NgramModel.values()) {
            NgramSums sums = new NgramSums(model.languages());
            assertLinguasOwn(model, TEXTS, sums);
            assertEquals(0, sums.summedByLingua(), model::toString);
        }
    }

    /**
     * The clean-up is Lingua's on texts of every kind of character it treats apart: punctuation and numbers of any
     * plane, lone and split surrogates (a comma between two halves of a digit outside the basic plane), every space
     * Kotlin trims or Java's {@code \s} matches, and letters whose lower case is longer (İ).
     */
    @Test
    void cleanUpIsLinguasOwn() {
        String[] pieces = {"a", "Б", "ß", "İ", "Σ", "ǅ", "中", "ー", " ", "  ", "\t", "\n", "\u000B", "\f", "\r", "\u00A0",
            "\u2003", "\u2028", "\u3000", "\u001C", ",", ".", "-", "_", "'", "«", "»", "¿", "(", ")", "‰", "$", "+",
            "1", "٣", "Ⅻ", "½", "²", "\uD835\uDFCE", "\uD835", "\uDFCE", "\uD83D\uDE00", "\uD800\uDD07", "\u0301"};
        LanguageDetector detector = NgramModel.LATIN.detector();
        Random random = new Random(19);
        List<String> texts = new ArrayList<>(TEXTS);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            texts.add(sb.toString());
        }
        for (String text : texts) {
            assertEquals(detector.cleanUpInputText$lingua(text), LinguaTrigrams.cleanUp(text), () -> "'" + text + "'");
        }
    }

    /**
     * The trigrams are Lingua's, in its set's order, on texts of letters of every plane, marks, digits, spaces and
     * punctuation, lone surrogates and pairs a slice cuts in two.
     */
    @Test
    void trigramsAreLinguasInItsOrder() {
        String[] pieces = {"a", "b", "c", "ab", "б", "ß", "ı", "中", "ー", " ", "'", "-", "1", "\u0301", "\uD835\uDC00",
            "\uD840\uDC00", "\uD835", "\uDC00", "\uD83D\uDE00", "Ⅻ", "ʻ", "ǅ"};
        Random random = new Random(21);
        List<String> texts = new ArrayList<>(TEXTS);
        for (int i = 0; i < 30_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = random.nextInt(i % 100 == 0 ? 300 : 12); n > 0; n--) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            texts.add(sb.toString());
        }
        for (String text : texts) {
            List<String> linguas = TestDataLanguageModel.Companion.fromText(text, 3).getNgrams().stream()
                    .map(Ngram::getValue).toList();
            assertEquals(linguas, List.copyOf(LinguaTrigrams.trigrams(text)), () -> "'" + text + "'");
        }
    }

    private static Character.UnicodeScript scriptOf(NgramModel model) {
        return switch (model) {
            case LATIN -> Character.UnicodeScript.LATIN;
            case CYRILLIC -> Character.UnicodeScript.CYRILLIC;
            case ARABIC -> Character.UnicodeScript.ARABIC;
        };
    }

    private static void assertLinguasOwn(NgramModel model, List<String> samples, NgramSums sums) {
        for (String text : samples) {
            // In order: the identifier reads the first two.
            assertEquals(List.copyOf(model.detector().computeLanguageConfidenceValues(text).entrySet()),
                    List.copyOf(LinguaTrigrams.confidenceValues(model.detector(), model.rules(), sums, text).entrySet()),
                    () -> model + ": '" + text + "'");
        }
    }
}
