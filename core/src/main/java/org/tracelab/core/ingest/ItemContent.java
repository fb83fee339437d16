package org.tracelab.core.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tracelab.core.entities.MarkupLinks;
import org.tracelab.core.extract.OcrReading;

/**
 * What entity finding reads of one item: its extracted text, and what says how to read it.
 *
 * @param text        the extracted text
 * @param source      where the item came from (a URL, a file path, a member path)
 * @param contentType the type extraction detected, e.g. {@code text/html; charset=UTF-8}
 * @param content     the item's bytes as stored (for the links of its markup)
 * @param links       the links of its markup when extraction read them already; else they are read from
 *                    {@code content}
 * @param ocrSpans    the parts of the text that OCR read (an image's whole text, a PDF's scanned pages)
 */
public record ItemContent(String text, String source, String contentType, Path content,
                          Optional<List<MarkupLinks.Link>> links, List<OcrReading.Span> ocrSpans) {
    public ItemContent {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(links, "links");
        ocrSpans = List.copyOf(ocrSpans);
    }

    /** An item none of whose text OCR read. */
    public ItemContent(String text, String source, String contentType, Path content,
                       Optional<List<MarkupLinks.Link>> links) {
        this(text, source, contentType, content, links, List.of());
    }

    /** An item whose markup, if it has any, is read for links from its bytes, and none of whose text OCR read. */
    public ItemContent(String text, String source, String contentType, Path content) {
        this(text, source, contentType, content, Optional.empty());
    }

    /** True when OCR read the text at {@code offset}. */
    public boolean readByOcr(int offset) {
        return ocrSpans.stream().anyMatch(s -> s.contains(offset));
    }
}
