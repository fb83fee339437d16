package org.tracelab.core.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tracelab.core.entities.MarkupLinks;

/**
 * What entity finding reads of one item: its extracted text, and what says how to read it.
 *
 * @param text        the extracted text
 * @param source      where the item came from (a URL, a file path, a member path)
 * @param contentType the type extraction detected, e.g. {@code text/html; charset=UTF-8}
 * @param content     the item's bytes as stored (for the links of its markup)
 * @param links       the links of its markup when extraction read them already; else they are read from
 *                    {@code content}
 */
public record ItemContent(String text, String source, String contentType, Path content,
                          Optional<List<MarkupLinks.Link>> links) {
    public ItemContent {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(links, "links");
    }

    /** An item whose markup, if it has any, is read for links from its bytes. */
    public ItemContent(String text, String source, String contentType, Path content) {
        this(text, source, contentType, content, Optional.empty());
    }
}
