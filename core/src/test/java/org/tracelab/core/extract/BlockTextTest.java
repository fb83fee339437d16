package org.tracelab.core.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
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

    /** How {@link BlockText#of} gathered the text before it collapsed it on the way: kept as its specification. */
    private static String gatheredThenNormalised(Element root) {
        StringBuilder sb = new StringBuilder();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    sb.append(t.getWholeText());
                } else if (node instanceof Element e) {
                    if (e.nameIs("rt") || e.nameIs("rp")) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (e.isBlock() || e.nameIs("br")) {
                        sb.append('\n');
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element e && e.isBlock()) {
                    sb.append('\n');
                }
                return FilterResult.CONTINUE;
            }
        }, root);
        return BlockText.normalise(sb.toString());
    }

    @Test
    void theTextCollapsedAsItIsGatheredIsTheGatheredTextNormalised() {
        List<String> pages = new ArrayList<>(RandomMarkup.pages(20, 1_500, 80));
        pages.add(TestPages.adWithFurniture("+998 71 200 00 00", "Oshpaz kerak"));
        pages.add(RandomMarkup.deep(400));
        pages.add("<body>\u2003 <p> \n </p>\u00A0<ruby>漢<rt>kan</rt><rp>(</rp></ruby>\u2003</body>");
        for (String html : pages) {
            Document doc = Jsoup.parse(html);
            for (Element e : doc.getAllElements()) {
                assertEquals(gatheredThenNormalised(e), BlockText.of(e), () -> "<" + e.tagName() + "> of " + html);
            }
        }
    }
}
