package org.tracelab.core.links;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.tracelab.core.imagehash.HashIndex;
import org.tracelab.core.imagehash.HashedItem;
import org.tracelab.core.imagehash.PictureSet;

/**
 * The {@code image} identifiers of a case: pictures whose PDQ hashes are within a distance of each other, directly
 * or in a chain, are one photo; the photo is an identifier named after its first picture ({@code image:12}), held
 * by the item each picture belongs to (the ad, post or document it was collected with, else the picture itself).
 * Two ads showing the same recompressed, resized or slightly cropped photo then link as two ads printing the same
 * phone do.
 */
public final class ImageLinks {
    /** The identifier type. */
    public static final String TYPE = "image";
    /**
     * The largest distance (of 256 bits) at which two pictures are one photo. Measured on the generator's photos and
     * their near copies (docs/BENCHMARKS.md, "Image links"): PDQ's usual 31 misses a fifth of the copies cropped by
     * 2 % and most reposts that crop too; 40 finds 95 % of all copies with no false link, the nearest distinct photos
     * being 90 bits and more apart. Every tie shows its distance, so a reader sees how close it is.
     */
    public static final int MAX_DISTANCE = 40;

    /** Two pictures found to be one photo, and how far apart their hashes are. */
    public record Tie(long picture, long other, int distance) {
    }

    /**
     * The identifiers each holder gets and, for each identifier, the ties that make its photo one: a spanning set,
     * one tie fewer than the pictures.
     */
    public record Result(Map<Long, Set<Identifier>> byHolder, Map<Identifier, List<Tie>> ties) {
        public Result {
            byHolder = Map.copyOf(byHolder);
            Map<Identifier, List<Tie>> copy = new HashMap<>();
            ties.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            ties = Map.copyOf(copy);
        }
    }

    private ImageLinks() {
    }

    /**
     * Groups the pictures of {@code set} at most {@code maxDistance} apart, each held by the item it belongs to. A
     * photo held by one item only ties nothing and is left out.
     */
    public static Result of(PictureSet set, int maxDistance) {
        List<HashedItem> pictures = set.hashes();
        Map<Long, Long> root = new HashMap<>();
        pictures.forEach(p -> root.put(p.itemId(), p.itemId()));
        List<HashIndex.Pair> spanning = new ArrayList<>();
        for (HashIndex.Pair pair : new HashIndex(pictures).pairs(maxDistance)) {
            long a = find(root, pair.first());
            long b = find(root, pair.second());
            if (a != b) {
                // The lower id becomes the root, so a photo is named after its first picture.
                root.put(Math.max(a, b), Math.min(a, b));
                spanning.add(pair);
            }
        }
        Map<Long, Set<Long>> holdersOfPhoto = new TreeMap<>();
        for (HashedItem p : pictures) {
            holdersOfPhoto.computeIfAbsent(find(root, p.itemId()), k -> new HashSet<>())
                    .add(set.holderOf(p.itemId()));
        }
        Map<Long, Set<Identifier>> byHolder = new HashMap<>();
        Map<Identifier, List<Tie>> ties = new HashMap<>();
        holdersOfPhoto.forEach((photo, holders) -> {
            if (holders.size() < 2) {
                return;
            }
            Identifier id = new Identifier(TYPE, Long.toString(photo));
            holders.forEach(h -> byHolder.computeIfAbsent(h, k -> new HashSet<>()).add(id));
            ties.put(id, new ArrayList<>());
        });
        for (HashIndex.Pair pair : spanning) {
            List<Tie> t = ties.get(new Identifier(TYPE, Long.toString(find(root, pair.first()))));
            if (t != null) {
                t.add(new Tie(pair.first(), pair.second(), pair.distance()));
            }
        }
        return new Result(byHolder, ties);
    }

    private static long find(Map<Long, Long> root, long x) {
        long r = x;
        while (root.get(r) != r) {
            r = root.get(r);
        }
        long at = x;
        while (at != r) {
            long next = root.get(at);
            root.put(at, r);
            at = next;
        }
        return r;
    }
}
