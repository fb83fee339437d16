package org.tracelab.core.extract;

import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * The text of every element of a tree that holds still, from one walk: jsoup's {@link Element#text()} of an element
 * is the stretch of its root's text between the element's start and end, trimmed, so the scoring passes of
 * {@link MainText}, which ask for the text of each paragraph and of each of its ancestors, need not walk each subtree
 * again. The walk is jsoup's own text accumulation (1.21: whitespace collapsed outside {@code pre}-like elements, a
 * space where a block or {@code br} meets text); {@code PageTextTest} holds every element of real pages to
 * {@code text()}. Stale once the tree changes.
 */
final class PageText {
    private final StringBuilder text = new StringBuilder();
    private final Map<Element, int[]> spans = new IdentityHashMap<>();

    private PageText() {
    }

    /** Walks {@code root} once. */
    static PageText of(Element root) {
        PageText p = new PageText();
        root.traverse(p.new Walk());
        return p;
    }

    /** What {@code e.text()} gives, for an element of the tree walked; null for one it never saw. */
    String text(Element e) {
        int[] span = spans.get(e);
        if (span == null) {
            return null;
        }
        int start = span[0];
        int end = span[1];
        while (start < end && text.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && text.charAt(end - 1) <= ' ') {
            end--;
        }
        return text.substring(start, end);
    }

    /** The length of {@link #text(Element)}, without making the string; -1 for an element it never saw. */
    int length(Element e) {
        int[] span = spans.get(e);
        if (span == null) {
            return -1;
        }
        int start = span[0];
        int end = span[1];
        while (start < end && text.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && text.charAt(end - 1) <= ' ') {
            end--;
        }
        return end - start;
    }

    /** jsoup's text accumulation, noting where each element's own stretch starts and ends. */
    private final class Walk implements NodeVisitor {
        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
                String whole = t.getWholeText();
                if (preservesWhitespace(t.parent()) || t instanceof CDataNode) {
                    text.append(whole);
                } else {
                    StringUtil.appendNormalisedWhitespace(text, whole, lastIsSpace());
                }
            } else if (node instanceof Element e) {
                if (!text.isEmpty() && (e.isBlock() || e.nameIs("br")) && !lastIsSpace()) {
                    text.append(' ');
                }
                spans.put(e, new int[] {text.length(), -1});
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element e) {
                spans.get(e)[1] = text.length();
                Node next = node.nextSibling();
                if (!e.tag().isInline() && (next instanceof TextNode
                        || next instanceof Element n && n.tag().isInline()) && !lastIsSpace()) {
                    text.append(' ');
                }
            }
        }
    }

    private boolean lastIsSpace() {
        return !text.isEmpty() && text.charAt(text.length() - 1) == ' ';
    }

    /** As jsoup decides it: the element or one of its five nearest ancestors keeps whitespace ({@code pre}). */
    private static boolean preservesWhitespace(Node node) {
        if (node instanceof Element el) {
            int i = 0;
            do {
                if (el.tag().preserveWhitespace()) {
                    return true;
                }
                el = el.parent();
                i++;
            } while (i < 6 && el != null);
        }
        return false;
    }
}
