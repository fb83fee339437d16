package org.tracelab.core.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.internal.Constant;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The rule steps with kept words give what Lingua's own steps give, answer for answer and in Lingua's order. */
class LinguaRulesTest {
    /**
     * Letters to draw words from: every script the models meet and some they do not, Lingua's telling letters (which
     * its rules count), marks, digits, apostrophes and a letter outside the basic plane.
     */
    private static final String[] POOLS = {
        "abcdefghijklmnopqrstuvwxyz", "äöüßéèêçñãõáíóúàìòùâîôûëïÿœæåøłńśźżąęćčďěňřšťůžőűğışəāēīūļķņ",
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя", "іїєґўђћџљњјѓќѕәғқңөұүһҳӣӯҷ",
        "ابتثجحخدذرزسشصضطظعغفقكلمنهويپچژکگیےہ", "αβγδεζηθικλμνξοπρστυφχψω", "中文字日本語汉", "ひらがなカタカナー",
        "한국어글", "שלוםעברית", "0123456789", "'’-_.,!?", "\uD835\uDC00\uD83D\uDE00", "ŉǆǉ"
    };

    @Test
    void randomAndMixedScriptWordsGetLinguasOwnRules() {
        Random random = new Random(20);
        String telling = String.join("", Constant.INSTANCE.getCHARS_TO_LANGUAGES_MAPPING().keySet());
        for (NgramModel model : NgramModel.values()) {
            LanguageDetector detector = model.detector();
            // Few kept words, so that they are dropped and read again as the lists go on.
            for (LinguaRules rules : List.of(model.rules(), new LinguaRules(7))) {
                List<String> vocabulary = new ArrayList<>();
                for (int i = 0; i < 300; i++) {
                    vocabulary.add(randomWord(random, telling));
                }
                for (int list = 0; list < 3_000; list++) {
                    List<String> words = new ArrayList<>();
                    int n = random.nextInt(list % 10 == 0 ? 2 : 25);
                    for (int i = 0; i < n; i++) {
                        words.add(random.nextInt(3) == 0 ? randomWord(random, telling)
                                : vocabulary.get(random.nextInt(vocabulary.size())));
                    }
                    assertSameRules(detector, rules, words, model);
                }
            }
        }
    }

    /** Lists of one script with a few words of another, as a page's menu in a text, tie and near-tie counts. */
    @Test
    void nearTiesOfScriptsAndLanguagesGetLinguasOwnRules() {
        List<String> words = List.of("hotel", "отель", "فندق", "ξενοδοχείο", "ąę", "łódź", "ñandú", "ґанок", "ўзбек",
                "ə", "ş", "ő", "ř", "中", "の", "호텔", "מלון", "já", "ü", "ß");
        Random random = new Random(16);
        for (NgramModel model : NgramModel.values()) {
            for (int list = 0; list < 5_000; list++) {
                List<String> picked = new ArrayList<>();
                int n = 1 + random.nextInt(6);
                for (int i = 0; i < n; i++) {
                    picked.add(words.get(random.nextInt(words.size())));
                }
                assertSameRules(model.detector(), model.rules(), picked, model);
            }
        }
    }

    /** The words of UDHR sentences in some 60 languages, as Lingua cleans and splits them, whole and cut short. */
    @Test
    void udhrSentencesGetLinguasOwnRules() throws IOException {
        List<String> texts = new ArrayList<>();
        for (String file : List.of("udhr/udhr-snippets.tsv", "udhr/udhr-wide.tsv")) {
            try (InputStream in = getClass().getResourceAsStream(file)) {
                new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .filter(line -> !line.startsWith("#") && line.indexOf('\t') > 0)
                        .map(line -> line.substring(line.indexOf('\t') + 1))
                        .forEach(texts::add);
            }
        }
        for (NgramModel model : NgramModel.values()) {
            LanguageDetector detector = model.detector();
            for (String text : texts) {
                List<String> words = detector.splitTextIntoWords$lingua(detector.cleanUpInputText$lingua(text));
                assertSameRules(detector, model.rules(), words, model);
                assertSameRules(detector, model.rules(), words.subList(0, Math.min(3, words.size())), model);
            }
        }
    }

    private static String randomWord(Random random, String telling) {
        StringBuilder sb = new StringBuilder();
        int length = 1 + random.nextInt(9);
        String pool = POOLS[random.nextInt(POOLS.length)];
        for (int i = 0; i < length; i++) {
            int r = random.nextInt(10);
            if (r == 0) {
                pool = POOLS[random.nextInt(POOLS.length)]; // a word of two scripts
            } else if (r == 1) {
                sb.append(telling.charAt(random.nextInt(telling.length())));
                continue;
            }
            int at = random.nextInt(pool.length());
            if (Character.isSurrogate(pool.charAt(at))) {
                at -= Character.isLowSurrogate(pool.charAt(at)) ? 1 : 0;
                sb.append(pool, at, at + 2);
            } else {
                sb.append(pool.charAt(at));
            }
        }
        return sb.toString();
    }

    private static void assertSameRules(LanguageDetector detector, LinguaRules rules, List<String> words,
                                        NgramModel model) {
        Language detected = detector.detectLanguageWithRules$lingua(words);
        List<Language> filtered = List.copyOf(detector.filterLanguagesByRules$lingua(words));
        assertEquals(detected, rules.detect(detector, words), () -> model + " detect " + words);
        assertEquals(filtered, List.copyOf(rules.filter(detector, words)), () -> model + " filter " + words);
    }
}
