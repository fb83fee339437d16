package org.tracelab.core.collect;

import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/** The name of a blob: the lowercase hex SHA-256 of its bytes. */
public record BlobId(String sha256) {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public BlobId {
        Objects.requireNonNull(sha256, "sha256");
        if (!HEX64.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a lowercase hex SHA-256: '" + sha256 + "'");
        }
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
