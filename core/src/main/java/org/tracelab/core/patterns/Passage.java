package org.tracelab.core.patterns;

import java.util.List;
import java.util.Objects;

/**
 * The sentence (or a window of it) in which an indicator matched, with the matched words marked.
 *
 * @param span    where the passage lies in the scanned text
 * @param text    the passage
 * @param matches where the matched words lie, relative to the passage's start
 */
public record Passage(Span span, String text, List<Span> matches) {
    public Passage {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(text, "text");
        matches = List.copyOf(matches);
        for (Span m : matches) {
            if (m.end() > text.length()) {
                throw new IllegalArgumentException("match " + m + " outside passage of " + text.length() + " chars");
            }
        }
    }

    /** The passage with each match wrapped, e.g. {@code marked("[", "]")}; the caller escapes it for printing. */
    public String marked(String open, String close) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Span m : matches) {
            if (m.start() < at) {
                continue;
            }
            out.append(text, at, m.start()).append(open).append(text, m.start(), m.end()).append(close);
            at = m.end();
        }
        return out.append(text, at, text.length()).toString();
    }
}
