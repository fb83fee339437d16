package org.tracelab.core.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class BlockTextTest {
    /** The two replacements normalise stood for before it became one pass, kept here as its specification. */
    private static String byPatterns(String text) {
        String blanks = Pattern.compile("[ \\t\\x0B\\f\\r\\u00A0]+").matcher(text).replaceAll(" ");
        return Pattern.compile(" ?\\n[ \\n]*").matcher(blanks).replaceAll("\n").strip();
    }

    @Test
    void normaliseCollapsesBlankRunsToASpaceAndRunsWithALineBreakToOneBreak() {
        assertEquals("Oshpaz kerak\nMaosh 500$", BlockText.normalise(" \t Oshpaz \u00A0 kerak \r\n \n\t Maosh  500$ \n"));
    }

    @Test
    void normaliseGivesWhatTheTwoPatternsGaveOnRandomMixesOfBlanksBreaksAndLetters() {
        char[] alphabet = {' ', '\t', '\u000B', '\f', '\r', '\u00A0', '\n', 'a', 'ы', '\u2003', '.'};
        Random random = new Random(16);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = random.nextInt(24); n > 0; n--) {
                sb.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String text = sb.toString();
            assertEquals(byPatterns(text), BlockText.normalise(text), () -> "for " + text.chars().boxed().toList());
        }
    }

    @Test
    void mainTextCountsTheCommasOfEveryScriptThatWritesThem() {
        assertEquals(5, MainText.commas("a, b، c﹐ d，e,"));
        assertEquals(0, MainText.commas("no commas here."));
    }

    @Test
    void aShortPageKeepsItsTextWhetherOrNotTheRulesItRelaxesHadAnythingToRemove() {
        // Fictitious ads, shorter than a run needs to stand: every attempt runs where a rule removed something.
        String plain = "<html><body><div><p>Oshpaz kerak, Toshkent. Maosh 500$, turar joy bor.</p></div></body></html>";
        String furnished = "<html><body><div class=footer-menu><a href=/a>Bosh sahifa</a></div>"
                + "<div><p>Oshpaz kerak, Toshkent. Maosh 500$, turar joy bor.</p></div></body></html>";
        assertEquals("Oshpaz kerak, Toshkent. Maosh 500$, turar joy bor.", MainText.of(Jsoup.parse(plain)).orElseThrow());
        assertEquals("Oshpaz kerak, Toshkent. Maosh 500$, turar joy bor.",
                MainText.of(Jsoup.parse(furnished)).orElseThrow());
    }
}
