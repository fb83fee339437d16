package org.tracelab.core.ingest;

import java.util.Objects;

/**
 * One entity as an item's text mentions it.
 *
 * @param type  the entity type's stable name: {@code phone}, {@code email}, {@code telegram}, …
 * @param value the normalized value (E.164 for a phone, lowercase handle…), what items are linked by
 * @param raw   the text exactly as written
 * @param start UTF-16 offset of {@code raw} in the extracted text
 * @param end   UTF-16 offset just past it
 */
public record EntityMention(String type, String value, String raw, int start, int end) {
    public EntityMention {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(raw, "raw");
        if (type.isBlank() || value.isEmpty()) {
            throw new IllegalArgumentException("entity needs a type and a value: '" + type + "' '" + value + "'");
        }
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad offsets [" + start + "," + end + ") for '" + raw + "'");
        }
    }
}
