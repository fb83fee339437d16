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

    /**
     * The element's text, blank runs collapsed, one line per block: {@link #normalise} of the element's text nodes
     * with a line break at each block's start and end and at each {@code br}, collapsed as it is gathered rather than
     * gathered, copied and collapsed (a tenth of the extraction's allocation, session 18's profile).
     */
    static String of(Element root) {
        Collapsed out = new Collapsed();
        NodeTraversor.filter(new org.jsoup.select.NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    out.add(t.getWholeText());
                } else if (node instanceof Element e) {
                    if (e.nameIs("rt") || e.nameIs("rp")) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (e.isBlock() || e.nameIs("br")) {
                        out.lineBreak();
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element e && e.isBlock()) {
                    out.lineBreak();
                }
                return FilterResult.CONTINUE;
            }
        }, root);
        return out.toString();
    }

    /**
     * {@link #normalise} done as the text arrives: a run of blanks and breaks is held back and written as one break
     * or one space before the next char that is neither, so runs that span text nodes collapse as one.
     */
    private static final class Collapsed {
        private final StringBuilder sb = new StringBuilder(256);
        private boolean blank;
        private boolean lineBreak;

        void lineBreak() {
            blank = true;
            lineBreak = true;
        }

        void add(String s) {
            int n = s.length();
            int i = 0;
            while (i < n) {
                char c = s.charAt(i);
                if (isBlankOrBreak(c)) {
                    blank = true;
                    lineBreak |= c == '\n';
                    i++;
                    continue;
                }
                if (blank) {
                    sb.append(lineBreak ? '\n' : ' ');
                    blank = false;
                    lineBreak = false;
                }
                int start = i;
                while (i < n && !isBlankOrBreak(s.charAt(i))) {
                    i++;
                }
                sb.append(s, start, i);
            }
        }

        /** The text stripped as {@link #normalise} strips it; a run held back at the end would be stripped too. */
        @Override
        public String toString() {
            return sb.toString().strip();
        }
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
