package org.tracelab.core.index;

import java.util.List;
import java.util.Objects;
import org.tracelab.core.ingest.DerivedText;
import org.tracelab.core.ingest.EntityMention;
import org.tracelab.core.items.Item;

/**
 * Everything the index holds of one item.
 *
 * @param item     the item
 * @param derived  its extracted text record
 * @param text     the extracted text itself
 * @param entities the entities found in it
 */
public record IndexedItem(Item item, DerivedText derived, String text, List<EntityMention> entities) {
    public IndexedItem {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(derived, "derived");
        Objects.requireNonNull(text, "text");
        entities = List.copyOf(entities);
        if (derived.itemId() != item.id()) {
            throw new IllegalArgumentException("text of item " + derived.itemId() + " given for item " + item.id());
        }
    }
}
