package org.tracelab.core.dupes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * Finds near-duplicate texts with MinHash and locality-sensitive hashing: each text is reduced to its shingle set and
 * band keys once ({@link #add}); texts that share a band key become candidates, and a candidate pair counts only if
 * the exact Jaccard similarity of its shingle sets reaches the threshold; groups are stars around a centre
 * ({@link StarClusters}), so every member reaches the threshold with its centre. Work grows with the number of texts
 * (plus the candidates), not with its square. Not thread-safe: compute {@link #fingerprint} on many threads, add on one.
 */
public final class Dupes {
    /** Buckets larger than this compare each member with a window of others, not all pairs. */
    static final int FULL_BUCKET = 64;
    /** How many following members each member of a large bucket is compared with, in one band. */
    static final int WINDOW = 16;

    private final double threshold;
    private final Shingles shingles = new Shingles();
    private final MinHash minHash;
    private final List<String> ids = new ArrayList<>();
    private final List<int[]> sets = new ArrayList<>();
    private int[] keys = new int[1024];

    /** What {@link #add} keeps of a text. */
    public record Fingerprint(int[] shingles, int[] bandKeys) {
    }

    /** A finder that reports groups whose members reach {@code threshold} Jaccard similarity with their centre. */
    public Dupes(double threshold) {
        this.minHash = new MinHash(threshold);
        this.threshold = threshold;
    }

    /** The shingles and band keys of a text: pure, safe to call from many threads. */
    public Fingerprint fingerprint(String text) {
        int[] s = shingles.of(text);
        return new Fingerprint(s, minHash.bandKeys(s));
    }

    /** Adds a text; texts without words are skipped (they would all look alike). */
    public void add(String itemId, String text) {
        add(itemId, fingerprint(text));
    }

    /** Adds a text by its fingerprint. */
    public void add(String itemId, Fingerprint fingerprint) {
        if (fingerprint.shingles().length == 0) {
            return;
        }
        int bands = minHash.bands();
        int at = ids.size() * bands;
        if (at + bands > keys.length) {
            keys = Arrays.copyOf(keys, Math.max(keys.length * 2, at + bands));
        }
        System.arraycopy(fingerprint.bandKeys(), 0, keys, at, bands);
        ids.add(itemId);
        sets.add(fingerprint.shingles());
    }

    /** How many texts were added. */
    public int size() {
        return ids.size();
    }

    /**
     * The groups of near-duplicates, largest first, then by centre: candidate pairs from shared band keys, kept when
     * their exact Jaccard similarity reaches the threshold, grouped by {@link StarClusters} so that every member
     * reaches the threshold with its group's centre. Ties go to the item whose id sorts first (shorter ids first, so
     * numeric ids sort as numbers): the same texts give the same groups whatever order they were added in.
     */
    public List<DuplicateGroup> groups() {
        int n = ids.size();
        int bands = minHash.bands();
        Edges edges = new Edges();
        BitSet allPairs = new BitSet(n * bands); // item i's bucket in band b was compared pair by pair
        long[] packed = new long[n];
        for (int b = 0; b < bands; b++) {
            for (int i = 0; i < n; i++) {
                packed[i] = ((long) keys[i * bands + b] << 32) | i;
            }
            Arrays.sort(packed);
            int start = 0;
            for (int i = 1; i <= n; i++) {
                if (i == n || (packed[i] >>> 32) != (packed[start] >>> 32)) {
                    if (i - start > 1) {
                        bucket(packed, start, i, b, allPairs, edges);
                    }
                    start = i;
                }
            }
        }
        int[] rank = rank();
        List<StarClusters.Star> stars = new ArrayList<>(StarClusters.of(edges.pairs, edges.size, rank));
        stars.sort(Comparator.<StarClusters.Star>comparingInt(star -> -star.members().length)
                .thenComparingInt(star -> rank[star.centre()]));
        List<DuplicateGroup> groups = new ArrayList<>(stars.size());
        for (StarClusters.Star star : stars) {
            List<DuplicateGroup.Member> members = new ArrayList<>(star.members().length);
            for (int m : star.members()) {
                double similarity = Shingles.jaccard(sets.get(star.centre()), sets.get(m));
                members.add(new DuplicateGroup.Member(ids.get(m), Math.round(similarity * 1000) / 1000.0));
            }
            groups.add(new DuplicateGroup(ids.get(star.centre()), members));
        }
        return groups;
    }

    /**
     * Candidate pairs of one band's bucket: all pairs of a small bucket, except those already compared in an earlier
     * band's small bucket; in a large one (many ads of one template), each member with the next {@value #WINDOW} in
     * an order that changes from band to band, so the work stays linear and the bands together still reach the
     * bucket's near-duplicates.
     */
    private void bucket(long[] packed, int from, int to, int band, BitSet allPairs, Edges edges) {
        int bands = minHash.bands();
        int size = to - from;
        int[] members = new int[size];
        for (int i = 0; i < size; i++) {
            members[i] = (int) packed[from + i];
        }
        int reach = size - 1;
        if (size > FULL_BUCKET) {
            long[] shuffled = new long[size];
            for (int i = 0; i < size; i++) {
                shuffled[i] = (Shingles.mix(band * 0x9E3779B97F4A7C15L ^ ids.get(members[i]).hashCode()) & 0xFFFFFFFF00000000L)
                        | members[i];
            }
            Arrays.sort(shuffled);
            for (int i = 0; i < size; i++) {
                members[i] = (int) shuffled[i];
            }
            reach = WINDOW;
        } else {
            for (int m : members) {
                allPairs.set(m * bands + band);
            }
        }
        for (int i = 0; i < size; i++) {
            int a = members[i];
            for (int j = i + 1; j < size && j <= i + reach; j++) {
                int c = members[j];
                if (!comparedBefore(a, c, band, allPairs) && Shingles.jaccard(sets.get(a), sets.get(c)) >= threshold) {
                    edges.add(Math.min(a, c), Math.max(a, c));
                }
            }
        }
    }

    /** Whether {@code a} and {@code c} shared a small, fully compared bucket in a band before {@code band}. */
    private boolean comparedBefore(int a, int c, int band, BitSet allPairs) {
        int bands = minHash.bands();
        for (int b = 0; b < band; b++) {
            if (keys[a * bands + b] == keys[c * bands + b] && allPairs.get(a * bands + b)) {
                return true;
            }
        }
        return false;
    }

    /** Each item's place in id order: shorter ids first, then alphabetical, so "9" comes before "10". */
    private int[] rank() {
        Integer[] order = new Integer[ids.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingInt(i -> ids.get(i).length()).thenComparing(ids::get));
        int[] rank = new int[order.length];
        for (int r = 0; r < order.length; r++) {
            rank[order[r]] = r;
        }
        return rank;
    }

    /** A growing list of item pairs, each packed {@code a << 32 | b}. */
    private static final class Edges {
        long[] pairs = new long[1024];
        int size;

        void add(int a, int b) {
            if (size == pairs.length) {
                pairs = Arrays.copyOf(pairs, size * 2);
            }
            pairs[size++] = ((long) a << 32) | b;
        }
    }
}
