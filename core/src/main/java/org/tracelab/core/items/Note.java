package org.tracelab.core.items;

import java.time.Instant;

/** An examiner's note on an item. */
public record Note(long id, long itemId, String text, String examiner, Instant addedAt) {
}
