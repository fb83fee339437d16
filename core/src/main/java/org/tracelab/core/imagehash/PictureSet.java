package org.tracelab.core.imagehash;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hashed pictures of a case that are worth matching on (PDQ quality {@value PdqResult#USEFUL_QUALITY} or more)
 * and the item each belongs to: what {@code links} and {@code search image:} compare.
 *
 * @param hashes  the pictures and their hashes, in item order
 * @param holders the item each picture belongs to (see {@link ImageHashStore#holders})
 */
public record PictureSet(List<HashedItem> hashes, Map<Long, Long> holders) {
    public PictureSet {
        hashes = List.copyOf(hashes);
        holders = Map.copyOf(holders);
    }

    /** The item a picture belongs to; itself when it belongs to none. */
    public long holderOf(long picture) {
        return holders.getOrDefault(picture, picture);
    }

    /** The hashes of {@code item}: its own when it is a picture, else those of the pictures it holds. */
    public List<PdqHash> picturesOf(long item) {
        List<PdqHash> own = new ArrayList<>();
        List<PdqHash> held = new ArrayList<>();
        for (HashedItem h : hashes) {
            if (h.itemId() == item) {
                own.add(h.hash());
            } else if (holderOf(h.itemId()) == item) {
                held.add(h.hash());
            }
        }
        return own.isEmpty() ? held : own;
    }

    /**
     * The items with a picture at most {@code maxDistance} from one of {@code item}'s: the pictures and the items
     * holding them, each with its nearest distance, nearest first (then by id). Empty when {@code item} has no
     * hashed picture.
     */
    public Map<Long, Integer> similarTo(long item, int maxDistance) {
        List<PdqHash> queries = picturesOf(item);
        Map<Long, Integer> nearest = new HashMap<>();
        if (queries.isEmpty()) {
            return nearest;
        }
        HashIndex index = new HashIndex(hashes);
        for (PdqHash q : queries) {
            for (HashIndex.Match m : index.within(q, maxDistance)) {
                nearest.merge(m.itemId(), m.distance(), Math::min);
                nearest.merge(holderOf(m.itemId()), m.distance(), Math::min);
            }
        }
        Map<Long, Integer> sorted = new LinkedHashMap<>();
        nearest.entrySet().stream().sorted(Map.Entry.<Long, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.naturalOrder())))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
