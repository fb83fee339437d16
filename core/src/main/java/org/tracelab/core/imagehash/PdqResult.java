package org.tracelab.core.imagehash;

import java.util.Objects;

/**
 * A picture's PDQ hash and PDQ's quality of it: 0 to 100, how much the picture has of the gradients the hash is made
 * from. A flat or nearly blank picture has low quality, and its hash matches other flat pictures by accident.
 */
public record PdqResult(PdqHash hash, int quality) {
    /** Below this quality PDQ's authors advise against matching on the hash. */
    public static final int USEFUL_QUALITY = 50;

    public PdqResult {
        Objects.requireNonNull(hash, "hash");
        if (quality < 0 || quality > 100) {
            throw new IllegalArgumentException("PDQ quality is 0 to 100, not " + quality);
        }
    }

    /** True when the hash is worth matching on ({@link #USEFUL_QUALITY} or more). */
    public boolean useful() {
        return quality >= USEFUL_QUALITY;
    }
}
