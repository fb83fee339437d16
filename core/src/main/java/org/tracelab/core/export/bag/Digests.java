package org.tracelab.core.export.bag;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** The two manifest algorithms of Tracelab bags, named as BagIt names them. */
enum Digests {
    SHA256("sha256", "SHA-256"),
    SHA512("sha512", "SHA-512");

    static final List<Digests> ALL = List.of(values());

    private final String bagName;
    private final String javaName;

    Digests(String bagName, String javaName) {
        this.bagName = bagName;
        this.javaName = javaName;
    }

    String bagName() {
        return bagName;
    }

    MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(javaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has " + javaName, e);
        }
    }

    static String hex(MessageDigest d) {
        return HexFormat.of().formatHex(d.digest());
    }
}
