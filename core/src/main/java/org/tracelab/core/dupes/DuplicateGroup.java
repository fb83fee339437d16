package org.tracelab.core.dupes;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Items whose texts are near-duplicates of one representative: the same template with a new phone, price or city.
 *
 * @param centre  the representative item, the one most other items were near-duplicates of
 * @param members the other items, each with its similarity to the centre
 */
public record DuplicateGroup(String centre, List<Member> members) {
    /** A member of a group and the exact Jaccard similarity of its shingles to the centre's, rounded to 0.001. */
    public record Member(String item, double similarity) {
        public Member {
            Objects.requireNonNull(item, "item");
            if (!(similarity >= 0 && similarity <= 1)) {
                throw new IllegalArgumentException("similarity " + similarity + " not in [0, 1]");
            }
        }
    }

    public DuplicateGroup {
        Objects.requireNonNull(centre, "centre");
        members = List.copyOf(members);
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a group has at least one member besides its centre " + centre);
        }
    }

    /** The centre, then the members. */
    public List<String> items() {
        List<String> items = new ArrayList<>(members.size() + 1);
        items.add(centre);
        members.forEach(m -> items.add(m.item()));
        return items;
    }

    /** The lowest similarity of a member to the centre. */
    public double similarity() {
        return members.stream().mapToDouble(Member::similarity).min().orElseThrow();
    }
}
