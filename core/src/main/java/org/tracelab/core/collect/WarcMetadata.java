package org.tracelab.core.collect;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A WARC {@code metadata} record about a capture already archived (what a page did, what it linked to), written
 * as {@code application/warc-fields} ({@link CaptureSink#archive(WarcMetadata)}).
 *
 * @param target    the URL the metadata is about
 * @param date      when it was observed
 * @param refersTo  the {@code WARC-Record-ID} of the record it describes ({@link WarcLocation#recordId()})
 * @param fields    the named values, each name with one or more values, in the order given
 */
public record WarcMetadata(URI target, Instant date, String refersTo, Map<String, List<String>> fields) {
    public WarcMetadata {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(refersTo, "refersTo");
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        fields.values().forEach(v -> Objects.requireNonNull(v, "field values"));
    }
}
