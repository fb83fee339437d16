package org.tracelab.core.collect;

import java.util.Objects;

/**
 * What the evidence store made durable of a capture's bytes.
 *
 * @param id        the blob's name
 * @param size      bytes stored
 * @param truncated true when the source had more bytes than the limit allowed; only the first {@code size} are kept
 * @param existed   true when a blob with these bytes was already in the store
 */
public record StoredBlob(BlobId id, long size, boolean truncated, boolean existed) {
    public StoredBlob {
        Objects.requireNonNull(id, "id");
        if (size < 0) {
            throw new IllegalArgumentException("size < 0: " + size);
        }
    }
}
