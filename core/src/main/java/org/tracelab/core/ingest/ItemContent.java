package org.tracelab.core.ingest;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What entity finding reads of one item: its extracted text, and what says how to read it.
 *
 * @param text        the extracted text
 * @param source      where the item came from (a URL, a file path, a member path)
 * @param contentType the type extraction detected, e.g. {@code text/html; charset=UTF-8}
 * @param content     the item's bytes as stored (for the links of its markup)
 */
public record ItemContent(String text, String source, String contentType, Path content) {
    public ItemContent {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
    }
}
