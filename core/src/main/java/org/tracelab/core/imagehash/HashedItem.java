package org.tracelab.core.imagehash;

import java.util.Objects;

/** An item and its picture's hash: what {@link HashIndex} holds. */
public record HashedItem(long itemId, PdqHash hash) {
    public HashedItem {
        Objects.requireNonNull(hash, "hash");
    }
}
