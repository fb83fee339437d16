package org.tracelab.core.store;

import java.util.Objects;

/**
 * What {@link BlobStore#put} made durable.
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
