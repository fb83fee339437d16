package org.tracelab.core.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.tracelab.core.internal.DocumentOrder;

/**
 * What a page names itself by, its title and author, found in the walk that takes out what is never its text
 * (scripts, styles, noscript, templates): one walk of the page where the removal and each question walked it again.
 *
 * @param titles     its {@code title} elements, in document order
 * @param ogTitle    its first {@code og:title} meta that has a {@code content}, or null
 * @param h1         its first {@code h1}, or null
 * @param authorMeta its first {@code author} meta that has a {@code content}, or null
 */
record PageHead(List<Element> titles, Element ogTitle, Element h1, Element authorMeta) {
    // Queries parsed once rather than for every page; jsoup's evaluators are safe to share between threads.
    private static final Evaluator NOT_TEXT = QueryParser.parse("script, style, noscript, template");
    private static final Evaluator AUTHOR = QueryParser.parse("meta[name=author]");
    private static final Evaluator OG_TITLE = QueryParser.parse("meta[property=og:title], meta[name=og:title]");
    private static final Evaluator H1 = QueryParser.parse("h1");
    private static final Evaluator SVG = QueryParser.parse("svg");

    /**
     * Takes what is never text out of {@code doc} and notes what names it. What a removal takes out is not walked:
     * the elements noted are those the questions, asked after the removal, would find.
     */
    static PageHead takeOutNotText(Document doc) {
        List<Element> titles = new ArrayList<>(1);
        Element ogTitle = null;
        Element h1 = null;
        Element author = null;
        Element e = doc;
        while (e != null) {
            if (NOT_TEXT.matches(doc, e)) {
                Element after = DocumentOrder.skip(e, doc);
                e.remove();
                e = after;
                continue;
            }
            if (e.nameIs("title")) {
                titles.add(e);
            } else if (h1 == null && H1.matches(doc, e)) {
                h1 = e;
            } else if (e.hasAttr("content")) {
                if (ogTitle == null && OG_TITLE.matches(doc, e)) {
                    ogTitle = e;
                }
                if (author == null && AUTHOR.matches(doc, e)) {
                    author = e;
                }
            }
            e = DocumentOrder.next(e, doc);
        }
        return new PageHead(titles, ogTitle, h1, author);
    }

    /**
     * The page's title as a reader would name it: its {@code <title>} (wherever the parser put it, but not an SVG
     * picture's), else its {@code og:title}, else its first {@code h1}.
     */
    Optional<String> title() {
        for (Element t : titles) {
            if (t.closest(SVG) == null) {
                Optional<String> text = present(t.text());
                if (text.isPresent()) {
                    return text;
                }
            }
        }
        Optional<String> og = present(ogTitle == null ? "" : ogTitle.attr("content"));
        if (og.isPresent()) {
            return og;
        }
        return h1 == null ? Optional.empty() : present(BlockText.of(h1).replace('\n', ' '));
    }

    /** The page's author meta's content, when not blank. */
    Optional<String> author() {
        return present(authorMeta == null ? "" : authorMeta.attr("content"));
    }

    static Optional<String> present(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }
}
