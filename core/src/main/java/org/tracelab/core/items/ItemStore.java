package org.tracelab.core.items;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tracelab.core.Json;
import org.tracelab.core.RecordSink;
import org.tracelab.core.Timestamps;
import org.tracelab.core.collect.BlobId;
import org.tracelab.core.collect.NewItem;
import org.tracelab.core.collect.StoredBlob;
import org.tracelab.core.custody.CoveredRows;
import org.tracelab.core.internal.KeptStatements;

/** The items, tags and notes tables of a case. Callers hold the case's lock on the connection. */
public final class ItemStore {
    private final Connection conn;
    /** The statements every capture runs (its row, then the row read back for its custody entry). */
    private final KeptStatements kept;

    public ItemStore(Connection conn) {
        this.conn = conn;
        this.kept = new KeptStatements(conn);
    }

    /** Inserts the row of an item whose blob is already durable; returns its id. */
    public long insert(NewItem item, StoredBlob blob) throws SQLException {
        // Kept, and its id read by a kept last_insert_rowid(): prepared afresh with the driver's generated keys, every
        // capture compiled two statements, a tenth of an import's CPU; answered by RETURNING, SQLite opened and freed
        // an ephemeral table for the returned row at each capture, and the freed memory went back to the system at
        // each (two madvise calls and their page faults a capture, a tenth of the recording thread's time).
        PreparedStatement ps = kept.of("INSERT INTO items"
                + "(kind, source, captured_at, collector, sha256, size, content_type, parent_id, truncated, meta)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        ps.setString(1, item.kind());
        ps.setString(2, item.source());
        ps.setString(3, Timestamps.format(item.capturedAt()));
        ps.setString(4, item.collector());
        ps.setString(5, blob.id().sha256());
        ps.setLong(6, blob.size());
        ps.setString(7, item.contentType());
        if (item.parentId() == null) {
            ps.setNull(8, Types.INTEGER);
        } else {
            ps.setLong(8, item.parentId());
        }
        ps.setInt(9, blob.truncated() ? 1 : 0);
        ps.setString(10, Json.canonical(item.meta()));
        ps.executeUpdate();
        try (ResultSet id = kept.of("SELECT last_insert_rowid()").executeQuery()) {
            if (!id.next()) {
                throw new SQLException("inserting the item of " + item.source() + " returned no id");
            }
            return id.getLong(1);
        }
    }

    /** The digest of item {@code id}'s row, which its capture entry carries. */
    public String record(long id) throws SQLException {
        return CoveredRows.item(kept.of(CoveredRows.ITEM_ROW), id);
    }

    /** The digest of the row tagging {@code itemId} with {@code tag}, which its tag entry carries. */
    public String tagRecord(long itemId, String tag) throws SQLException {
        return CoveredRows.tag(conn, itemId, tag);
    }

    /** The digest of note {@code noteId}'s row, which its note entry carries. */
    public String noteRecord(long noteId) throws SQLException {
        return CoveredRows.note(conn, noteId);
    }

    public Optional<Item> get(long id) throws SQLException {
        // Kept: ingest reads every item it extracts here, on the case thread, and compiling and freeing the statement
        // each time was a twentieth of that thread's time in SQLite (reindex --extract of 10,000 ads).
        PreparedStatement ps = kept.of("SELECT * FROM items WHERE id = ?");
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(read(rs)) : Optional.empty();
        }
    }

    /** Every item in id order with its tags, streamed: one query, so a large case needs no memory. */
    public void forEachTagged(RecordSink<TaggedItem> sink) throws SQLException, IOException {
        // Tags hold no control characters (Case.tag refuses them), so the unit separator cannot occur inside one.
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT i.*,"
                + " (SELECT group_concat(tag, char(31)) FROM (SELECT tag FROM tags t WHERE t.item_id = i.id"
                + " ORDER BY tag)) AS tag_list FROM items i ORDER BY i.id")) {
            while (rs.next()) {
                String tags = rs.getString("tag_list");
                sink.accept(new TaggedItem(read(rs), tags == null ? List.of() : List.of(tags.split("\u001f"))));
            }
        }
    }

    public long count() throws SQLException {
        return scalar("SELECT count(*) FROM items");
    }

    /** The highest item id, 0 in an empty case. */
    public long lastId() throws SQLException {
        return scalar("SELECT coalesce(max(id), 0) FROM items");
    }

    /** Adds a tag; false when the item already had it. */
    public boolean tag(long itemId, String tag, Instant at) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT OR IGNORE INTO tags(item_id, tag, added_at) VALUES (?, ?, ?)")) {
            ps.setLong(1, itemId);
            ps.setString(2, tag);
            ps.setString(3, Timestamps.format(at));
            return ps.executeUpdate() == 1;
        }
    }

    public List<String> tags(long itemId) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT tag FROM tags WHERE item_id = ? ORDER BY tag")) {
            ps.setLong(1, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** Every tag some item has, sorted. */
    public List<String> tagNames() throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT DISTINCT tag FROM tags ORDER BY tag");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** The items that have {@code tag}, in id order. */
    public List<Long> tagged(String tag) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT item_id FROM tags WHERE tag = ? ORDER BY item_id")) {
            ps.setString(1, tag.strip());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    public long note(long itemId, String text, String examiner, Instant at) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO notes(item_id, text, examiner, added_at) VALUES (?, ?, ?, ?)")) {
            ps.setLong(1, itemId);
            ps.setString(2, text);
            ps.setString(3, examiner);
            ps.setString(4, Timestamps.format(at));
            ps.executeUpdate();
        }
        // The case's connection gives no generated keys (CaseDatabase.connect): the id is read as insert reads it.
        try (ResultSet id = kept.of("SELECT last_insert_rowid()").executeQuery()) {
            if (!id.next()) {
                throw new SQLException("inserting a note on item " + itemId + " returned no id");
            }
            return id.getLong(1);
        }
    }

    public List<Note> notes(long itemId) throws SQLException {
        List<Note> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM notes WHERE item_id = ? ORDER BY id")) {
            ps.setLong(1, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Note(rs.getLong("id"), rs.getLong("item_id"), rs.getString("text"),
                            rs.getString("examiner"), Timestamps.parse(rs.getString("added_at"))));
                }
            }
        }
        return out;
    }

    /** The items that have at least one child of one of {@code kinds}. */
    public java.util.Set<Long> parentsOf(java.util.Collection<String> kinds) throws SQLException {
        java.util.Set<Long> out = new java.util.HashSet<>();
        String marks = String.join(", ", java.util.Collections.nCopies(kinds.size(), "?"));
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT DISTINCT parent_id FROM items WHERE parent_id IS NOT NULL AND kind IN (" + marks + ")")) {
            int i = 1;
            for (String k : kinds) {
                ps.setString(i++, k);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    /** Items whose capture has no custody entry naming them: what {@code verify} reports as unlogged. */
    public List<Long> itemsWithoutCaptureEntry() throws SQLException {
        List<Long> out = new ArrayList<>();
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT i.id FROM items i WHERE NOT EXISTS (SELECT 1 FROM custody_log c"
                        + " WHERE c.item_id = i.id AND c.action = 'capture') ORDER BY i.id")) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    private long scalar(String sql) throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Item read(ResultSet rs) throws SQLException {
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        return new Item(rs.getLong("id"), rs.getString("kind"), rs.getString("source"),
                Timestamps.parse(rs.getString("captured_at")), rs.getString("collector"),
                new BlobId(rs.getString("sha256")), rs.getLong("size"), rs.getString("content_type"), parentId,
                rs.getInt("truncated") != 0, Json.parse(rs.getString("meta")));
    }
}
