package org.tracelab.core.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * Main text's attempts sharing the body prepared once, copying their articles and reading the cleaning's texts from
 * one walk give what every attempt on its own copy of the body, walking each block, gave.
 */
class MainTextSharedTest {
    private static final List<String> EDGES = List.of("", "<body></body>", "<body>only text</body>",
            "<body hidden><div class=content><p>" + "Hidden body, with commas, still judged. ".repeat(4) + "</p></div>",
            "<frameset><frame src=a></frameset>", "<html><head><title>t</title></head></html>",
            "<body><pre>  a, b  </pre><code><div class=share>x</div></code></body>",
            "<body><div class=content>" + "<p>Long enough, with commas, to end the attempts at once. </p>".repeat(12)
                    + "</div></body>");

    @Test
    void sharedAttemptsGiveWhatAttemptsOnTheirOwnCopiesGave() throws IOException {
        List<String> pages = new ArrayList<>(TestPages.withShapedPages(EDGES, "+998 90 123 45 67"));
        pages.addAll(RandomMarkup.pages(23, 1_500, 80));
        pages.add(RandomMarkup.deep(200));
        pages.add(RandomMarkup.deep(400));
        pages.addAll(furnishedAds(24, 1_500));
        int nonEmpty = 0;
        for (String html : pages) {
            var before = MainText.eachOnItsOwnCopy(Jsoup.parse(html));
            assertEquals(before, MainText.of(Jsoup.parse(html)), html);
            nonEmpty += before.filter(t -> !t.isEmpty()).isPresent() ? 1 : 0;
        }
        assertTrue(nonEmpty > pages.size() / 2, "most pages have a main text: " + nonEmpty);
    }

    /**
     * Short ads (under the length that ends the attempts) wrapped in what each rule removes: unlikely and furniture
     * blocks for the first attempt, class weights for the second, link lists, forms, images and embeds for the
     * cleaning of the third, nested at random so that removals land inside blocks judged later.
     */
    static List<String> furnishedAds(long seed, int count) {
        Random random = new Random(seed);
        List<String> pages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder sb = new StringBuilder("<body>");
            block(random, sb, 0);
            pages.add(sb.append("</body>").toString());
        }
        return pages;
    }

    private static final String[] OPEN = {"<div>", "<div class=content>", "<div class=sidebar>", "<div id=main>",
        "<section>", "<div class=ad-body>", "<div class=related>", "<article>", "<div class=byline>",
        "<div class='post entry'>", "<div class=widget>", "<table><tr><td>", "<ul>", "<form>", "<div class=menu>",
        "<figure>", "<pre>", "<div role=navigation>", "<blockquote>"};
    private static final String[] CLOSE = {"</div>", "</div>", "</div>", "</div>", "</section>", "</div>", "</div>",
        "</article>", "</div>", "</div>", "</div>", "</td></tr></table>", "</ul>", "</form>", "</div>", "</figure>",
        "</pre>", "</div>", "</blockquote>"};
    private static final String[] LEAVES = {"<p>Oshpaz kerak, maosh 500$, Toshkent.</p>",
        "<p>Divan sotiladi, holati yaxshi, narxi kelishiladi, olib ketish.</p>", "<h2>Aloqa</h2>",
        "<h2 class=share>Ulashish</h2>", "<li><a href=/a>Boshqa e'lonlar</a></li>", "<li>Narxi: 310$</li>",
        "<a href=#top>Yuqoriga</a>", "<a href='https://t.me/x'>Telegram kanal, obuna bo'ling</a>", "<img src=a>",
        "<img src=b><img src=c>", "<input><input>", "<iframe src=v></iframe>", "<video></video>",
        "Telefon +998 90 123 45 67", "<p></p>", "<p><img src=d></p>", "<time>02.06.2025</time>",
        "<span class=caption>Rasm</span>", "<br>", "Loose text, beside blocks, wrapped into a paragraph. ",
        "<h3 class=comment-title>x</h3>", "<p>" + "Uzoq matn, vergullar bilan. ".repeat(3) + "</p>"};

    private static void block(Random random, StringBuilder sb, int depth) {
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            if (depth < 5 && random.nextInt(3) > 0) {
                int k = random.nextInt(OPEN.length);
                sb.append(OPEN[k]);
                block(random, sb, depth + 1);
                sb.append(CLOSE[k]);
            } else {
                sb.append(LEAVES[random.nextInt(LEAVES.length)]);
            }
        }
    }
}
