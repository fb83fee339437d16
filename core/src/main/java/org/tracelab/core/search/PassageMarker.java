package org.tracelab.core.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/** Formats highlighted passages as a list of one-line strings with matches marked «like this». */
final class PassageMarker extends PassageFormatter {
    /** Compiled once: String.replaceAll compiles its pattern on every call, for every passage of every hit. */
    private static final Pattern SPACES = Pattern.compile("\\s+");

    @Override
    public List<String> format(Passage[] passages, String content) {
        List<String> out = new ArrayList<>(passages.length);
        for (Passage p : passages) {
            StringBuilder sb = new StringBuilder();
            int pos = p.getStartOffset();
            for (int i = 0; i < p.getNumMatches(); i++) {
                int start = p.getMatchStarts()[i];
                int end = p.getMatchEnds()[i];
                if (start < pos) {
                    continue; // overlaps the match before (a word in two fields' analyses)
                }
                sb.append(content, pos, start).append(SearchHit.MARK_START).append(content, start, end)
                        .append(SearchHit.MARK_END);
                pos = end;
            }
            sb.append(content, pos, Math.max(pos, p.getEndOffset()));
            out.add(SPACES.matcher(sb.toString().strip()).replaceAll(" "));
        }
        return out;
    }
}
