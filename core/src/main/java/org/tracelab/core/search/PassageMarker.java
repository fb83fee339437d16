package org.tracelab.core.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Formats highlighted passages as a list of one-line strings with matches marked «like this», each cut to a window of
 * at most {@link #MAX_CHARS} characters around its first match: a sentence of a page can be a whole menu.
 */
final class PassageMarker extends PassageFormatter {
    /** Characters of text a passage shows at most, marks and ellipses aside; a hit shows two. */
    static final int MAX_CHARS = 140;
    /** Of the window, the share shown before the first match. */
    private static final int BEFORE_MATCH = MAX_CHARS / 3;
    /** Compiled once: String.replaceAll compiles its pattern on every call, for every passage of every hit. */
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** {@code at} moved forward to the start of a word, if one starts before {@code limit}. */
    private static int wordStart(String content, int at, int limit) {
        for (int i = at; i < limit; i++) {
            if (i == 0 || Character.isWhitespace(content.charAt(i - 1))) {
                return i;
            }
        }
        return at;
    }

    /** {@code at} moved back to the end of a word, unless that would leave nothing after {@code floor}. */
    private static int wordEnd(String content, int at, int floor) {
        for (int i = at; i > floor; i--) {
            if (i >= content.length() || Character.isWhitespace(content.charAt(i))) {
                return i;
            }
        }
        return at;
    }

    @Override
    public List<String> format(Passage[] passages, String content) {
        List<String> out = new ArrayList<>(passages.length);
        for (Passage p : passages) {
            int from = p.getStartOffset();
            int to = Math.max(from, p.getEndOffset());
            if (to - from > MAX_CHARS) {
                int first = p.getNumMatches() > 0 ? p.getMatchStarts()[0] : from;
                int firstEnd = p.getNumMatches() > 0 ? p.getMatchEnds()[0] : from;
                from = wordStart(content, Math.max(from, first - BEFORE_MATCH), first);
                // The first match is shown whole, however long; the window ends at a word's end after it.
                to = wordEnd(content, Math.min(to, Math.max(from + MAX_CHARS, firstEnd)), firstEnd);
            }
            StringBuilder sb = new StringBuilder();
            if (from > p.getStartOffset()) {
                sb.append('…');
            }
            int pos = from;
            for (int i = 0; i < p.getNumMatches(); i++) {
                int start = p.getMatchStarts()[i];
                int end = p.getMatchEnds()[i];
                if (start < pos) {
                    continue; // overlaps the match before (a word in two fields' analyses)
                }
                if (end > to) {
                    break;
                }
                sb.append(content, pos, start).append(SearchHit.MARK_START).append(content, start, end)
                        .append(SearchHit.MARK_END);
                pos = end;
            }
            sb.append(content, pos, Math.max(pos, to));
            String line = SPACES.matcher(sb.toString().strip()).replaceAll(" ");
            out.add(to < p.getEndOffset() ? line + "…" : line);
        }
        return out;
    }
}
