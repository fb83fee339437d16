package org.tracelab.core.extract;

import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Tag;
import org.jsoup.select.NodeVisitor;

/**
 * The text of every element of a tree that holds still, from one walk: jsoup's {@link Element#text()} of an element
 * is the stretch of its root's text between the element's start and end, trimmed, so the scoring passes of
 * {@link MainText}, which ask for the text of each paragraph and of each of its ancestors, need not walk each subtree
 * again. The walk is jsoup's own text accumulation (1.21: whitespace collapsed outside {@code pre}-like elements, a
 * space where a block or {@code br} meets text); {@code PageTextTest} holds every element of real pages to
 * {@code text()}. Stale once the tree changes. Blank runs are collapsed a stretch at a time ({@link #appendCollapsed})
 * rather than by jsoup's code point at a time, two fifths of main text's time (session 18's profile).
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
                appendText(text, t);
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

    /**
     * What jsoup 1.24's {@code Element.text()} gives for {@code e}, for main text's steps that change the tree (where
     * {@link #of} would go stale): jsoup's own accumulation, which also separates at text-boundary tags and after
     * inline elements that hold blocks, with blank runs collapsed a stretch at a time. {@code PageTextTest} holds it to
     * {@code text()} on every element of real and hostile pages, so a jsoup that changes its rule fails there.
     */
    static String elementText(Element e) {
        StringBuilder sb = new StringBuilder();
        e.traverse(new Accumulation(sb, null));
        return sb.toString().trim();
    }

    /**
     * {@link #elementText} of every element of {@code root}'s tree from one walk, for main text's cleaning, which asks
     * it of every block it judges and of each link inside: an element's text is its stretch of the root's text,
     * trimmed (what the accumulation appends within an element does not depend on what came before it but for blanks
     * at its start, which the trim drops). Stale for an element once anything inside it changes.
     */
    static PageText elementTexts(Element root) {
        PageText p = new PageText();
        root.traverse(new Accumulation(p.text, p.spans));
        return p;
    }

    /** jsoup 1.24's text accumulation into {@code sb}, noting each element's stretch when {@code spans} is given. */
    private static final class Accumulation implements NodeVisitor {
        private final StringBuilder sb;
        private final Map<Element, int[]> spans;

        Accumulation(StringBuilder sb, Map<Element, int[]> spans) {
            this.sb = sb;
            this.spans = spans;
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
                appendText(sb, t);
            } else if (node instanceof Element el) {
                if (!sb.isEmpty() && leadingSeparator(el) && !endsInSpace(sb)) {
                    sb.append(' ');
                }
                if (spans != null) {
                    spans.put(el, new int[] {sb.length(), -1});
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element el) {
                if (spans != null) {
                    spans.get(el)[1] = sb.length();
                }
                if (trailingSeparator(el)) {
                    Node next = node.nextSibling();
                    if ((next instanceof TextNode || next instanceof Element n && n.tag().isInline())
                            && !endsInSpace(sb)) {
                        sb.append(' ');
                    }
                }
            }
        }
    }

    /** A text node as jsoup's accumulation appends it: as it is inside {@code pre}-like elements, else collapsed. */
    private static void appendText(StringBuilder sb, TextNode t) {
        String whole = t.getWholeText();
        if (preservesWhitespace(t.parent()) || t instanceof CDataNode) {
            sb.append(whole);
        } else {
            appendCollapsed(sb, whole, endsInSpace(sb));
        }
    }

    private static boolean leadingSeparator(Element e) {
        return e.isBlock() || e.nameIs("br")
                || e.tag().is(Tag.TextBoundary) && e.childNodeSize() > 0 && e.hasText();
    }

    private static boolean trailingSeparator(Element e) {
        return e.tag().is(Tag.TextBoundary) || !e.tag().isInline() || hasBlockChildNode(e);
    }

    private static boolean hasBlockChildNode(Element e) {
        for (int i = 0; i < e.childNodeSize(); i++) {
            if (e.childNode(i) instanceof Element c && c.isBlock()) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsInSpace(StringBuilder sb) {
        return !sb.isEmpty() && sb.charAt(sb.length() - 1) == ' ';
    }

    /**
     * jsoup's {@code StringUtil.appendNormalisedWhitespace}: each run of HTML blanks (and no-break spaces) becomes one
     * space, none at the start when {@code stripLeading}, zero-width spaces and soft hyphens are dropped; everything
     * between is appended a stretch at a time. No blank or dropped char is a surrogate, so chars serve for code points.
     */
    static void appendCollapsed(StringBuilder out, String s, boolean stripLeading) {
        boolean lastWasWhite = false;
        boolean reachedNonWhite = false;
        int run = -1;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean white = c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '\u00A0';
            if (!white && c != '\u200B' && c != '\u00AD') {
                if (run < 0) {
                    run = i;
                }
                lastWasWhite = false;
                reachedNonWhite = true;
                continue;
            }
            if (run >= 0) {
                out.append(s, run, i);
                run = -1;
            }
            if (white && !lastWasWhite && (reachedNonWhite || !stripLeading)) {
                out.append(' ');
                lastWasWhite = true;
            }
        }
        if (run >= 0) {
            out.append(s, run, n);
        }
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
