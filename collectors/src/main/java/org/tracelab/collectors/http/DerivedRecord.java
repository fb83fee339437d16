package org.tracelab.collectors.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.tracelab.core.Json;
import org.tracelab.core.collect.CaptureSink;
import org.tracelab.core.collect.NewItem;
import org.tracelab.core.collect.StoredItem;

/**
 * A structured record read out of a captured page (an ad, a channel post): stored as an item of its own whose bytes
 * are the canonical JSON of the record, and whose parent is the page it was read from, so it is hashed, logged and
 * traceable to the exact bytes received like any capture.
 *
 * @param kind     the item kind, e.g. {@code ad} or {@code post}
 * @param source   the URL the record stands for
 * @param parentId the page capture it was read from
 * @param fields   the record; values are strings, numbers, lists or null
 */
public record DerivedRecord(String kind, String source, long parentId, Map<String, Object> fields) {
    /** The media type of the stored bytes. */
    public static final String CONTENT_TYPE = "application/json; charset=utf-8";

    public DerivedRecord {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(fields, "fields");
    }

    /** The bytes stored: canonical JSON, so the same record always hashes the same. */
    public byte[] bytes() {
        return Json.canonical(fields).getBytes(StandardCharsets.UTF_8);
    }

    /** Stores the record through {@code sink} under {@code collectorId}; the record is also its item's meta. */
    public StoredItem store(CaptureSink sink, String collectorId, Instant at) throws IOException {
        NewItem item = NewItem.of(kind, source, at, collectorId, CONTENT_TYPE, parentId, Map.of("record", fields));
        return sink.store(item, new ByteArrayInputStream(bytes()));
    }
}
