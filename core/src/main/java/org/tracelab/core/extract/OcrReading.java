package org.tracelab.core.extract;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What OCR read in one document: how, how many words, how sure Tesseract was of them, and where its text lies in
 * the document's text (all of an image's; the scanned pages of a PDF).
 *
 * @param method     the engine and languages, e.g. {@code Tesseract 5.3.0 uzb+uzb_cyrl+rus+eng}
 * @param words      words recognised
 * @param confidence the words' mean confidence, 0 to 100, as Tesseract reports each word's; empty with no words
 * @param spans      the parts of the document's text that OCR read, in order, not overlapping
 */
public record OcrReading(String method, int words, Optional<Integer> confidence, List<Span> spans) {
    public OcrReading {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(confidence, "confidence");
        spans = List.copyOf(spans);
        if (words < 0 || confidence.filter(c -> c < 0 || c > 100).isPresent()) {
            throw new IllegalArgumentException("bad OCR counts: " + words + " words, confidence " + confidence);
        }
    }

    /** A stretch of a text, in UTF-16 offsets, end exclusive. */
    public record Span(int start, int end) {
        public Span {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("bad span " + start + ".." + end);
            }
        }

        /** True when {@code offset} lies in it. */
        public boolean contains(int offset) {
            return offset >= start && offset < end;
        }
    }

    /** True when {@code offset} of the document's text lies in what OCR read. */
    public boolean read(int offset) {
        return spans.stream().anyMatch(s -> s.contains(offset));
    }
}
