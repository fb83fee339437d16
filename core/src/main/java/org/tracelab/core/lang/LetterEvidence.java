package org.tracelab.core.lang;

import java.util.Map;

/**
 * Letters that only some of the candidate languages write, with how strongly each points at each language.
 * Central Asian Cyrillic alphabets differ mostly by a handful of extra letters, which decide faster than any
 * n-gram model trained without them (Lingua has no Uzbek, Kyrgyz, Tajik or Turkmen model).
 *
 * <p>On the Cyrillic side {@code ru} stands for every Slavic language: letters of Ukrainian, Belarusian, Serbian and
 * Macedonian count for it, so such a text goes to the n-gram model, which tells those languages apart.
 */
final class LetterEvidence {
    static final Map<Character, Map<String, Double>> CYRILLIC = Map.ofEntries(
            // Belarusian writes ў as often as Uzbek, always beside і, which Uzbek lacks.
            Map.entry('ў', Map.of("uz-Cyrl", 3.0, "ru", 1.0)),
            Map.entry('ҳ', Map.of("uz-Cyrl", 1.5, "tg", 1.5)),
            Map.entry('қ', Map.of("uz-Cyrl", 1.0, "kk", 1.0, "tg", 1.0)),
            Map.entry('ғ', Map.of("uz-Cyrl", 1.0, "kk", 1.0, "tg", 1.0)),
            Map.entry('ә', Map.of("kk", 3.0)),
            Map.entry('ұ', Map.of("kk", 3.0)),
            // Kazakh's і is Ukrainian's and Belarusian's too; the Slavic reading wins unless Kazakh letters join it.
            Map.entry('і', Map.of("kk", 1.5, "ru", 2.0)),
            Map.entry('ї', Map.of("ru", 3.0)),
            Map.entry('є', Map.of("ru", 3.0)),
            Map.entry('ґ', Map.of("ru", 3.0)),
            Map.entry('ђ', Map.of("ru", 3.0)),
            Map.entry('ћ', Map.of("ru", 3.0)),
            Map.entry('џ', Map.of("ru", 3.0)),
            Map.entry('љ', Map.of("ru", 3.0)),
            Map.entry('њ', Map.of("ru", 3.0)),
            Map.entry('ј', Map.of("ru", 3.0)),
            Map.entry('ѓ', Map.of("ru", 3.0)),
            Map.entry('ќ', Map.of("ru", 3.0)),
            Map.entry('ѕ', Map.of("ru", 3.0)),
            Map.entry('һ', Map.of("kk", 2.0)),
            Map.entry('ң', Map.of("kk", 1.5, "ky", 1.5)),
            Map.entry('ө', Map.of("kk", 1.0, "ky", 1.5)),
            Map.entry('ү', Map.of("kk", 1.0, "ky", 1.5)),
            Map.entry('ӣ', Map.of("tg", 3.0)),
            Map.entry('ӯ', Map.of("tg", 3.0)),
            Map.entry('ҷ', Map.of("tg", 3.0)),
            Map.entry('ы', Map.of("ru", 0.3, "kk", 0.3, "ky", 0.3)),
            Map.entry('щ', Map.of("ru", 0.5)),
            // Uzbek and Tajik write ъ only as a glottal stop in Arabic loans; Bulgarian writes it in every sentence.
            Map.entry('ъ', Map.of("ru", 0.5)));

    static final Map<Character, Map<String, Double>> LATIN = Map.ofEntries(
            Map.entry('ı', Map.of("tr", 3.0)),
            Map.entry('ğ', Map.of("tr", 3.0)),
            Map.entry('ş', Map.of("tr", 3.0)),
            Map.entry('ç', Map.of("tr", 1.5)),
            Map.entry('ö', Map.of("tr", 1.5)),
            Map.entry('ü', Map.of("tr", 1.5)));

    /**
     * Letters Uzbek Latin writes often, but so do Spanish, Quechua, Xhosa and Somali: they make the case for Uzbek
     * only beside Uzbek words.
     */
    static final Map<Character, Map<String, Double>> LATIN_WEAK = Map.of(
            'q', Map.of("uz-Latn", 0.5),
            'x', Map.of("uz-Latn", 0.3));

    /**
     * Word endings of one candidate's grammar, for short texts whose letters are shared (ҳ қ ғ in both Uzbek and
     * Tajik, Kyrgyz without ң ө ү): Uzbek's genitive -нинг (Kazakh and Kyrgyz write -ның/-нин, Russian never ends so),
     * Kyrgyz's genitive -дын/-нын/-тын/-дун/-нун (Kazakh writes ң there), Tajik's plural -ҳо/-ҳои and its verb
     * endings -ад/-анд (мешавад, бошад, мекунанд), weak because a few Russian nouns end so.
     */
    static final Map<String, Map<String, Double>> CYRILLIC_ENDINGS = Map.ofEntries(
            Map.entry("нинг", Map.of("uz-Cyrl", 1.0)),
            Map.entry("дын", Map.of("ky", 1.0)),
            Map.entry("нын", Map.of("ky", 1.0)),
            Map.entry("тын", Map.of("ky", 1.0)),
            Map.entry("дун", Map.of("ky", 1.0)),
            Map.entry("нун", Map.of("ky", 1.0)),
            Map.entry("ҳо", Map.of("tg", 1.0)),
            Map.entry("ҳои", Map.of("tg", 1.0)),
            Map.entry("ад", Map.of("tg", 0.5)),
            Map.entry("анд", Map.of("tg", 0.5)));

