package org.tracelab.core.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.tracelab.core.Json;
import org.tracelab.core.collect.BlobId;
import org.tracelab.core.custody.CoveredRows;
import org.tracelab.core.custody.RowDigest;
import org.tracelab.core.ingest.DerivedText;
import org.tracelab.core.store.BlobStore;

/**
 * Items and what was derived from them, against the custody entries that recorded them: each blob re-hashed once,
 * each item row against its {@code capture} entry, each derived row (of any kind) and the entity rows against the
 * latest entry that logged the item's derived rows.
 *
 * <p>Reads raw columns rather than typed records, because a tampered row may no longer parse.
 */
final class ItemCheck {
    static final String OLD_ITEMS = "items logged before record hashes: their times, types and metadata are not"
            + " under the chain";
    static final String OLD_DERIVED = "extracted texts logged before record hashes: their titles, authors, dates and"
            + " entities are not under the chain";

    /** An item that points into a WARC file of the case. */
    record WarcPointer(long item, String subject, String sha256, JsonNode warc) {
    }

    private final Connection conn;
    private final BlobStore blobs;
    private final VerifyListener listener;
    private final Findings findings;
    /** Each distinct blob is re-hashed once, whatever number of rows share it: its hash as found, "" if missing. */
    private final Map<String, String> blobVerdict = new HashMap<>();
    private final List<WarcPointer> pointers = new ArrayList<>();
    private long items;
    private long bytes;

    ItemCheck(Connection conn, BlobStore blobs, VerifyListener listener, Findings findings) {
        this.conn = conn;
        this.blobs = blobs;
        this.listener = listener;
        this.findings = findings;
    }

    long items() {
        return items;
    }

    long blobs() {
        return blobVerdict.size();
    }

    long bytes() {
        return bytes;
    }

    List<WarcPointer> warcPointers() {
        return pointers;
    }

    void run() throws SQLException, IOException {
        checkItems();
        checkDerived();
        checkEntities();
    }

