package org.tracelab.core.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
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
import java.util.TreeMap;
import java.util.TreeSet;
import org.tracelab.core.Hashing;
import org.tracelab.core.Json;
import org.tracelab.core.collect.BlobId;
import org.tracelab.core.custody.CoveredRows;
import org.tracelab.core.custody.RowDigest;
import org.tracelab.core.ingest.DerivedText;
import org.tracelab.core.ingest.TextPieces;
import org.tracelab.core.store.BlobStore;

/**
 * Items and what was derived from them, against the custody entries that recorded them: each blob re-hashed once,
 * each item row against its {@code capture} entry, each derived row (of any kind), the entity rows and the picture
 * hash against the latest entry that logged the item's derived rows.
 *
 * <p>Reads raw columns rather than typed records, because a tampered row may no longer parse.
 */
final class ItemCheck {
    static final String OLD_ITEMS = "items logged before record hashes: their times, types and metadata are not"
            + " under the chain";
    static final String OLD_DERIVED = "extracted texts logged before record hashes: their titles, authors, dates and"
            + " entities are not under the chain";

    /** What an entry logged of an item's entity rows: their digest (null before record hashes), their count or -1. */
    private record EntityLog(String digest, long count) {
    }

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
    /** What the latest derived entry of each item said of its entity rows, taken while checking derived rows. */
    private final Map<Long, EntityLog> entityLogs = new TreeMap<>();
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
        checkPieces();
        checkEntities();
        checkImageHashes();
    }

    private void checkItems() throws SQLException, IOException {
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT i.*, (SELECT c.params FROM custody_log c WHERE c.item_id = i.id"
                     + " AND c.action = 'capture' ORDER BY c.seq LIMIT 1) AS logged,"
                     // Only the WARC pointer of the metadata is read here (the digest covers the rest): SQLite
                     // takes it out of the text faster than a parse of the whole of it in Java.
                     + " CASE WHEN json_valid(i.meta) THEN json_extract(i.meta, '$.warc') END AS warc"
                     + " FROM items i ORDER BY i.id")) {
            int columns = rs.getMetaData().getColumnCount() - 2;
            while (rs.next()) {
                items++;
                String now = RowDigest.of(rs, columns); // first: reading a column another way may convert it
                long id = rs.getLong("id");
                String sha = rs.getString("sha256");
                String subject = "item " + id + " (" + rs.getString("source") + ")";
                rehash(subject, sha, rs.getLong("size"));
                String logged = rs.getString("logged");
                if (logged == null) {
                    findings.add(Problem.Kind.ITEM_UNLOGGED, subject, "a 'capture' custody entry", "none");
                } else {
                    Optional<JsonNode> entry = parse(logged);
                    if (entry.isPresent()) {
                        compareWithEntry(rs, now, subject, entry.get());
                    }
                }
                parse(rs.getString("warc")).filter(w -> w.path("file").isTextual())
                        .ifPresent(w -> pointers.add(new WarcPointer(id, subject, sha, w)));
            }
        }
    }

    /** The capture entry recorded source, hash and size, and (since record hashes) the whole row. */
    private void compareWithEntry(ResultSet rs, String now, String subject, JsonNode p) throws SQLException {
        compare(Problem.Kind.ITEM_ALTERED, subject, "sha256", p.path("sha256").asText(), rs.getString("sha256"));
        compare(Problem.Kind.ITEM_ALTERED, subject, "size", p.path("size").asText(),
                Long.toString(rs.getLong("size")));
        compare(Problem.Kind.ITEM_ALTERED, subject, "source", p.path("source").asText(), rs.getString("source"));
        JsonNode record = p.path(CoveredRows.RECORD);
        if (record.isTextual()) {
            if (!record.asText().equals(now)) {
                boolean metaParses = parse(rs.getString("meta")).isPresent();
                findings.add(Problem.Kind.ITEM_ALTERED, subject, "record sha256 " + record.asText() + " as logged",
                        "record sha256 " + now + (metaParses ? "" : "; its meta is no longer JSON"));
            }
        } else {
            findings.gap(OLD_ITEMS);
            if (parse(rs.getString("meta")).isEmpty()) {
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
                    if (entry != null) {
                        entityLogs.put(id, new EntityLog(entry.path(CoveredRows.ENTITY_ROWS).isTextual()
                                ? entry.path(CoveredRows.ENTITY_ROWS).asText() : null,
                                entry.path("entities").isNumber() ? entry.path("entities").asLong() : -1));
                    }
                }
                String kind = rs.getString("kind");
                kinds.add(kind);
                String subject = "derived " + kind + " of item " + id;
                if (rs.getObject("text_pieces") == null) {
                    rehash("extracted text of item " + id, rs.getString("sha256"), rs.getLong("size"));
                } // else a main text made of pieces of the text, not a blob: checkPieces reads it there
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

    /**
     * Each main text stored as pieces of its item's text (not as a blob): the pieces lie inside the text, and the
     * text they make has the digest the row gives (the row itself is held to its entry by its own digest). A text
     * blob that is missing or changed is named by its own re-hash.
     */
    private void checkPieces() throws SQLException, IOException {
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT m.item_id, m.kind, m.sha256, m.text_pieces, t.sha256 FROM derived m"
                     + " LEFT JOIN derived t ON t.item_id = m.item_id AND t.kind = '" + DerivedText.KIND + "'"
                     + " WHERE m.text_pieces IS NOT NULL ORDER BY m.item_id, m.kind")) {
            while (rs.next()) {
                String subject = "derived " + rs.getString(2) + " of item " + rs.getLong(1);
                String written = rs.getString(4);
                Optional<TextPieces> pieces = TextPieces.parse(written);
                String textSha = rs.getString(5);
                if (textSha == null) {
                    findings.add(Problem.Kind.ROW_ALTERED, subject, "pieces of its item's extracted text",
                            "no extracted text");
                } else if (pieces.isEmpty()) {
                    findings.add(Problem.Kind.ROW_ALTERED, subject, "pieces of its text as start-end,...",
                            "'" + written + "'");
                } else {
                    Optional<String> text = textOf(textSha); // none: the text blob's own re-hash names it missing
                    if (text.isPresent() && pieces.get().end() > text.get().length()) {
                        findings.add(Problem.Kind.ROW_ALTERED, subject, "pieces inside its text of "
                                + text.get().length() + " chars", "chars " + written);
                    } else if (text.isPresent()) {
                        compare(Problem.Kind.ROW_ALTERED, subject, "sha256 of chars " + written + " of its text",
                                rs.getString(3), Hashing.sha256Hex(pieces.get().in(text.get())));
                    }
                }
            }
        }
    }

    private Optional<String> textOf(String sha256) throws IOException {
        BlobId id;
        try {
            id = new BlobId(sha256);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        try (InputStream in = blobs.open(id)) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
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
     * The entity rows of each item against what the entry that logged its derived rows said of them (their digest,
     * or before record hashes their count); entity rows of an item whose entry logged none are named too. One scan
     * in item order, so memory holds one item's rows.
     */
    private void checkEntities() throws SQLException {
        try (Statement s = conn.createStatement();
             ResultSet ents = s.executeQuery("SELECT * FROM entities ORDER BY item_id, " + CoveredRows.ENTITY_ORDER)) {
            int columns = ents.getMetaData().getColumnCount();
            // Each row is taken whole first: reading a column another way may convert it.
            ObjectNode row = ents.next() ? RowDigest.columns(ents, columns) : null;
            while (row != null) {
                long id = row.path("item_id").asLong();
                ArrayNode rows = Json.MAPPER.createArrayNode();
                while (row != null && row.path("item_id").asLong() == id) {
                    rows.add(row);
                    row = ents.next() ? RowDigest.columns(ents, columns) : null;
                }
                compareEntities(id, entityLogs.remove(id), rows);
            }
        }
        for (Map.Entry<Long, EntityLog> e : entityLogs.entrySet()) {
            compareEntities(e.getKey(), e.getValue(), Json.MAPPER.createArrayNode());
        }
    }

    private void compareEntities(long id, EntityLog logged, ArrayNode rows) {
        String subject = "entities of item " + id;
        if (logged == null) {
            if (!rows.isEmpty()) {
                findings.add(Problem.Kind.ROW_UNLOGGED, subject, "an 'extract' custody entry", "none");
            }
        } else if (logged.digest() != null) {
            String now = RowDigest.ofRows(rows);
            if (!logged.digest().equals(now)) {
                findings.add(Problem.Kind.ROW_ALTERED, subject, "rows hashing to " + logged.digest() + " as logged",
                        rows.size() + " rows hashing to " + now);
            }
        } else if (logged.count() >= 0 && logged.count() != rows.size()) {
            findings.add(Problem.Kind.ROW_ALTERED, subject, logged.count() + " rows as logged", rows.size() + " rows");
        }
    }

    /**
     * Each picture hash row against the latest entry that logged its item's derived rows (which carries the row's
     * digest as {@value CoveredRows#IMAGE_HASH}); and the rows such an entry logged that are gone.
     */
    private void checkImageHashes() throws SQLException {
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT h.*, (" + latestDerivedEntry("h.item_id", "c.params")
                     + ") AS logged FROM image_hashes h ORDER BY h.item_id")) {
            int columns = rs.getMetaData().getColumnCount() - 1;
            while (rs.next()) {
                String now = RowDigest.of(rs, columns); // first: reading a column another way may convert it
                String subject = "picture hash of item " + rs.getLong("item_id");
                JsonNode logged = parse(rs.getString("logged")).map(e -> e.path(CoveredRows.IMAGE_HASH))
                        .orElse(Json.MAPPER.missingNode());
                if (!logged.isTextual()) {
                    findings.add(Problem.Kind.ROW_UNLOGGED, subject, "its row hash in the item's extract entry",
                            "none");
                } else if (!logged.asText().equals(now)) {
                    findings.add(Problem.Kind.ROW_ALTERED, subject, "row sha256 " + logged.asText() + " as logged",
                            "row sha256 " + now);
                }
            }
        }
        // Items without a row whose entries ever logged one (usually none), then each against its latest entry.
        List<Long> gone = new ArrayList<>();
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT DISTINCT c.item_id FROM custody_log c WHERE c.item_id IS NOT NULL"
                     + " AND instr(c.params, '\"" + CoveredRows.IMAGE_HASH + "\"') > 0 AND NOT EXISTS (SELECT 1 FROM"
                     + " image_hashes h WHERE h.item_id = c.item_id) ORDER BY c.item_id")) {
            while (rs.next()) {
                gone.add(rs.getLong(1));
            }
        }
        for (long id : gone) {
            try (Statement s = conn.createStatement();
                 ResultSet rs = s.executeQuery("SELECT c.seq, c.params FROM custody_log c WHERE c.seq = ("
                         + latestDerivedEntry(Long.toString(id), "c.seq") + ")")) {
                if (rs.next() && parse(rs.getString(2)).map(e -> e.path(CoveredRows.IMAGE_HASH).isTextual())
                        .orElse(false)) {
                    findings.add(Problem.Kind.ROW_REMOVED, "picture hash of item " + id,
                            "the row logged by entry " + rs.getLong(1), "none");
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
