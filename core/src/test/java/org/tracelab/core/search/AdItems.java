package org.tracelab.core.search;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tracelab.core.collect.BlobId;
import org.tracelab.core.index.IndexedItem;
import org.tracelab.core.ingest.DerivedText;
import org.tracelab.core.items.Item;
import org.tracelab.core.store.BlobStore;

/** Fictitious ads made into indexable items for search tests: the text stored as a blob, captured a second apart. */
final class AdItems {
    private AdItems() {
    }

    /** Item {@code id} holding {@code text}, its text blob written to {@code blobs}. */
    static IndexedItem ad(BlobStore blobs, long id, String text) throws IOException {
        BlobId blob = blobs.put(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))).id();
        Instant at = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(id);
        Item item = new Item(id, "file", "file:/ads/" + id + ".txt", at, "test", blob, text.length(), "text/plain",
                null, false, null);
        DerivedText derived = new DerivedText(id, blob, text.length(), "text/plain", "und", Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), "test", Optional.empty(), Optional.empty(), 0,
                at);
        return new IndexedItem(item, derived, text, List.of());
    }
}