    /**
     * Uzbek Latin's plural with a case ending (-lari, -larni, -larga, -larda, -lardan): Turkish writes -ları/-leri with
     * its own vowels, and English words do not end so.
     */
    static final Map<String, Map<String, Double>> LATIN_ENDINGS = Map.of(
            "lari", Map.of("uz-Latn", 1.0),
            "larni", Map.of("uz-Latn", 1.0),
            "larga", Map.of("uz-Latn", 1.0),
            "larda", Map.of("uz-Latn", 1.0),
            "lardan", Map.of("uz-Latn", 1.0),
            // The genitive -ning (davlatning, insonning), half weight: Turkish writes -nin/-nın, but English has "meaning"
            // and "governing"; Swedish "ordning" is ruled out by its å ä ö.
            "ning", Map.of("uz-Latn", 0.5));

    /** Above this share of Latin letters with diacritics (é, ë, ā, ß…), a text is not Uzbek, which writes none. */
    static final double MAX_UZBEK_DIACRITICS = 0.01;

    /** Uzbek's participle -gan, which only adds: Indonesian's "dengan" and English's "began" end so too. */
    static final Map<String, Map<String, Double>> LATIN_WEAK_ENDINGS = Map.of("gan", Map.of("uz-Latn", 0.5));

    /** The longest ending either table holds. */
    static final int LONGEST_ENDING = 6;

    /** Uzbek Latin's oʻ and gʻ, once apostrophes are unified, are the strongest Latin-side signal. */
    static final double UZBEK_APOSTROPHE_LETTER = 3.0;

    /** Kyrgyz shares ң ө ү with Kazakh but writes none of these; Kazakh text rarely goes a sentence without one. */
    static final String KAZAKH_NOT_KYRGYZ = "әұіһқғ";
    static final double KYRGYZ_BY_ABSENCE = 2.0;

    /**
     * Every Cyrillic letter of the languages Tracelab tells apart (Russian, Ukrainian, Belarusian, Bulgarian, Serbian,
     * Macedonian, Kazakh, Kyrgyz, Tajik, Uzbek, Mongolian); a text with many others (Tatar җ, Bashkir ҙ, Chuvash ӑ…)
     * is in a language none of them is.
     */
    static final String KNOWN_CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя" + "іїєґў" + "ђћџљњјѓќѕ"
            + "әғқңөұүһ" + "ҳӣӯҷ";
    /** Every Arabic-script letter of Arabic, Persian and Urdu, with their common variants and marks. */
    static final String KNOWN_ARABIC = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىيًٌٍَُِّْٰٓٔ"
            + "پچژکگی" + "ٹڈڑںےۓھہۂ" + "ـ";
    /** Every Latin letter of the Latin-script languages the identifier names, Uzbek and Turkmen included. */
    static final String KNOWN_LATIN = "abcdefghijklmnopqrstuvwxyz" + "ªºßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ"
            + "āăąćčďđēėęěğģīįıķĺļľłńņňőœŕřśşšţťūůűųźżžșțə";
    /** Hebrew's letters and points; Yiddish's ligatures װ ױ ײ are not among them. */
    static final String KNOWN_HEBREW = range('\u05B0', '\u05EA');
    /** Above this share of letters from outside the known alphabet, the text is in some other language. */
    static final double MAX_FOREIGN_LETTERS = 0.003;

    private LetterEvidence() {
    }

    private static String range(char first, char last) {
        StringBuilder sb = new StringBuilder();
        for (char c = first; c <= last; c++) {
            sb.append(c);
        }
        return sb.toString();
    }

    /** Above this share of х among Cyrillic letters, without ң, a text is Mongolian rather than Kyrgyz. */
    static final double MONGOLIAN_KHA_SHARE = 0.01;

    /**
     * True when the text writes х often and ң never: Mongolian shares ө and ү with Kyrgyz, but Kyrgyz writes х only in
     * loans and ң in most sentences, while х is among Mongolian's commonest letters (хүн, эрх).
     */
    static boolean mongolianNotKyrgyz(String lowerCaseText) {
        int cyrillic = 0;
        int kha = 0;
        for (int i = 0; i < lowerCaseText.length(); i++) {
            char c = lowerCaseText.charAt(i);
            if (c == 'ң') {
                return false;
            }
            if (Character.isLetter(c) && Scripts.of(c) == Character.UnicodeScript.CYRILLIC) {
                cyrillic++;
                kha += c == 'х' ? 1 : 0;
            }
        }
        return kha > MONGOLIAN_KHA_SHARE * cyrillic;
    }
}
