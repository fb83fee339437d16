package org.tracelab.core.imagehash;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A 256-bit PDQ hash, written as ThreatExchange writes it: 64 lower-case hex digits, bit 255 first. Two pictures
 * that look alike have hashes a small Hamming distance apart.
 */
public final class PdqHash implements Comparable<PdqHash> {
    /** Bits in a hash. */
    public static final int BITS = 256;
    /** Hex digits in the written form. */
    public static final int HEX_LENGTH = BITS / 4;

    /** The bits, most significant word first: {@code words[0]} holds bits 255..192, as the hex reads. */
    private final long[] words;

    private PdqHash(long[] words) {
        this.words = words;
    }

    /** The hash whose bit {@code k} is set when {@code bits[k]} is true. */
    static PdqHash ofBits(boolean[] bits) {
        if (bits.length != BITS) {
            throw new IllegalArgumentException("a PDQ hash has " + BITS + " bits, not " + bits.length);
        }
        long[] w = new long[4];
        for (int k = 0; k < BITS; k++) {
            if (bits[k]) {
                w[3 - k / 64] |= 1L << (k % 64);
            }
        }
        return new PdqHash(w);
    }

    /** Reads the 64-hex-digit form; bad input names the text and what is wrong with it. */
    public static PdqHash parse(String hex) {
        Objects.requireNonNull(hex, "hex");
        if (hex.length() != HEX_LENGTH) {
            throw new IllegalArgumentException("a PDQ hash is " + HEX_LENGTH + " hex digits, not " + hex.length()
                    + ": '" + hex + "'");
        }
        long[] w = new long[4];
        try {
            for (int i = 0; i < 4; i++) {
                w[i] = HexFormat.fromHexDigitsToLong(hex, i * 16, i * 16 + 16);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a hex PDQ hash: '" + hex + "'", e);
        }
        return new PdqHash(w);
    }

    /** The 64-hex-digit form, bit 255 first. */
    public String hex() {
        StringBuilder b = new StringBuilder(HEX_LENGTH);
        for (long w : words) {
            b.append(HexFormat.of().toHexDigits(w));
        }
        return b.toString();
    }

    /** The number of bits in which the two hashes differ, 0 to 256. */
    public int distance(PdqHash other) {
        int d = 0;
        for (int i = 0; i < 4; i++) {
            d += Long.bitCount(words[i] ^ other.words[i]);
        }
        return d;
    }

    /** Whether bit {@code k} (0 to 255) is set. */
    public boolean bit(int k) {
        Objects.checkIndex(k, BITS);
        return (words[3 - k / 64] >>> (k % 64) & 1) != 0;
    }

    /** Bits {@code 16 i} to {@code 16 i + 15} as a number, {@code i} from 0 to 15: the keys of {@link HashIndex}. */
    public int chunk(int i) {
        Objects.checkIndex(i, 16);
        return (int) (words[3 - i / 4] >>> (16 * (i % 4))) & 0xffff;
    }

    @Override
    public int compareTo(PdqHash o) {
        return Arrays.compareUnsigned(words, o.words);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PdqHash h && Arrays.equals(words, h.words);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(words);
    }

    @Override
    public String toString() {
        return hex();
    }
}
