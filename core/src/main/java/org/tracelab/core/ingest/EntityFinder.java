package org.tracelab.core.ingest;

import java.util.List;

/** Finds the entities an extracted text mentions, with normalized values and offsets into the text. */
@FunctionalInterface
public interface EntityFinder {
    /** The entities in {@code text}, in offset order. */
    List<EntityMention> find(String text);
}
