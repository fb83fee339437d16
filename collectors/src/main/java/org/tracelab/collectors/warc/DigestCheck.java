package org.tracelab.collectors.warc;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcRecord;

/**
 * A WARC digest header checked against the bytes read: {@code match}, {@code mismatch}, {@code absent} (no header),
 * or {@code unchecked} (an algorithm Java lacks, or a value that is not base32 or hex).
 *
 * @param outcome  one of the four words above
 * @param declared the header's value, or null when absent
 * @param computed the digest of the bytes read, in the header's algorithm and encoding, or null when not computed
 */
record DigestCheck(String outcome, String declared, String computed) {
    static final String MATCH = "match";
    static final String MISMATCH = "mismatch";

    /** No digest declared. */
    static DigestCheck absent() {
        return new DigestCheck("absent", null, null);
    }

    /**
     * No readable digest in header {@code name} of {@code record}: {@code absent}, or {@code unchecked} with the raw
     * value when the header is there but not of the form {@code algorithm:value}.
     */
    static DigestCheck absent(WarcRecord record, String name) {
        return record.headers().first(name).map(raw -> new DigestCheck("unchecked", raw, null)).orElse(absent());
    }

    /** Compares a declared digest with one computed over the bytes. */
    static DigestCheck of(WarcDigest declared, WarcDigest computed) {
        byte[] want;
        try {
            want = declared.bytes();
        } catch (RuntimeException notDecodable) {
            return new DigestCheck("unchecked", declared.raw(), null);
        }
        String shown = declared.raw().matches("(?i)[0-9a-f]+") && declared.raw().length() == want.length * 2
                ? computed.hex() : computed.base32();
        String outcome = Arrays.equals(want, computed.bytes()) ? MATCH : MISMATCH;
        return new DigestCheck(outcome, declared.toString(), declared.algorithm() + ":" + shown);
    }

    /** A digester in the declared digest's algorithm (sha1, sha256, md5 …), when Java has it. */
    static Optional<MessageDigest> digester(Optional<WarcDigest> declared) {
        if (declared.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(declared.get().getDigester());
        } catch (NoSuchAlgorithmException e) {
            return Optional.empty();
        }
    }

    /** An unchecked result for a declared digest whose algorithm Java lacks. */
    static DigestCheck unchecked(WarcDigest declared) {
        return new DigestCheck("unchecked", declared.toString(), null);
    }

    boolean mismatch() {
        return outcome.equals(MISMATCH);
    }

    /** As item metadata. */
    Map<String, Object> meta() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outcome", outcome);
        m.put("declared", declared);
        m.put("computed", computed);
        return m;
    }
}
