package org.tracelab.core.lang;

import java.util.Map;

/**
 * Letters that only some of the candidate languages write, with how strongly each points at each language.
 * Central Asian Cyrillic alphabets differ mostly by a handful of extra letters, which decide faster than any
 * n-gram model trained without them.
 */
final class LetterEvidence {
    static final Map<Character, Map<String, Double>> CYRILLIC = Map.ofEntries(
            Map.entry('ў', Map.of("uz-Cyrl", 3.0)),
            Map.entry('ҳ', Map.of("uz-Cyrl", 1.5, "tg", 1.5)),
            Map.entry('қ', Map.of("uz-Cyrl", 1.0, "kk", 1.0, "tg", 1.0)),
            Map.entry('ғ', Map.of("uz-Cyrl", 1.0, "kk", 1.0, "tg", 1.0)),
            Map.entry('ә', Map.of("kk", 3.0)),
            Map.entry('ұ', Map.of("kk", 3.0)),
            Map.entry('і', Map.of("kk", 3.0)),
            Map.entry('һ', Map.of("kk", 2.0)),
            Map.entry('ң', Map.of("kk", 1.5, "ky", 1.5)),
            Map.entry('ө', Map.of("kk", 1.0, "ky", 1.5)),
            Map.entry('ү', Map.of("kk", 1.0, "ky", 1.5)),
            Map.entry('ӣ', Map.of("tg", 3.0)),
            Map.entry('ӯ', Map.of("tg", 3.0)),
            Map.entry('ҷ', Map.of("tg", 3.0)),
            Map.entry('ы', Map.of("ru", 0.3, "kk", 0.3, "ky", 0.3)),
            Map.entry('щ', Map.of("ru", 0.5)),
            Map.entry('ъ', Map.of("uz-Cyrl", 0.5, "tg", 0.5, "ru", 0.2)));

    static final Map<Character, Map<String, Double>> LATIN = Map.ofEntries(
            Map.entry('ı', Map.of("tr", 3.0)),
            Map.entry('ğ', Map.of("tr", 3.0)),
            Map.entry('ş', Map.of("tr", 3.0)),
            Map.entry('ç', Map.of("tr", 1.5)),
            Map.entry('ö', Map.of("tr", 1.5)),
            Map.entry('ü', Map.of("tr", 1.5)),
            Map.entry('q', Map.of("uz-Latn", 0.5)),
            Map.entry('x', Map.of("uz-Latn", 0.3)));

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
     * its own vowels, and English words do not end so. The participle -gan is weaker (English "began", "organ").
     */
    static final Map<String, Map<String, Double>> LATIN_ENDINGS = Map.of(
            "lari", Map.of("uz-Latn", 1.0),
            "larni", Map.of("uz-Latn", 1.0),
            "larga", Map.of("uz-Latn", 1.0),
            "larda", Map.of("uz-Latn", 1.0),
            "lardan", Map.of("uz-Latn", 1.0),
            "gan", Map.of("uz-Latn", 0.5));

    /** The longest ending either table holds. */
    static final int LONGEST_ENDING = 6;

    /** Uzbek Latin's oʻ and gʻ, once apostrophes are unified, are the strongest Latin-side signal. */
    static final double UZBEK_APOSTROPHE_LETTER = 3.0;

    /** Kyrgyz shares ң ө ү with Kazakh but writes none of these; Kazakh text rarely goes a sentence without one. */
    static final String KAZAKH_NOT_KYRGYZ = "әұіһқғ";
    static final double KYRGYZ_BY_ABSENCE = 2.0;

    private LetterEvidence() {
    }

    /** True when the text has Kyrgyz-or-Kazakh letters but none that Kyrgyz lacks. */
    static boolean kyrgyzByAbsence(String lowerCaseText) {
        boolean shared = false;
        for (int i = 0; i < lowerCaseText.length(); i++) {
            char c = lowerCaseText.charAt(i);
            if (KAZAKH_NOT_KYRGYZ.indexOf(c) >= 0) {
                return false;
            }
            shared |= c == 'ң' || c == 'ө' || c == 'ү';
        }
        return shared;
    }
}
