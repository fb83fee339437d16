package org.tracelab.core.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.tracelab.core.extract.RandomMarkup;
import org.tracelab.core.extract.TestPages;

class MarkupLinksTest {
    /** How the links were read before the walk and the key test came first: kept as the specification. */
    private static List<MarkupLinks.Link> byAllElements(Document doc) {
        List<MarkupLinks.Link> out = new ArrayList<>();
        for (Element el : doc.getAllElements()) {
            for (Attribute a : el.attributes()) {
                String key = a.getKey().toLowerCase(Locale.ROOT);
                String value = a.getValue().strip();
                if (value.isEmpty() || !(key.equals("href") || key.startsWith("data-") && MarkupLinks.isUrl(value))) {
                    continue;
                }
                out.add(new MarkupLinks.Link(value, Math.max(0, a.sourceRange().valueRange().startPos())));
            }
        }
        return out;
    }

    @Test
    void theLinksAreWhatEveryElementsAttributesGaveOnHostilePages() {
        List<String> pages = new ArrayList<>(RandomMarkup.pages(24, 2_000, 80));
        pages.add(TestPages.adWithFurniture("+998 71 200 00 00", "Oshpaz kerak"));
        pages.add("<a HREF=' /x '>x</a><a href=''>e</a><b DATA-URL=https://t.me/a data-=tel:1 data-x=' mailto:m '"
                + " data-y=no hrefx=https://h data-href=//cdn.example/p>b</b><a href=a href=b>dup</a>"
                + "<svg><a xlink:href=https://s.example data-Href=tel:+1></a></svg>");
        for (String html : pages) {
            Document doc = Jsoup.parse(html, "", MarkupLinks.parser());
            assertEquals(byAllElements(doc), MarkupLinks.of(doc), html);
        }
    }

    @Test
    void aKeyIsADataKeyOrHrefExactlyWhenItsLowerCaseIs() {
        for (String model : List.of("data-x", "href")) {
            for (int at = 0; at < model.length(); at++) {
                for (char c = 0; c < Character.MAX_VALUE; c++) {
                    String key = model.substring(0, at) + c + model.substring(at + 1);
                    String lower = key.toLowerCase(Locale.ROOT);
                    assertEquals(lower.startsWith("data-"), MarkupLinks.isDataKey(key), key);
                    assertEquals(lower.equals("href"), key.equalsIgnoreCase("href"), key);
                }
            }
        }
    }
}
