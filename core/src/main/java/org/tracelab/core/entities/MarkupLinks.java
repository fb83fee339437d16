package org.tracelab.core.entities;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.tracelab.core.internal.DocumentOrder;

/**
 * The URLs a page's markup carries that a reader does not see as text: every {@code href}, and every {@code data-*}
 * attribute whose value is a URL ({@code data-href="https://t.me/…"}, {@code data-phone="tel:…"}). Messenger buttons
 * are mostly such links, with an icon or a word ("Написать") as their only text. Read with jsoup, which decodes the
 * page's charset and character references; scripts, styles and JSON-LD are never read as URLs.
 */
public final class MarkupLinks {
    /** Pages larger than this are not parsed for links (jsoup holds the whole tree); their text is still read. */
    public static final long MAX_BYTES = 8L << 20;

    /**
     * One URL of the markup.
     *
     * @param url   the attribute value as jsoup decodes it, trimmed
     * @param start UTF-16 offset of the value in the markup as decoded
     */
    public record Link(String url, int start) {
        public Link {
            if (url.isEmpty() || start < 0) {
                throw new IllegalArgumentException("a link needs a URL and an offset: '" + url + "' at " + start);
            }
        }
    }

    private MarkupLinks() {
    }

    /** The links of the HTML file {@code html}, in document order; none when it is larger than {@link #MAX_BYTES}. */
    public static List<Link> read(Path html) throws IOException {
        if (Files.size(html) > MAX_BYTES) {
            return List.of();
        }
        Document doc = Jsoup.parse(html.toFile(), null, "", parser());
        return of(doc);
    }

    /**
     * The parser whose documents {@link #of(Document)} reads: it keeps each attribute's position in the markup. One
     * per document (a jsoup parser is not shared between threads).
     */
    public static Parser parser() {
        return Parser.htmlParser().setTrackPosition(true);
    }

    /** The links of markup given as a string (a test page, a rendered DOM). */
    public static List<Link> read(String html) {
        return of(Jsoup.parse(html, "", parser()));
    }

    /**
     * The links of a page already parsed with {@link #parser()}, before anything was taken out of it: the page whose
     * text is extracted is parsed once for its text and its links.
     */
    public static List<Link> of(Document doc) {
        List<Link> out = new ArrayList<>();
        // The elements in document order, as getAllElements lists them, without the list and the stream it builds;
        // a value is stripped only under a key that can hold a link, not for every class and style of the page.
        for (Element el = doc; el != null; el = DocumentOrder.next(el, doc)) {
            if (el.attributesSize() == 0) {
                continue;
            }
            for (Attribute a : el.attributes()) {
                String key = a.getKey();
                boolean href = key.equalsIgnoreCase("href");
                if (!href && !isDataKey(key)) {
                    continue;
                }
                String value = a.getValue().strip();
                if (value.isEmpty() || !href && !isUrl(value)) {
                    continue;
                }
                int start = a.sourceRange().valueRange().startPos();
                out.add(new Link(value, Math.max(0, start)));
            }
        }
        return out;
    }

    /** Whether {@code key} in lower case starts with {@code data-}: no char but ASCII lower-cases to those five. */
    static boolean isDataKey(String key) {
        return key.regionMatches(true, 0, "data-", 0, 5);
    }

    /** A value that names a resource: a scheme and colon ({@code https:}, {@code tel:}, {@code mailto:}) or {@code //}. */
    static boolean isUrl(String value) {
        if (value.startsWith("//")) {
            return true;
        }
        int colon = value.indexOf(':');
        if (colon < 2 || colon > 12) {
            return false;
        }
        for (int i = 0; i < colon; i++) {
            char c = value.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128 || c == '+' || c == '-' || c == '.')) {
                return false;
            }
        }
        return Character.isLetter(value.charAt(0));
    }
}
