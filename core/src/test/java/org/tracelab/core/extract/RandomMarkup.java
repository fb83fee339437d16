package org.tracelab.core.extract;

import java.util.List;
import java.util.Random;

/**
 * Hostile markup for the tests that hold a fast path to the old one: random runs of the tags, attributes, blanks and
 * character references that the text and main-text rules decide on, left unclosed, closed out of order, nested in
 * tables, templates, foreign content and framesets, with hidden and furniture hints, so that jsoup's tree builder
 * moves, wraps and reconstructs elements as it does on broken pages.
 */
public final class RandomMarkup {
    private static final String[] TAGS = {"div", "p", "span", "b", "i", "a", "br", "pre", "code", "td", "th", "tr",
        "table", "li", "ul", "ol", "ruby", "rt", "rp", "template", "script", "style", "noscript", "frameset",
        "frame", "svg", "math", "title", "textarea", "select", "option", "img", "figure", "figcaption", "nav",
        "header", "footer", "section", "article", "main", "h1", "h2", "h3", "h6", "form", "input", "button", "time",
        "iframe", "video", "object", "embed", "dl", "dd", "dt", "blockquote", "body", "html", "head", "meta", "wbr",
        "textpath", "plaintext", "xmp", "listing", "custom-el", "font", "center", "details", "summary", "q"};
    private static final String[] ATTRIBUTES = {"class=comment", "class='share-bar'", "class=\"ad-body content\"",
        "class=menu", "class=similar", "class=caption", "class=footer", "id=main", "id=cookie-consent",
        "class=Hidden", "hidden", "aria-hidden=true", "aria-hidden=TRUE", "style='display: none'",
        "style=\"VISIBILITY:hidden\"", "style=color:red", "role=navigation", "itemprop=articleBody",
        "href=#top", "href='https://t.me/x'", "data-href=tel:+998901112233", "name=author content='A. Author'",
        "property=og:title content='OG title'", "name=og:title", "content=\"  \"", "lang=ru", "class", "id",
        "x=" + "y".repeat(300), "class='a b  c'"};
    private static final String[] TEXTS = {" ", "  ", "\n", "\t", "\r\n", "\f", "\u000B", "&nbsp;", "\u00A0",
        "&#8203;", "\u200B", "&shy;", "\u00AD", "Oshpaz kerak", "Maosh, 500$,", "Тел.: 90 123 45 67.", "ы",
        "\uD83D\uDE00", "\uD83D", "a, b, c, d, e, f, g, h, i, j, k", "\u2003", "&lt;b&gt;", "&amp", "<!-- c -->",
        "<![CDATA[ x  y ]]>", "<!DOCTYPE html>", "</", "<", ">", "&", "\"", "'", "=", "word ".repeat(40),
        "Ko'chib ketyapman, kulrang uch o'rinli divanni sotaman. ", "2.", "x"};

    private RandomMarkup() {
    }

    /** {@code count} pages from {@code seed}, each up to {@code maxTokens} tokens long. */
    public static List<String> pages(long seed, int count, int maxTokens) {
        Random random = new Random(seed);
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> page(random, maxTokens)).toList();
    }

    private static String page(Random random, int maxTokens) {
        StringBuilder sb = new StringBuilder(random.nextBoolean() ? "<html><head><title> T  t </title></head><body>"
                : "");
        for (int n = random.nextInt(maxTokens); n > 0; n--) {
            int kind = random.nextInt(10);
            String tag = TAGS[random.nextInt(TAGS.length)];
            if (kind < 3) {
                sb.append('<').append(tag);
                for (int a = random.nextInt(3); a > 0; a--) {
                    sb.append(' ').append(ATTRIBUTES[random.nextInt(ATTRIBUTES.length)]);
                }
                sb.append(random.nextInt(8) == 0 ? "/>" : ">");
            } else if (kind < 5) {
                sb.append("</").append(tag).append('>');
            } else {
                sb.append(TEXTS[random.nextInt(TEXTS.length)]);
            }
        }
        return sb.toString();
    }

    /** Deeply nested blocks and inline elements (jsoup caps the depth; main text gives up past its own bound). */
    public static String deep(int depth) {
        return "<body>" + "<div class=content><b> x ".repeat(depth) + "text" + "</b></div>".repeat(depth) + "</body>";
    }
}
