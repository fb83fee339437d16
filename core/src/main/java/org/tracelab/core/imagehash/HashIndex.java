package org.tracelab.core.imagehash;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the hashes near a hash without comparing it with every one: multi-index hashing (Norouzi et al.). Each hash
 * is filed under each of its 16 chunks of 16 bits; two hashes at most {@code d} apart agree to within
 * {@code d / 16} bits on at least one chunk (16 chunks cannot each differ by more), so only the hashes filed under
 * values that close to the query's chunks are compared. For PDQ's usual distances that is 17 lookups a chunk.
 */
public final class HashIndex {
    private static final int CHUNKS = 16;
    /** Past this chunk radius the lookups cost more than comparing with everything. */
    private static final int MAX_RADIUS = 2;

    private final List<HashedItem> items;
    private final List<Map<Integer, List<Integer>>> chunks = new ArrayList<>(CHUNKS);

    /** An index of {@code items}. */
    public HashIndex(List<HashedItem> items) {
        this.items = List.copyOf(items);
        for (int c = 0; c < CHUNKS; c++) {
            Map<Integer, List<Integer>> byValue = new HashMap<>();
            for (int i = 0; i < this.items.size(); i++) {
                byValue.computeIfAbsent(this.items.get(i).hash().chunk(c), k -> new ArrayList<>(1)).add(i);
            }
            chunks.add(byValue);
        }
    }

    /** An item within reach of a query and how far. */
    public record Match(long itemId, int distance) {
    }

    /** Two items of the index within reach of each other; {@code first} is the lower id. */
    public record Pair(long first, long second, int distance) {
    }

    /** The items whose hashes are at most {@code maxDistance} from {@code query}, nearest first, then by id. */
    public List<Match> within(PdqHash query, int maxDistance) {
        List<Match> out = new ArrayList<>();
        for (int i : candidates(query, maxDistance)) {
            int d = query.distance(items.get(i).hash());
            if (d <= maxDistance) {
                out.add(new Match(items.get(i).itemId(), d));
            }
        }
        out.sort(Comparator.comparingInt(Match::distance).thenComparingLong(Match::itemId));
        return out;
    }

    /** Every pair of items at most {@code maxDistance} apart, each once, in order of their first and second ids. */
    public List<Pair> pairs(int maxDistance) {
        List<Pair> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            HashedItem a = items.get(i);
            for (int j : candidates(a.hash(), maxDistance)) {
                HashedItem b = items.get(j);
                if (j <= i) {
                    continue; // the pair was found from its first member, or is the item itself
                }
                int d = a.hash().distance(b.hash());
                if (d <= maxDistance) {
                    out.add(a.itemId() < b.itemId() ? new Pair(a.itemId(), b.itemId(), d)
                            : new Pair(b.itemId(), a.itemId(), d));
                }
            }
        }
        out.sort(Comparator.comparingLong(Pair::first).thenComparingLong(Pair::second));
        return out;
    }

    /** Positions of the items that may be within {@code maxDistance} of {@code query}, each once, ascending. */
    private int[] candidates(PdqHash query, int maxDistance) {
        if (maxDistance < 0) {
            return new int[0];
        }
        int radius = maxDistance / CHUNKS;
        if (radius > MAX_RADIUS) {
            int[] all = new int[items.size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        }
        BitSet seen = new BitSet(items.size());
        for (int c = 0; c < CHUNKS; c++) {
            Map<Integer, List<Integer>> byValue = chunks.get(c);
            int v = query.chunk(c);
            add(seen, byValue.get(v));
            if (radius >= 1) {
                for (int b1 = 0; b1 < 16; b1++) {
                    int v1 = v ^ (1 << b1);
                    add(seen, byValue.get(v1));
                    if (radius >= 2) {
                        for (int b2 = b1 + 1; b2 < 16; b2++) {
                            add(seen, byValue.get(v1 ^ (1 << b2)));
                        }
                    }
                }
            }
        }
        return seen.stream().toArray();
    }

    private static void add(BitSet seen, List<Integer> positions) {
        if (positions != null) {
            positions.forEach(seen::set);
        }
    }
}
