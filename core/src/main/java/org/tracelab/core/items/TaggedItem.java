package org.tracelab.core.items;

import java.util.List;
import java.util.Objects;

/** An item with its tags, as exports list it. */
public record TaggedItem(Item item, List<String> tags) {
    public TaggedItem {
        Objects.requireNonNull(item, "item");
        tags = List.copyOf(tags);
    }
}
