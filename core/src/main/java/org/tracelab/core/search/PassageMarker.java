package org.tracelab.core.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/** Formats highlighted passages as a list of one-line strings with matches marked «like this». */
final class PassageMarker extends PassageFormatter {
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
            out.add(sb.toString().strip().replaceAll("\\s+", " "));
        }
        return out;
    }
}
