package org.tracelab.core.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.junit.jupiter.api.Test;

/** Main text's own walks and hint look-ups give what jsoup's queries and the joined class-and-id string gave. */
class MainTextWalksTest {
    /** Fictitious pages with every kind of element and attribute the scoring asks about. */
    private static final List<String> PAGES = List.of(
            TestPages.adWithFurniture("+998 90 123 45 67", "Oshpaz kerak"),
            "<body><div id=main class='content hid'><h1>T</h1><figure><img src=a><figcaption>c</figcaption></figure>"
                    + "<p hidden>h</p><p aria-hidden=true>a</p><p style='display: none'>n</p><ul><li><a href=#x>x</a>"
                    + "</li><li><a href=/y>y</a></li></ul><table><tr><td><form><input><select></select></form></td>"
                    + "</tr></table><iframe></iframe><video></video><object></object><embed><h2>s</h2><h3>t</h3>"
                    + "<section><h4>u</h4><h5>v</h5><h6>w</h6><picture></picture></section></div>"
                    + "<nav><a href=/n>n</a></nav><aside>side</aside><footer>f</footer><script>s</script>"
                    + "<div><div><p>deep <b>bold</b></p></div></div></body>");
    private static final List<String> QUERIES = List.of("script, style, noscript, template, iframe, svg, canvas",
            "figcaption", "[class], [id]", "[hidden], [aria-hidden=true], [style]", "img, picture, video",
            "object, embed, iframe, video", "h1, h2, h3, h4, h5, h6", "h1, h2, h3", "p", "*");

    @Test
    void walksFindWhatJsoupsQueriesFind() {
        for (String html : PAGES) {
            Document doc = Jsoup.parse(html);
            for (Element root : doc.getAllElements()) {
                for (String q : QUERIES) {
                    Evaluator query = QueryParser.parse(q);
                    assertEquals(root.select(query), MainText.select(root, query), () -> q + " in " + root.tagName());
                    assertEquals(!root.select(query).isEmpty(), MainText.has(root, query), q);
                }
                for (String tag : List.of("a", "div", "ul", "table", "form", "section", "p")) {
                    assertEquals(root.getElementsByTag(tag), MainText.byTag(root, tag), tag);
                }
            }
        }
    }

    @Test
    void classAndIdAreHintedAsTheirJoinedStringWas() {
        List<String> names = List.of("", "ad", "ad006291", "x hid", "hid", "comment-7", "share", "Share-Bar",
                "sidebar main", "-ad-", "ad-", "-ad", "article-body", "cookie consent", "author", "related posts",
                "menu", "a b c", "similar", "footer");
        int[] bits = {MainText.IS_UNLIKELY, MainText.IS_MAYBE_CANDIDATE, MainText.IS_FURNITURE, MainText.IS_NEVER};
        for (String cls : names) {
            for (String id : names) {
                Element e = new Element("div");
                if (!cls.isEmpty()) {
                    e.attr("class", cls);
                }
                if (!id.isEmpty()) {
                    e.attr("id", id);
                }
                for (int bit : bits) {
                    boolean joined = (MainText.hintBits(e.className() + " " + e.id()) & bit) != 0;
                    assertEquals(joined, MainText.hint(e, bit), () -> "class '" + cls + "', id '" + id + "'");
                }
            }
        }
    }
}
