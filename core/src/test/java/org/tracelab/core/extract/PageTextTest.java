package org.tracelab.core.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class PageTextTest {
    /** Markup that makes jsoup's text() decide something at every turn: blocks, br, pre, entities, CDATA-less XML bits. */
    private static final List<String> PAGES = List.of(
            "<html><body><div class=ad><h1> Oshpaz  kerak </h1>Maosh<br>500$<p>Tel:<b> 90</b>000 00 00</p>"
                    + "<ul><li>a</li><li> b </li></ul>tail <span>inline</span><div>after</div></div></body></html>",
            "<body><pre>  keep\n  these   spaces \n</pre> and <code>x  y</code><pre><b> nested  pre </b></pre></body>",
            "<body>\u00A0 lead&nbsp;&nbsp;nbsp\u200B zero width <p>\t\n</p><p></p><img src=x> <table><tr><td>c1</td>"
                    + "<td> c2 </td></tr></table><textarea> t  a </textarea><svg><title>s</title></svg></body>",
            "<body><div><div><div><p>deep</p></div>text<span> </span><i>i</i></div> <br> </div>"
                    + "<b>unclosed<div>block in inline</div>rest</b>   end  </body>");

    @Test
    void everyElementsTextIsWhatJsoupGivesForIt() {
        for (String html : PAGES) {
            Document doc = Jsoup.parse(html);
            for (Element root : List.of(doc, doc.body())) {
                PageText texts = PageText.of(root);
                for (Element e : root.getAllElements()) {
                    assertEquals(e.text(), texts.text(e), () -> "<" + e.tagName() + "> of " + html);
                    assertEquals(e.text().length(), texts.length(e), () -> "<" + e.tagName() + "> of " + html);
                }
            }
        }
    }

    @Test
    void anElementOutsideTheWalkedTreeIsNotAnswered() {
        Document doc = Jsoup.parse("<body><p>one</p></body>");
        PageText texts = PageText.of(doc.body());
        assertEquals(null, texts.text(new Element("p")));
        assertEquals(-1, texts.length(new Element("p")));
    }

    /** The fixed and shaped pages, 1,500 random ones from {@code seed} and one nested 400 deep. */
    private static List<String> realAndHostile(long seed) throws IOException {
        List<String> pages = new ArrayList<>(TestPages.withShapedPages(PAGES, "+998 71 200 00 00"));
        pages.addAll(RandomMarkup.pages(seed, 1_500, 80));
        pages.add(RandomMarkup.deep(400));
        return pages;
    }

    @Test
    void elementTextIsJsoupsTextOfEveryElementOfRealAndHostilePages() throws IOException {
        for (String html : realAndHostile(18)) {
            Document doc = Jsoup.parse(html);
            for (Element e : doc.getAllElements()) {
                assertEquals(e.text(), PageText.elementText(e), () -> "<" + e.tagName() + "> of " + html);
            }
        }
    }

    @Test
    void oneWalksElementTextsAreEachElementsOwn() throws IOException {
        for (String html : realAndHostile(19)) {
            Document doc = Jsoup.parse(html);
            // From the document, and from an element inside it whose text runs on after it.
            List<Element> roots = new ArrayList<>(List.of(doc));
            doc.getAllElements().stream().filter(e -> e.childNodeSize() > 0).skip(3).findFirst().ifPresent(roots::add);
            for (Element root : roots) {
                PageText texts = PageText.elementTexts(root);
                for (Element e : root.getAllElements()) {
                    String expected = PageText.elementText(e);
                    assertEquals(expected, texts.text(e), () -> "<" + e.tagName() + "> of " + html);
                    assertEquals(expected.length(), texts.length(e), () -> "<" + e.tagName() + "> of " + html);
                }
            }
        }
    }

    @Test
    void blankRunsCollapseAsJsoupCollapsesThem() {
        char[] alphabet = {' ', '\t', '\n', '\f', '\r', '\u000B', '\u00A0', '\u200B', '\u00AD', '\u2003', 'a', 'ы',
            '\uD83D', '\uDE00', '.'};
        Random random = new Random(18);
        for (int i = 0; i < 30_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = random.nextInt(20); n > 0; n--) {
                sb.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String text = sb.toString();
            String before = random.nextBoolean() ? "" : "x ";
            boolean stripLeading = random.nextBoolean();
            StringBuilder jsoup = new StringBuilder(before);
            StringUtil.appendNormalisedWhitespace(jsoup, text, stripLeading);
            StringBuilder ours = new StringBuilder(before);
            PageText.appendCollapsed(ours, text, stripLeading);
            assertEquals(jsoup.toString(), ours.toString(),
                    () -> "for " + text.chars().boxed().toList() + ", strip leading " + stripLeading);
        }
    }
}
