package org.tracelab.core.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a local file was read from, stored in its item's meta as {@code path} and {@code modified}.
 *
 * @param path     the file's path as it was read
 * @param modified its last-modified time (ISO-8601, UTC), as the file system reported it
 */
public record FileFacts(String path, String modified) implements Facts {
    public FileFacts {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(modified, "modified");
    }

    @Override
    public void writeTo(ObjectNode meta) {
        meta.put("path", path);
        meta.put("modified", modified);
    }

    /** The facts in an item's meta, when it records a file's path and time. */
    public static Optional<FileFacts> of(JsonNode meta) {
        return meta.path("path").isTextual() && meta.path("modified").isTextual()
                ? Optional.of(new FileFacts(meta.path("path").asText(), meta.path("modified").asText()))
                : Optional.empty();
    }
}
