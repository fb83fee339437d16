package org.tracelab.core.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The phone finder reads libphonenumber's matches piece by piece (a piece ends at a line break or a double quote) and
 * keeps a piece's; this holds them to what {@code findNumbers} gives over the whole text, on generated ads
 * (fictitious), as lines and as JSON records, and on pieces made to sit on the checks libphonenumber makes around a
 * match: letters, currency signs, a time's minutes and brackets at a line break or a quote.
 */
class PhoneLinesTest {

    private static final String[] EDGES = {
        "", "\n", "\n\n", "90 123 45 67", "Tel:\n90 123 45 67", "90 123 45 67\nso'm", "a\n90 123 45 67\nb",
        "x90 123 45 67\n", "90 123 45 67x\n", "$\n90 123 45 67\n€", "%\n90 123 45 67\n%", "2024-05-01 12\n:30",
        "2024-05-01 12\n2024-05-01 12:30", "(90\n) 123 45 67", "+998\n90 123 45 67", "+998 90 123 45 67\r\n",
        "8 (901) 234-56-78 доб\n123", "90 123 45 67 ext\n12", "𝟗𝟎 𝟏𝟐𝟑 𝟒𝟓 𝟔𝟕\n٩٠١٢٣٤٥٦٧", "12/05/2024\n90 123 45 67",
        "+7 701 123 45 67\n+7 701 123 45 67\n+7 701 123 45 67", "тел.\u00A090\u00A0123\u00A045\u00A067\n",
        "\"", "\"\"", "\"90 123 45 67\"", "x\"90 123 45 67\"x", "90 123 45 67\"so'm", "$\"90 123 45 67\"€",
        "%\"90 123 45 67\"%", "2024-05-01 12\":30", "(90\") 123 45 67", "+998\"90 123 45 67", "90 123 45 67 ext\"12",
        "90 123 45 67 доб\"123", "90 123 45 67\\\"", "12/05\"/2024 90 123 45 67", "+998 90 123 45 67\"\n\"90 123 45 67",
        "{\"contact\":\"Тел: +998 90 123 45 67\",\"price\":\"$3 200\",\"posted\":\"2025-06-01T05:14:00Z\"}",
        "{\"photos\":[\"http://127.0.0.1:35041/media/ad000042-1.jpg\"],\"contact\":\"WhatsApp: 998 88 555 00 09\"}",
        // window edges (letters no match holds) beside numbers, extensions and the checks around a match
        "Narxi 1 500 000 so'm, tel 90 123 45 67", "b90 123 45 67b", "тел90 123 45 67м", "Цена 1 200 000 сум тел 90 123 45 67",
        "90 123 45 67 доб 123", "90 123 45 67 дом 12", "90 123 45 67 ext. 12b", "90 123 45 67 extension 3 b",
        "90 123 45 67 anexo 7", "90 123 45 67 int 5", "90 123 45 67 İnt 5", "90 123 45 67 ſ 5", "90 123 45 67 x 5y",
        "+998 90 123 45 67 ;ext=44r", "2024-05-01 12м:30", "2024-05-01 12:30м", "м2024-05-01 12:30", "k$90 123 45 67%k",
        "z(90) 123 45 67z", "ш+998 (90) 123-45-67ш", "к8 (901) 234-56-78к", "ДОБ 90 123 45 67", "qwerty90 123 45 67",
        "Tel 90 123 45 67 yoki 91 234 56 78 ga", "Ж +7 701 123 45 67 Ж +7 701 123 45 67", "90 123 45 б67",
        "12/05/2024 w 90 123 45 67", "Б90 123 45 67Б", "О90 123 45 67О", "Д90 123 45 67Д",
    };

