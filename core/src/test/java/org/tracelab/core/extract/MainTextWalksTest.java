package org.tracelab.core.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
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
                    assertEquals(root.selectFirst(query), MainText.first(root, query), q);
                }
                for (String tag : List.of("a", "div", "ul", "table", "form", "section", "p")) {
                    assertEquals(root.getElementsByTag(tag), MainText.byTag(root, tag), tag);
                }
            }
        }
    }

    @Test
    void walksFindWhatJsoupsQueriesFindInHostileMarkup() {
        for (String html : RandomMarkup.pages(21, 120, 40)) {
            Document doc = Jsoup.parse(html);
            for (Element root : List.of(doc, doc.body())) {
                for (String q : QUERIES) {
                    Evaluator query = QueryParser.parse(q);
                    assertEquals(root.select(query), MainText.select(root, query), () -> q + " in " + html);
                    assertEquals(root.selectFirst(query), MainText.first(root, query), () -> q + " in " + html);
                }
                assertEquals(root.getElementsByTag("title"), MainText.byTag(root, "title"), html);
            }
        }
    }

    @Test
    void treeQuestionsAskedWithoutListsAreAnsweredAsJsoupsListsAnswerThem() {
        List<String> pages = new ArrayList<>(PAGES);
        pages.addAll(RandomMarkup.pages(24, 600, 80));
        List<String> cleaned = List.of("form", "fieldset", "table", "ul", "ol", "div", "section");
        for (String html : pages) {
            Document doc = Jsoup.parse(html);
            List<Element> all = doc.getAllElements();
            for (Element e : all) {
                assertEquals(e.childrenSize() == 1, MainText.onlyChild(e), () -> e.tagName() + " in " + html);
                List<Element> parents = e.parents();
                for (Element a : all) {
                    assertEquals(parents.contains(a), MainText.isAncestor(a, e), () -> a.tagName() + " over "
                            + e.tagName() + " in " + html);
                }
            }
            for (Element root : doc.body() == null ? List.of(doc) : List.of(doc, doc.body())) {
                List<List<Element>> byTags = MainText.byTags(root, cleaned);
                for (int i = 0; i < cleaned.size(); i++) {
                    assertEquals(MainText.byTag(root, cleaned.get(i)), byTags.get(i), cleaned.get(i) + " in " + html);
                }
            }
        }
    }

    /** What main text removed before its walk, a query and its removals after another, kept as its specification. */
    private static void removedByFourQueries(Element body) {
        Pattern hiddenStyle = Pattern.compile("display\\s*:\\s*none|visibility\\s*:\\s*hidden");
        for (String q : List.of("script, style, noscript, template, iframe, svg, canvas, object, embed, button, input,"
                + " select, textarea, nav, aside, footer, dialog, link, meta, head", "figcaption")) {
            for (Element e : body.select(q)) {
                e.remove();
            }
        }
        for (Element e : body.select("[hidden], [aria-hidden=true], [style]")) {
            if (e.hasAttr("hidden") || e.attr("aria-hidden").equals("true")
                    || hiddenStyle.matcher(MainText.asciiLower(e.attr("style"))).find()) {
                e.remove();
            }
        }
        for (Element e : body.select("[class], [id]")) {
            if (e.parent() != null && MainText.hint(e, MainText.IS_NEVER)) {
                e.remove();
            }
        }
    }

    @Test
    void oneWalkRemovesWhatTheFourQueriesRemoved() {
        List<String> pages = new ArrayList<>(PAGES);
        pages.addAll(RandomMarkup.pages(22, 1_500, 80));
        pages.add("<body class=comment><p>a</p><div class=share><p>b</p></div><p>c</p></body>");
        pages.add("<body style='display:none'><p class=comment>a</p><p hidden>b</p><p>c</p></body>");
        pages.add("<frameset hidden><frame><noframes><p>n</p></noframes></frameset>");
        pages.add("<body><figure><figcaption class=x><p hidden>h</p></figcaption></figure><p aria-hidden=TRUE>t</p>"
                + "<p style='COLOR: RED; DISPLAY :  NONE'>s</p><template><p>t</p></template></body>");
        for (String html : pages) {
            Document before = Jsoup.parse(html);
            Document after = Jsoup.parse(html);
            Element bodyBefore = before.body();
            Element bodyAfter = after.body();
            if (bodyBefore == null) {
                continue;
            }
            removedByFourQueries(bodyBefore);
            MainText.removeNeverText(bodyAfter);
            assertEquals(bodyBefore.outerHtml(), bodyAfter.outerHtml(), html);
            assertEquals(bodyBefore.parent() == null, bodyAfter.parent() == null, html);
            assertEquals(before.outerHtml(), after.outerHtml(), html);
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
                    assertEquals(joined, (MainText.hints(e) & bit) != 0, () -> "class '" + cls + "', id '" + id + "'");
                }
            }
        }
    }
}
