package org.tracelab.core.ingest;

import java.util.Objects;
import org.tracelab.core.entities.FoundIn;

/**
 * One entity as an item mentions it.
 *
 * @param type    the entity type's stable name: {@code phone}, {@code email}, {@code telegram}, …
 * @param value   the normalized value (E.164 for a phone, lowercase handle…), what items are linked by
 * @param raw     as written: the text of the mention, or for one found in a link the whole attribute value
 * @param start   UTF-16 offset of {@code raw}: in the extracted text when found in the text or by OCR, in the markup
 *                (as decoded) when found in a link
 * @param end     UTF-16 offset just past it
 * @param foundIn where it was found
 */
public record EntityMention(String type, String value, String raw, int start, int end, FoundIn foundIn) {
    public EntityMention {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(foundIn, "foundIn");
        if (type.isBlank() || value.isEmpty()) {
            throw new IllegalArgumentException("entity needs a type and a value: '" + type + "' '" + value + "'");
        }
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad offsets [" + start + "," + end + ") for '" + raw + "'");
        }
    }

    /** A mention found in the item's extracted text. */
    public EntityMention(String type, String value, String raw, int start, int end) {
        this(type, value, raw, start, end, FoundIn.TEXT);
    }
}
