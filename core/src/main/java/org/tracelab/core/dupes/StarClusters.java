package org.tracelab.core.dupes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Greedy star clustering of a similarity graph (after Aslam, Pelekhov and Rus, "The star clustering algorithm for
 * static and dynamic information organization", JGAA 8(1), 2004): the unassigned item with the most unassigned
 * neighbours becomes a centre and takes those neighbours as its members, until no unassigned item has an unassigned
 * neighbour. Every member is a neighbour of its centre, so unlike connected components a chain A~B~C never puts A
 * and C together through B. Work grows with the number of edges (times the log of a queue).
 */
final class StarClusters {
    /** One star: its centre and members, as item indices, members in rank order. */
    record Star(int centre, int[] members) {
    }

    private StarClusters() {
    }

    /**
     * The stars of the graph of {@code rank.length} items and the undirected edges {@code edges[0, count)} (each
     * {@code a << 32 | b}, duplicates allowed; sorted in place). Ties between centres go to the lower {@code rank},
     * which makes the result independent of the order edges were found in.
     */
    static List<Star> of(long[] edges, int count, int[] rank) {
        int n = rank.length;
        Arrays.sort(edges, 0, count);
        int[] offsets = new int[n + 1];
        int unique = 0;
        for (int i = 0; i < count; i++) {
            if (i == 0 || edges[i] != edges[i - 1]) {
                edges[unique++] = edges[i];
                offsets[(int) (edges[i] >>> 32) + 1]++;
                offsets[(int) edges[i] + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            offsets[i + 1] += offsets[i];
        }
        int[] fill = Arrays.copyOf(offsets, n);
        int[] neighbours = new int[offsets[n]];
        for (int i = 0; i < unique; i++) {
            int a = (int) (edges[i] >>> 32);
            int b = (int) edges[i];
            neighbours[fill[a]++] = b;
            neighbours[fill[b]++] = a;
        }
        int[] byRank = new int[n];
        for (int i = 0; i < n; i++) {
            byRank[rank[i]] = i;
        }
        int[] open = new int[n]; // how many neighbours of each item are still unassigned
        PriorityQueue<Long> queue = new PriorityQueue<>();
        for (int i = 0; i < n; i++) {
            open[i] = offsets[i + 1] - offsets[i];
            if (open[i] > 0) {
                queue.add(entry(open[i], rank[i]));
            }
        }
        boolean[] assigned = new boolean[n];
        List<Star> stars = new ArrayList<>();
        while (!queue.isEmpty()) {
            long top = queue.poll();
            int c = byRank[(int) top];
            if (assigned[c] || open[c] == 0) {
                continue;
            }
            if (entry(open[c], rank[c]) != top) { // neighbours were taken since it was queued: queue it again
                queue.add(entry(open[c], rank[c]));
                continue;
            }
            int[] members = new int[open[c]];
            int k = 0;
            for (int e = offsets[c]; e < offsets[c + 1]; e++) {
                if (!assigned[neighbours[e]]) {
                    members[k++] = neighbours[e];
                }
            }
            assigned[c] = true;
            release(c, offsets, neighbours, open);
            for (int m : members) {
                assigned[m] = true;
                release(m, offsets, neighbours, open);
            }
            stars.add(new Star(c, Arrays.stream(members).boxed()
                    .sorted((x, y) -> Integer.compare(rank[x], rank[y])).mapToInt(Integer::intValue).toArray()));
        }
        return stars;
    }

    /** A queue entry: more open neighbours first, then the lower rank. */
    private static long entry(int open, int rank) {
        return ((long) (Integer.MAX_VALUE - open) << 32) | rank;
    }

    /** An item was assigned: each of its neighbours has one unassigned neighbour fewer. */
    private static void release(int item, int[] offsets, int[] neighbours, int[] open) {
        for (int e = offsets[item]; e < offsets[item + 1]; e++) {
            open[neighbours[e]]--;
        }
    }
}
