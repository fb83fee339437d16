package org.tracelab.core.collect;

import org.tracelab.core.collect.NewItem;
import org.tracelab.core.collect.StoredBlob;

/** An item the case now holds: committed, logged, its blob durable. */
public record StoredItem(long id, NewItem item, StoredBlob blob) {
}