    /** Pieces of letters, digits and the chars around numbers, at random, with numbers written in their midst. */
    static List<String> randomTexts(int count, long seed) {
        String[] parts = {"90 123 45 67", "+998 90 123 45 67", "8 (901) 234-56-78", "+7 701 123 45 67", "(90) 1234567",
            "998901234567", "1 500 000", "2024-05-01", "12:30", "02.06.2025 08:45", "2025-06-02T08:45:00Z", "28.12.2025 18",
            "8.06.2025", "00", " ", " ", "-", "(", ")", "+", "/", ".", ",", ":", "%",
            "$", "€", "#", "~", ";", "=", "x", "X", "e", "E", "t", "n", "s", "i", "o", "a", "ext", "int", "доб", "anexo",
            "b", "k", "z", "м", "ш", "Д", "о", "б", "ſ", "İ", "ı", "ｘ", "٩٠", "\u00A0", "\u200B", "so'm", "tel", "сум"};
        java.util.Random random = new java.util.Random(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder b = new StringBuilder();
            int n = 2 + random.nextInt(14);
            for (int k = 0; k < n; k++) {
                b.append(parts[random.nextInt(parts.length)]);
            }
            out.add(b.toString());
        }
        return out;
    }

    static Stream<String> texts() {
        List<String> all = new ArrayList<>(List.of(EDGES));
        List<String> ads = EntityExtractorThroughput.corpus(300, 20261206L);
        all.addAll(ads.stream().map(t -> t.replace(". ", ".\n")).toList());
        all.addAll(ads.stream().map(PhoneLinesTest::asRecord).toList()); // as an ad's record holds them
        all.addAll(ads.stream().map(t -> t.replace(' ', '"')).toList()); // quotes where spaces were
        all.addAll(randomTexts(3_000, 20261207L));
        all.add(String.join("\n", EDGES));
        all.add(String.join("", EDGES));
        return all.stream();
    }

    /** An ad's text as a JSON record of the ads collector holds it: its sentences as fields, on one line. */
    private static String asRecord(String ad) {
        String[] sentences = ad.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").split("\\. ");
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < sentences.length; i++) {
            b.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":\"").append(sentences[i]).append('"');
        }
        return b.append('}').toString();
    }

    private final PhoneFinder finder = new PhoneFinder("UZ", new Deobfuscator());

    @Test
    void everyWindowEdgeStandsBesideAndInsideNumbersAsInTheWholeText() {
        int edges = 0;
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            if (!PhoneFinder.windowEdge(c)) {
                continue;
            }
            edges++;
            for (String text : List.of("90 123 45 67" + c + "12", c + "90 123 45 67" + c, "90 123 45 67 " + c + "xt 12",
                    "90 123 45 67 e" + c + "t 12", "+998 90" + c + " 123 45 67", "2024-05-01 12" + c + ":30",
                    "90 123 45 67 ;" + c + "xt=4", "(90" + c + ") 123 45 67")) {
                assertEquals(whole(text), windowed(text), () -> "\"" + text + "\"");
            }
        }
        assertEquals(2 * 17 + 2 * 29, edges, "17 Latin letters and 29 Cyrillic, in both cases");
        for (char notEdge : "aeinostxAEINOSTXдобДОБſİı0+( ".toCharArray()) {
            assertFalse(PhoneFinder.windowEdge(notEdge), () -> "'" + notEdge + "' may stand in a match");
        }
    }

    private static List<String> whole(String text) {
        List<String> out = new ArrayList<>();
        for (PhoneNumberMatch m : PhoneNumberUtil.getInstance().findNumbers(text, "UZ",
                PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
            out.add(m.start() + "-" + m.end() + " " + m.rawString() + " " + m.number());
        }
        return out;
    }

    private List<String> windowed(String text) {
        List<String> out = new ArrayList<>();
        for (PhoneFinder.Match m : finder.libphonenumberMatches(text)) {
            out.add(m.start() + "-" + m.end() + " " + m.raw() + " " + m.number());
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("texts")
    void matchesReadPieceByPieceAreThoseOfTheWholeText(String text) {
        List<String> whole = whole(text);
        for (int round = 0; round < 2; round++) { // the second time from the lines kept
            assertEquals(whole, windowed(text), () -> "\"" + text + "\"");
        }
    }
}
