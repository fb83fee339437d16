package org.tracelab.core.custody;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the custody entry that records a row covers of it: the parameter that carries the row's {@link RowDigest}
 * and the query that reads the row, the same for the writer (inside the transaction that writes the row) and for
 * {@code verify}. Each writer calls one method here after writing its row and logs the result with its entry.
 */
public final class CoveredRows {
    /** The parameter of a {@code capture}, {@code tag} or {@code note} entry that holds its row's digest. */
    public static final String RECORD = "record";
    /** The parameter of an {@code extract} entry mapping each kind of derived row of the item to its digest. */
    public static final String DERIVED = "derived";
    /** The parameter of an {@code extract} entry holding the digest of all entity rows of the item. */
    public static final String ENTITY_ROWS = "entityRows";

    /** The parameter of an {@code extract} entry holding the digest of the item's picture hash row, when it has one. */
    public static final String IMAGE_HASH = "imageHash";

    /** Entity rows in the order their digest is taken: by content, which no rowid renumbering can change. */
    public static final String ENTITY_ORDER = "start_offset, end_offset, type, value, raw";

    /** The query {@link #entities(PreparedStatement, long)} runs: every entity row of one item. */
    public static final String ENTITY_ROWS_QUERY = "SELECT * FROM entities WHERE item_id = ? ORDER BY " + ENTITY_ORDER;

    /** The query {@link #imageHash(PreparedStatement, long)} runs: one item's picture hash row. */
    public static final String IMAGE_HASH_ROW = "SELECT * FROM image_hashes WHERE item_id = ?";

    /** The query {@link #derived(PreparedStatement, long)} runs: every derived row of one item, by kind. */
    public static final String DERIVED_ROWS = "SELECT * FROM derived WHERE item_id = ? ORDER BY kind";

    private CoveredRows() {
    }

    /** The query {@link #item(PreparedStatement, long)} runs: one item's row. */
    public static final String ITEM_ROW = "SELECT * FROM items WHERE id = ?";

    /** The digest of item {@code id}'s row. */
    public static String item(Connection conn, long id) throws SQLException {
        return RowDigest.ofRow(conn, ITEM_ROW, id);
    }

    /** The digest of item {@code id}'s row, read by {@code row}, a statement of {@link #ITEM_ROW}. */
    public static String item(PreparedStatement row, long id) throws SQLException {
        return RowDigest.ofRow(row, id);
    }

    /** The digest of the row tagging item {@code itemId} with {@code tag}. */
    public static String tag(Connection conn, long itemId, String tag) throws SQLException {
        return RowDigest.ofRow(conn, "SELECT * FROM tags WHERE item_id = ? AND tag = ?", itemId, tag);
    }

    /** The digest of note {@code noteId}'s row. */
    public static String note(Connection conn, long noteId) throws SQLException {
        return RowDigest.ofRow(conn, "SELECT * FROM notes WHERE id = ?", noteId);
    }

    /** The digest of each derived row of item {@code itemId}, by kind: every kind, the text and any other. */
    public static Map<String, String> derived(Connection conn, long itemId) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(DERIVED_ROWS)) {
            return derived(ps, itemId);
        }
    }

    /** {@link #derived(Connection, long)} through {@code rows}, a statement of {@link #DERIVED_ROWS} kept open. */
    public static Map<String, String> derived(PreparedStatement rows, long itemId) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        rows.setLong(1, itemId);
        try (ResultSet rs = rows.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString("kind"), RowDigest.of(rs));
            }
        }
        return out;
    }

    /** The digest of item {@code itemId}'s picture hash row, if it has one. */
    public static Optional<String> imageHash(Connection conn, long itemId) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(IMAGE_HASH_ROW)) {
            return imageHash(ps, itemId);
        }
    }

    /** {@link #imageHash(Connection, long)} through {@code row}, a statement of {@link #IMAGE_HASH_ROW} kept open. */
    public static Optional<String> imageHash(PreparedStatement row, long itemId) throws SQLException {
        row.setLong(1, itemId);
        try (ResultSet rs = row.executeQuery()) {
            return rs.next() ? Optional.of(RowDigest.of(rs)) : Optional.empty();
        }
    }

    /** The digest of all entity rows of item {@code itemId}. */
    public static String entities(Connection conn, long itemId) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(ENTITY_ROWS_QUERY)) {
            return entities(ps, itemId);
        }
    }

    /** {@link #entities(Connection, long)} through {@code rows}, a statement of {@link #ENTITY_ROWS_QUERY} kept open. */
    public static String entities(PreparedStatement rows, long itemId) throws SQLException {
        rows.setLong(1, itemId);
        try (ResultSet rs = rows.executeQuery()) {
            return RowDigest.ofRows(rs);
        }
    }
}
