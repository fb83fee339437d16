package org.tracelab.core.dupes;

import java.util.SplittableRandom;

/**
 * MinHash signatures of shingle sets and their locality-sensitive band keys: two sets with Jaccard similarity s
 * agree on one signature row with probability s, so on all {@code rows} rows of a band with probability s^rows.
 */
public final class MinHash {
    /** Signature length. */
    public static final int HASHES = 128;

    private final long[] seeds = new long[HASHES];
    private final int bands;
    private final int rows;

    /** Bands and rows chosen for {@code threshold}, see {@link #bandsFor(double)}; seeds fixed so runs agree. */
    public MinHash(double threshold) {
        this.bands = bandsFor(threshold);
        this.rows = HASHES / bands;
        SplittableRandom random = new SplittableRandom(0x7ACE1AB);
        for (int i = 0; i < HASHES; i++) {
            seeds[i] = random.nextLong();
        }
    }

    /**
     * The number of bands: the most rows per band (fewest chance candidates) whose S-curve midpoint
     * (1/bands)^(1/rows) stays at least 0.2 under the threshold, so pairs at the threshold are all but certain to
     * share a band (0.8 gives 32 bands of 4 rows: a pair at 0.8 is missed with probability 10^-7).
     */
    public static int bandsFor(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold " + threshold + " is not in (0, 1]");
        }
        int best = HASHES;
        for (int b = HASHES; b >= 1; b /= 2) {
            int r = HASHES / b;
            if (Math.pow(1.0 / b, 1.0 / r) <= threshold - 0.2) {
                best = b;
            }
        }
        return best;
    }

    public int bands() {
        return bands;
    }

    /** The band keys of a shingle set: one 32-bit hash of each band's rows of the signature. */
    public int[] bandKeys(int[] shingles) {
        int[] signature = new int[HASHES];
        java.util.Arrays.fill(signature, Integer.MAX_VALUE);
        for (int s : shingles) {
            for (int i = 0; i < HASHES; i++) {
                int h = (int) Shingles.mix(s ^ seeds[i]);
                if (h < signature[i]) {
                    signature[i] = h;
                }
            }
        }
        int[] keys = new int[bands];
        for (int b = 0; b < bands; b++) {
            long h = b;
            for (int r = 0; r < rows; r++) {
                h = Shingles.mix(h ^ signature[b * rows + r]);
            }
            keys[b] = (int) (h ^ (h >>> 32));
        }
        return keys;
    }
}
