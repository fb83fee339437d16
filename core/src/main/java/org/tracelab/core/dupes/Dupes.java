package org.tracelab.core.dupes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds near-duplicate texts with MinHash and locality-sensitive hashing: each text is reduced to its shingle set and
 * band keys once ({@link #add}); texts that share a band key become candidates, and a candidate pair counts only if
 * the exact Jaccard similarity of its shingle sets reaches the threshold. Work grows with the number of texts (plus
 * the candidates), not with its square. Not thread-safe: compute {@link #fingerprint} on many threads, add on one.
 */
public final class Dupes {
    /** Buckets larger than this compare each member with the first and its neighbour only, not all pairs. */
    static final int FULL_BUCKET = 64;

    private final double threshold;
    private final Shingles shingles = new Shingles();
    private final MinHash minHash;
    private final List<String> ids = new ArrayList<>();
    private final List<int[]> sets = new ArrayList<>();
    private int[] keys = new int[1024];

    /** What {@link #add} keeps of a text. */
    public record Fingerprint(int[] shingles, int[] bandKeys) {
    }

    /** A finder that reports groups whose members reach {@code threshold} Jaccard similarity (0.8 by default). */
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

    /** The groups of near-duplicates, largest first, then by first item. */
    public List<DuplicateGroup> groups() {
        int n = ids.size();
        int bands = minHash.bands();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
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
                        bucket(packed, start, i, parent);
                    }
                    start = i;
                }
            }
        }
        Map<Integer, List<Integer>> members = new HashMap<>();
        for (int i = 0; i < n; i++) {
            members.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
        }
        List<DuplicateGroup> groups = new ArrayList<>();
        for (List<Integer> m : members.values()) {
            if (m.size() < 2) {
                continue;
            }
            double lowest = 1.0;
            for (int k = 1; k < m.size(); k++) {
                lowest = Math.min(lowest, Shingles.jaccard(sets.get(m.get(0)), sets.get(m.get(k))));
            }
            groups.add(new DuplicateGroup(m.stream().map(ids::get).toList(), Math.round(lowest * 1000) / 1000.0));
        }
        groups.sort(Comparator.<DuplicateGroup>comparingInt(g -> g.items().size()).reversed()
                .thenComparing(g -> g.items().get(0)));
        return groups;
    }

    private void bucket(long[] packed, int from, int to, int[] parent) {
        boolean all = to - from <= FULL_BUCKET;
        for (int i = from; i < to; i++) {
            int a = (int) packed[i];
            for (int j = i + 1; j < to; j++) {
                if (!all && i != from && j != i + 1) {
                    break;
                }
                int b = (int) packed[j];
                int ra = find(parent, a);
                int rb = find(parent, b);
                if (ra != rb && Shingles.jaccard(sets.get(a), sets.get(b)) >= threshold) {
                    parent[Math.max(ra, rb)] = Math.min(ra, rb);
                }
            }
        }
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