    private void checkItems() throws SQLException, IOException {
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT i.*, (SELECT c.params FROM custody_log c WHERE c.item_id = i.id"
                     + " AND c.action = 'capture' ORDER BY c.seq LIMIT 1) AS logged FROM items i ORDER BY i.id")) {
            int columns = rs.getMetaData().getColumnCount() - 1;
            while (rs.next()) {
                items++;
                String now = RowDigest.of(rs, columns); // first: reading a column another way may convert it
                long id = rs.getLong("id");
                String sha = rs.getString("sha256");
                String subject = "item " + id + " (" + rs.getString("source") + ")";
                rehash(subject, sha, rs.getLong("size"));
                String meta = rs.getString("meta");
                Optional<JsonNode> metaTree = parse(meta);
                String logged = rs.getString("logged");
                if (logged == null) {
                    findings.add(Problem.Kind.ITEM_UNLOGGED, subject, "a 'capture' custody entry", "none");
                } else {
                    Optional<JsonNode> entry = parse(logged);
                    if (entry.isPresent()) {
                        compareWithEntry(rs, now, subject, entry.get(), metaTree.isPresent());
                    }
                }
                metaTree.map(m -> m.path("warc")).filter(w -> w.path("file").isTextual())
                        .ifPresent(w -> pointers.add(new WarcPointer(id, subject, sha, w)));
            }
        }
    }

    /** The capture entry recorded source, hash and size, and (since record hashes) the whole row. */
    private void compareWithEntry(ResultSet rs, String now, String subject, JsonNode p, boolean metaParses)
            throws SQLException {
        compare(Problem.Kind.ITEM_ALTERED, subject, "sha256", p.path("sha256").asText(), rs.getString("sha256"));
        compare(Problem.Kind.ITEM_ALTERED, subject, "size", p.path("size").asText(),
                Long.toString(rs.getLong("size")));
        compare(Problem.Kind.ITEM_ALTERED, subject, "source", p.path("source").asText(), rs.getString("source"));
        JsonNode record = p.path(CoveredRows.RECORD);
        if (record.isTextual()) {
            if (!record.asText().equals(now)) {
                findings.add(Problem.Kind.ITEM_ALTERED, subject, "record sha256 " + record.asText() + " as logged",
                        "record sha256 " + now + (metaParses ? "" : "; its meta is no longer JSON"));
            }
        } else {
            findings.gap(OLD_ITEMS);
            if (!metaParses) {
                findings.add(Problem.Kind.ITEM_ALTERED, subject, "metadata that is JSON", "text that is not");
            }
        }
    }

    /**
     * Each derived row against the latest entry of its item that logged derived rows (an {@code extract}
     * entry, or any later kind of entry that carries the {@value CoveredRows#DERIVED} map); and the rows an
     * entry logged that are gone.
     */
    private void checkDerived() throws SQLException, IOException {
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT d.*, (" + latestDerivedEntry("d.item_id", "c.params")
                     + ") AS logged FROM derived d ORDER BY d.item_id, d.kind")) {
            int columns = rs.getMetaData().getColumnCount() - 1;
            long item = -1;
            JsonNode entry = null;
            Set<String> kinds = new TreeSet<>();
            while (rs.next()) {
                String now = RowDigest.of(rs, columns); // first: reading a column another way may convert it
                long id = rs.getLong("item_id");
                if (id != item) {
                    removedKinds(item, entry, kinds);
                    item = id;
                    kinds.clear();
                    String logged = rs.getString("logged");
                    entry = logged == null ? null : parse(logged).orElse(Json.MAPPER.createObjectNode());
                }
                String kind = rs.getString("kind");
                kinds.add(kind);
                String subject = "derived " + kind + " of item " + id;
                rehash("extracted text of item " + id, rs.getString("sha256"), rs.getLong("size"));
                if (entry == null) {
                    findings.add(Problem.Kind.ROW_UNLOGGED, subject, "an 'extract' custody entry", "none");
                    continue;
                }
                JsonNode map = entry.path(CoveredRows.DERIVED);
                if (map.isObject()) {
                    JsonNode logged = map.path(kind);
                    if (!logged.isTextual()) {
                        findings.add(Problem.Kind.ROW_UNLOGGED, subject, "its row hash in the item's extract entry",
                                "kinds " + fieldNames(map) + " only");
                    } else if (!logged.asText().equals(now)) {
                        findings.add(Problem.Kind.ROW_ALTERED, subject, "row sha256 " + logged.asText() + " as logged",
                                "row sha256 " + now);
                    }
                } else if (!entry.isEmpty()) {
                    findings.gap(OLD_DERIVED);
                    if (DerivedText.KIND.equals(kind)) {
                        compare(Problem.Kind.ITEM_ALTERED, "extracted text of item " + id, "sha256",
                                entry.path("sha256").asText(), rs.getString("sha256"));
                    }
                }
            }
            removedKinds(item, entry, kinds);
        }
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT c.item_id, max(c.seq) FROM custody_log c WHERE c.action = 'extract'"
                     + " AND c.item_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM derived d WHERE d.item_id = c.item_id)"
                     + " GROUP BY c.item_id ORDER BY c.item_id")) {
            while (rs.next()) {
                findings.add(Problem.Kind.ROW_REMOVED, "derived rows of item " + rs.getLong(1),
                        "the rows logged by entry " + rs.getLong(2), "none");
            }
        }
    }

    /** The query for the params of the latest entry of an item that logged its derived rows. */
    private static String latestDerivedEntry(String itemColumn, String what) {
        return "SELECT " + what + " FROM custody_log c WHERE c.item_id = " + itemColumn + " AND (c.action = 'extract'"
                + " OR CASE WHEN json_valid(c.params) THEN json_type(c.params, '$." + CoveredRows.DERIVED + "')"
                + " END IS NOT NULL) ORDER BY c.seq DESC LIMIT 1";
    }

    private void removedKinds(long item, JsonNode entry, Set<String> kinds) {
        if (entry == null || !entry.path(CoveredRows.DERIVED).isObject()) {
            return;
        }
        for (String kind : fieldNames(entry.path(CoveredRows.DERIVED))) {
            if (!kinds.contains(kind)) {
                findings.add(Problem.Kind.ROW_REMOVED, "derived " + kind + " of item " + item,
                        "the row its extract entry logged", "none");
            }
        }
    }

    /**
     * The entity rows of each item against the digest its latest extract entry logged; entity rows of an item
     * whose entry logged none are named too. Merges two scans in item order, so memory holds one item's rows.
     */
    private void checkEntities() throws SQLException {
        try (Statement s1 = conn.createStatement(); Statement s2 = conn.createStatement();
             ResultSet logged = s1.executeQuery("SELECT i.id, (" + latestDerivedEntry("i.id", "c.params")
                     + ") AS logged FROM items i ORDER BY i.id");
             ResultSet ents = s2.executeQuery("SELECT * FROM entities ORDER BY item_id, "
                     + CoveredRows.ENTITY_ORDER)) {
            int columns = ents.getMetaData().getColumnCount();
            // Each row is taken whole first: reading a column another way may convert it.
            ObjectNode row = ents.next() ? RowDigest.columns(ents, columns) : null;
            while (logged.next()) {
                long id = logged.getLong(1);
                while (row != null && row.path("item_id").asLong() < id) {
                    long orphan = row.path("item_id").asLong();
                    findings.add(Problem.Kind.ROW_UNLOGGED, "entities of item " + orphan, "an item with that id",
                            "none");
                    while (row != null && row.path("item_id").asLong() == orphan) {
                        row = ents.next() ? RowDigest.columns(ents, columns) : null;
                    }
                }
                ArrayNode rows = Json.MAPPER.createArrayNode();
                while (row != null && row.path("item_id").asLong() == id) {
                    rows.add(row);
                    row = ents.next() ? RowDigest.columns(ents, columns) : null;
                }
                Optional<JsonNode> entry = Optional.ofNullable(logged.getString(2)).flatMap(ItemCheck::parse);
                JsonNode digest = entry.map(e -> e.path(CoveredRows.ENTITY_ROWS)).orElse(null);
                if (digest != null && digest.isTextual()) {
                    String now = RowDigest.ofRows(rows);
                    if (!digest.asText().equals(now)) {
                        findings.add(Problem.Kind.ROW_ALTERED, "entities of item " + id, rows.size()
                                + " rows hashing to " + digest.asText() + " as logged", rows.size()
                                + " rows hashing to " + now);
                    }
                } else if (entry.isEmpty() && !rows.isEmpty()) {
                    findings.add(Problem.Kind.ROW_UNLOGGED, "entities of item " + id, "an 'extract' custody entry",
                            "none");
                } else if (entry.isPresent() && entry.get().path("entities").isNumber()
                        && entry.get().path("entities").asLong() != rows.size()) {
                    findings.add(Problem.Kind.ROW_ALTERED, "entities of item " + id, entry.get().path("entities")
                            .asLong() + " rows as logged", rows.size() + " rows");
                }
            }
            while (row != null) {
                long orphan = row.path("item_id").asLong();
                findings.add(Problem.Kind.ROW_UNLOGGED, "entities of item " + orphan, "an item with that id", "none");
                while (row != null && row.path("item_id").asLong() == orphan) {
                    row = ents.next() ? RowDigest.columns(ents, columns) : null;
                }
            }
        }
    }

    /** Re-hashes a blob the first time a row names it, and names what differs. */
    private void rehash(String subject, String sha, long size) throws IOException {
        BlobId blobId;
        try {
            blobId = new BlobId(sha);
        } catch (IllegalArgumentException e) {
            findings.add(Problem.Kind.ITEM_ALTERED, subject, "a SHA-256 in its record", String.valueOf(sha));
            return;
        }
        String verdict = blobVerdict.get(sha);
        if (verdict == null) {
            verdict = blobs.rehash(blobId).map(BlobId::sha256).orElse("");
            blobVerdict.put(sha, verdict);
            bytes += size;
            listener.blobChecked(size);
        }
        if (verdict.isEmpty()) {
            findings.add(Problem.Kind.BLOB_MISSING, subject, "blob " + sha, "no file at " + blobs.path(blobId));
        } else if (!verdict.equals(sha)) {
            findings.add(Problem.Kind.BLOB_CHANGED, subject, "sha256 " + sha, "sha256 " + verdict);
        }
    }

    private void compare(Problem.Kind kind, String subject, String field, String logged, String now) {
        if (!logged.equals(now)) {
            findings.add(kind, subject, field + " " + logged + " as logged", field + " " + now);
        }
    }

    static Optional<JsonNode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // the chain walk names the altered entry; a row's own digest names the row
        }
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
