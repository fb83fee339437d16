package org.tracelab.core.items;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;
import org.tracelab.core.TracelabException;
import org.tracelab.core.collect.BlobId;
import org.tracelab.core.collect.FileFacts;
import org.tracelab.core.collect.HttpFacts;
import org.tracelab.core.collect.WarcLocation;

/** An item of evidence as the case holds it; {@code meta} is its stored form, its typed facts are read from it. */
public record Item(long id, String kind, String source, Instant capturedAt, String collector, BlobId blob, long size,
                   String contentType, Long parentId, boolean truncated, JsonNode meta) {

    public Optional<String> contentTypeIfKnown() {
        return Optional.ofNullable(contentType);
    }

    public Optional<Long> parent() {
        return Optional.ofNullable(parentId);
    }

    /** What the HTTP exchange said, when the item is one. */
    public Optional<HttpFacts> http() {
        return HttpFacts.of(meta);
    }

    /** Where the item's WARC records lie in the case, when it has them; an impossible extent is a damaged case. */
    public Optional<WarcLocation> warc() {
        try {
            return WarcLocation.of(meta);
        } catch (IllegalArgumentException e) {
            throw new TracelabException(TracelabException.Failure.IO, "item " + id + ": " + e.getMessage()
                    + "; run 'tracelab verify'", null);
        }
    }

    /** Where the local file it was read from lay, when it is one. */
    public Optional<FileFacts> file() {
        return FileFacts.of(meta);
    }
}
