package org.tracelab.core.links;

import java.util.Objects;
import java.util.Set;

/** The identifiers found in one item: the input of {@link Links}. */
public record ItemIdentifiers(String itemId, Set<Identifier> identifiers) {
    public ItemIdentifiers {
        Objects.requireNonNull(itemId, "itemId");
        identifiers = Set.copyOf(identifiers);
    }
}
