package org.tracelab.core.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
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
    };

    static Stream<String> texts() {
        List<String> all = new ArrayList<>(List.of(EDGES));
        List<String> ads = EntityExtractorThroughput.corpus(300, 20261206L);
        all.addAll(ads.stream().map(t -> t.replace(". ", ".\n")).toList());
        all.addAll(ads.stream().map(PhoneLinesTest::asRecord).toList()); // as an ad's record holds them
        all.addAll(ads.stream().map(t -> t.replace(' ', '"')).toList()); // quotes where spaces were
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

    @ParameterizedTest
    @MethodSource("texts")
    void matchesReadPieceByPieceAreThoseOfTheWholeText(String text) {
        List<String> whole = new ArrayList<>();
        for (PhoneNumberMatch m : PhoneNumberUtil.getInstance().findNumbers(text, "UZ",
                PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
            whole.add(m.start() + "-" + m.end() + " " + m.rawString() + " " + m.number());
        }
        for (int round = 0; round < 2; round++) { // the second time from the lines kept
            List<String> byLine = new ArrayList<>();
            for (PhoneFinder.Match m : finder.libphonenumberMatches(text)) {
                byLine.add(m.start() + "-" + m.end() + " " + m.raw() + " " + m.number());
            }
            assertEquals(whole, byLine, () -> "\"" + text + "\"");
        }
    }
}
