package org.tracelab.core.index;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
 * @param main     a page's main text and its record, when it has one
 */
public record IndexedItem(Item item, DerivedText derived, String text, List<EntityMention> entities,
                          Optional<Main> main) {
    /**
     * A page's main text, without its furniture, and the record of it.
     *
     * @param derived the main text's derived row
     * @param text    the main text
     */
    public record Main(DerivedText derived, String text) {
        public Main {
            Objects.requireNonNull(derived, "derived");
            Objects.requireNonNull(text, "text");
        }
    }

    /** An item indexed with its full text only. */
    public IndexedItem(Item item, DerivedText derived, String text, List<EntityMention> entities) {
        this(item, derived, text, entities, Optional.empty());
    }

    public IndexedItem {
        Objects.requireNonNull(main, "main");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(derived, "derived");
        Objects.requireNonNull(text, "text");
        entities = List.copyOf(entities);
        if (derived.itemId() != item.id()) {
            throw new IllegalArgumentException("text of item " + derived.itemId() + " given for item " + item.id());
        }
    }
}
