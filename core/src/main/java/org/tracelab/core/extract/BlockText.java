package org.tracelab.core.extract;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The text of an HTML element as a reader sees it: a line break wherever a block element or {@code <br>} starts or
 * ends, so that words of two paragraphs never run together ("kerak" + "Maosh" must not become one token), and ruby
 * annotations ({@code rt}, {@code rp}: furigana, pinyin) left out of the words they annotate.
 */
final class BlockText {
    private BlockText() {
    }

    /** The element's text, blank runs collapsed, one line per block. */
    static String of(Element root) {
        StringBuilder sb = new StringBuilder();
        NodeTraversor.filter(new org.jsoup.select.NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    sb.append(t.getWholeText());
                } else if (node instanceof Element e) {
                    if (e.nameIs("rt") || e.nameIs("rp")) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (e.isBlock() || e.nameIs("br")) {
                        sb.append('\n');
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element e && e.isBlock()) {
                    sb.append('\n');
                }
                return FilterResult.CONTINUE;
            }
        }, root);
        return normalise(sb.toString());
    }

    /**
     * Collapses the blank runs page markup leaves, keeping line breaks between blocks for readable passages: a run of
     * blanks and line breaks becomes one line break when it holds one, else one space.
     */
    static String normalise(String text) {
        // On arrays rather than a StringBuilder a char at a time: a call per character was most of this under C1.
        char[] in = text.toCharArray();
        char[] out = new char[in.length];
        int n = 0;
        int i = 0;
        while (i < in.length) {
            char c = in[i];
            if (!isBlankOrBreak(c)) {
                out[n++] = c;
                i++;
                continue;
            }
            boolean lineBreak = false;
            while (i < in.length && isBlankOrBreak(in[i])) {
                lineBreak |= in[i] == '\n';
                i++;
            }
            out[n++] = lineBreak ? '\n' : ' ';
        }
        return new String(out, 0, n).strip();
    }

    private static boolean isBlankOrBreak(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u00A0';
    }
}
