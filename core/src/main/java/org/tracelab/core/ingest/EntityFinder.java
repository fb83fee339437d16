package org.tracelab.core.ingest;

import java.io.IOException;
import java.util.List;

/** Finds the entities an extracted text mentions, with normalized values and offsets into the text. */
@FunctionalInterface
public interface EntityFinder {
    /** The entities in {@code text}, in offset order. */
    List<EntityMention> find(String text);

    /**
     * The entities of an item: those of its text, read knowing where it came from, then those its markup links to;
     * by default those of its text alone.
     */
    default List<EntityMention> find(ItemContent item) throws IOException {
        return find(item.text());
    }
}
