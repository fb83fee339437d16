package org.tracelab.core.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.tracelab.core.index.CaseIndex;
import org.tracelab.core.index.IndexedItem;
import org.tracelab.core.items.Item;
import org.tracelab.core.items.ItemStore;
import org.tracelab.core.store.BlobStore;

/**
 * What the index holds of a container (a ZIP, an e-mail, a WARC record holding a document): its own text, then the
 * texts of every member inside it at any depth, so a word of an attached DOCX finds the e-mail that holds it as well
 * as the DOCX. Only the index holds the joined text: the container's extracted text, its entities and its passages
 * stay its own. Members are extracted after their container, a level per pass, so after each pass the containers
 * of its members are indexed again.
 */
final class ContainerTexts {
    /** Members' text indexed with one container, at most: a container of thousands of documents stays searchable. */
    static final int MAX_CHARS = 4_000_000;

    private final ItemStore items;
    private final DerivedStore store;
    private final BlobStore blobs;

    ContainerTexts(ItemStore items, DerivedStore store, BlobStore blobs) {
        this.items = items;
        this.store = store;
        this.blobs = blobs;
    }

    /** An item as the index holds it, read from the case; {@link Read#unreadable()} counts texts gone missing. */
    record Read(IndexedItem item, int unreadable) {
    }

    /** Item {@code id} as the index holds it: its stored text, main text and entities, and its members' texts. */
    Read read(long id) throws IOException, SQLException {
        Item item = items.get(id).orElseThrow(() -> new IllegalStateException("item " + id + " vanished"));
        DerivedText d = store.get(id).orElseThrow(() -> new IllegalStateException("item " + id + " has no text"));
        int unreadable = 0;
        Optional<String> text = text(d);
        if (text.isEmpty()) {
            unreadable++; // a missing text blob is verify's to report; the item stays findable by its fields
        }
        Optional<IndexedItem.Main> main = Optional.empty();
        Optional<DerivedText> m = store.main(id);
        if (m.isPresent()) {
            Optional<String> mainText = m.get().pieces().isPresent() ? inText(m.get().pieces().get(), text)
                    : text(m.get());
            if (mainText.isPresent()) {
                main = Optional.of(new IndexedItem.Main(m.get(), mainText.get()));
            } else {
                unreadable++; // the item is indexed with its full text only
            }
        }
        return new Read(new IndexedItem(item, d, withMembers(id, text.orElse("")), store.entitiesOf(id), main),
                unreadable);
    }

    /** Indexes again the containers of the items of a pass (most are captures, which sit in none). */
    void reindexContainersOf(Collection<Long> members, CaseIndex index) throws IOException, SQLException {
        if (members.isEmpty()) {
            return;
        }
        // One query for the pass, not one per item: most passes are of captures, which hold no members yet.
        java.util.Set<Long> asked = new java.util.HashSet<>(members);
        TreeSet<Long> containers = new TreeSet<>();
        for (long id : store.membersBetween(java.util.Collections.min(members), java.util.Collections.max(members))) {
            if (asked.contains(id)) {
                containers.addAll(store.containers(id));
            }
        }
        for (long c : containers) {
            if (store.get(c).isPresent()) {
                index.put(read(c).item());
            }
        }
    }

    private String withMembers(long id, String own) throws IOException, SQLException {
        List<Long> members = store.members(id);
        if (members.isEmpty()) {
            return own;
        }
        StringBuilder all = new StringBuilder(own);
        for (long member : members) {
            int room = MAX_CHARS - all.length();
            if (room <= 2) {
                break;
            }
            Optional<DerivedText> d = store.get(member);
            Optional<String> text = d.isPresent() ? text(d.get()) : Optional.empty();
            if (text.isPresent() && !text.get().isBlank()) {
                all.append("\n\n").append(text.get(), 0, Math.min(text.get().length(), room - 2));
            }
        }
        return all.toString();
    }

    /** A main text made of pieces of the full text; none when the text is gone or a piece lies outside it. */
    private static Optional<String> inText(TextPieces pieces, Optional<String> text) {
        try {
            return text.map(pieces::in);
        } catch (IllegalArgumentException outside) {
            return Optional.empty(); // verify names the pieces; the item is indexed with its full text only
        }
    }

    private Optional<String> text(DerivedText d) throws IOException {
        try (InputStream in = blobs.open(d.blob())) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }
}
