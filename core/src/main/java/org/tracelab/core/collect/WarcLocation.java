package org.tracelab.core.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where a capture's WARC records lie, stored in its item's meta under {@code warc}.
 *
 * @param file          the WARC file relative to the case folder, e.g. {@code warc/tracelab-….warc.gz}
 * @param offset        the byte offset of the (gzip member of the) record the item stands for: its response
 * @param length        that record's compressed length
 * @param recordId      its {@code WARC-Record-ID}
 * @param requestOffset the byte offset of its request record, written just before it and so ending where it
 *                      begins; -1 when there is none (a metadata record) or it was not kept (older cases)
 * @param target        the record's {@code WARC-Target-URI} when it is not the item's source (a resource record's
 *                      {@code urn:view:URL}), else null
 */
public record WarcLocation(String file, long offset, long length, String recordId, long requestOffset,
                           String target) implements Facts {
    public WarcLocation {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(recordId, "recordId");
        if (offset < 0 || length <= 0 || requestOffset < -1 || requestOffset >= offset) {
            throw new IllegalArgumentException("bad WARC extent " + requestOffset + ", " + offset + "+" + length
                    + " in " + file);
        }
    }

    /** The location of a record whose target is the item's source, as every HTTP exchange's is. */
    public WarcLocation(String file, long offset, long length, String recordId, long requestOffset) {
        this(file, offset, length, recordId, requestOffset, null);
    }

    /** The request record's offset, when there is one and it was kept. */
    public OptionalLong request() {
        return requestOffset < 0 ? OptionalLong.empty() : OptionalLong.of(requestOffset);
    }

    @Override
    public void writeTo(ObjectNode meta) {
        ObjectNode w = meta.putObject("warc");
        w.put("file", file);
        w.put("offset", offset);
        w.put("length", length);
        w.put("recordId", recordId);
        if (requestOffset >= 0) {
            w.put("requestOffset", requestOffset);
        }
        if (target != null) {
            w.put("target", target);
        }
    }

    /** The location in an item's meta, when it has one. */
    public static Optional<WarcLocation> of(JsonNode meta) {
        JsonNode w = meta.path("warc");
        if (!w.path("file").isTextual() || !w.path("offset").isIntegralNumber()
                || !w.path("length").isIntegralNumber()) {
            return Optional.empty();
        }
        return Optional.of(new WarcLocation(w.path("file").asText(), w.path("offset").asLong(),
                w.path("length").asLong(), w.path("recordId").asText(""), w.path("requestOffset").asLong(-1),
                w.path("target").isTextual() ? w.path("target").asText() : null));
    }
}
