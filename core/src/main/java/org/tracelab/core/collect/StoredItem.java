package org.tracelab.core.collect;

import org.tracelab.core.items.NewItem;
import org.tracelab.core.store.StoredBlob;

/** An item the case now holds: committed, logged, its blob durable. */
public record StoredItem(long id, NewItem item, StoredBlob blob) {
}
