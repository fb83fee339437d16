package org.tracelab.core.collect;

import java.util.HexFormat;
import java.util.Objects;

/** The name of a blob: the lowercase hex SHA-256 of its bytes. */
public record BlobId(String sha256) {
    public BlobId {
        Objects.requireNonNull(sha256, "sha256");
        if (!isLowercaseHex64(sha256)) {
            throw new IllegalArgumentException("not a lowercase hex SHA-256: '" + sha256 + "'");
        }
    }

    /**
     * Whether {@code s} is 64 chars of {@code [0-9a-f]}: tested char by char, since every item and text read makes one
     * (half a percent of a reindex's samples went to a regex matcher here).
     */
    static boolean isLowercaseHex64(String s) {
        if (s.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    /** The id of a digest as {@link java.security.MessageDigest} returns it. */
    public static BlobId ofDigest(byte[] digest) {
        if (digest.length != 32) {
            throw new IllegalArgumentException("a SHA-256 digest has 32 bytes, not " + digest.length);
        }
        return new BlobId(HexFormat.of().formatHex(digest));
    }

    /** The first twelve hex digits, enough to tell blobs apart on screen. */
    public String shortForm() {
        return sha256.substring(0, 12);
    }

    @Override
    public String toString() {
        return "sha256:" + sha256;
    }
}
