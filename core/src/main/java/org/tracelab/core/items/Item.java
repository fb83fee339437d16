package org.tracelab.core.items;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;
import org.tracelab.core.store.BlobId;

/** An item of evidence as the case holds it. */
public record Item(long id, String kind, String source, Instant capturedAt, String collector, BlobId blob, long size,
                   String contentType, Long parentId, boolean truncated, JsonNode meta) {

    public Optional<String> contentTypeIfKnown() {
        return Optional.ofNullable(contentType);
    }

    public Optional<Long> parent() {
        return Optional.ofNullable(parentId);
    }
}
