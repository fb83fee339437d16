package org.tracelab.core.patterns;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Cuts the sentences around matched words out of a text, so a trainee sees each match in its context. */
final class Passages {
    /** Long "sentences" (text without punctuation, lists) are cut to a window of this many chars around the match. */
    static final int MAX_CHARS = 240;

    private Passages() {
    }

    /** One passage per sentence that holds a match; {@code matches} sorted by start. */
    static List<Passage> of(String text, List<Span> matches) {
        List<Passage> out = new ArrayList<>();
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
        sentences.setText(text);
        int i = 0;
        while (i < matches.size()) {
            Span first = matches.get(i);
            int start = first.start() == 0 ? 0 : sentences.preceding(first.start() + 1);
            int end = sentences.following(first.start());
            start = Math.max(start == BreakIterator.DONE ? 0 : start, first.end() - MAX_CHARS);
            end = end == BreakIterator.DONE ? text.length() : end;
            end = Math.max(first.end(), Math.min(end, start + MAX_CHARS));
            List<Span> inside = new ArrayList<>();
            while (i < matches.size() && matches.get(i).start() < end) {
                Span m = matches.get(i);
                int mEnd = Math.min(m.end(), end);
                end = Math.max(end, mEnd);
                inside.add(new Span(m.start() - start, mEnd - start));
                i++;
            }
            String passage = text.substring(start, end);
            int lead = passage.length() - passage.stripLeading().length();
            String stripped = passage.strip();
            List<Span> shifted = inside.stream()
                    .map(s -> new Span(Math.max(0, s.start() - lead), Math.min(stripped.length(), s.end() - lead)))
                    .toList();
            out.add(new Passage(new Span(start + lead, start + lead + stripped.length()), stripped, shifted));
        }
        return out;
    }
}
