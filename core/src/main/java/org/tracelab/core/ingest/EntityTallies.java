package org.tracelab.core.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The tallies of the {@code entities} table that SQLite keeps as its rows are written ({@code entity_values}: items
 * and mentions per value; {@code entity_forms}: mentions per written form), read by {@code tracelab entities}. The
 * schema step that made them (V11) counted them from the rows with {@link #RECOUNT}'s statements; its triggers keep
 * them since. A value or form whose count fell to zero keeps a row at zero.
 */
public final class EntityTallies {
    /** Counts both tallies again from the rows, replacing them. */
    static final String[] RECOUNT = {
        "DELETE FROM entity_values",
        "DELETE FROM entity_forms",
        "INSERT INTO entity_values(type, value, items, mentions)"
            + " SELECT type, value, count(DISTINCT item_id), count(*) FROM entities GROUP BY type, value",
        "INSERT INTO entity_forms(type, value, raw, mentions)"
            + " SELECT type, value, raw, count(*) FROM entities GROUP BY type, value, raw"};

    private static final String COUNTED = "SELECT type, value, count(DISTINCT item_id) AS items, count(*) AS mentions"
            + " FROM entities GROUP BY type, value";
    private static final String TALLIED = "SELECT type, value, items, mentions FROM entity_values"
            + " WHERE items <> 0 OR mentions <> 0";
    private static final String COUNTED_FORMS = "SELECT type, value, raw, count(*) FROM entities"
            + " GROUP BY type, value, raw";
    private static final String TALLIED_FORMS = "SELECT type, value, raw, mentions FROM entity_forms WHERE mentions <> 0";

    /**
     * The values whose tally differs from their rows, in key order: type, value, the rows' items and mentions, the
     * tally's (NULL where one side has none); a value whose forms alone differ shows equal counts.
     */
    public static final String DIFFERING = "WITH counted AS (" + COUNTED + "), tallied AS (" + TALLIED + "),"
            + " off AS (SELECT type, value FROM (SELECT * FROM counted EXCEPT SELECT * FROM tallied)"
            + " UNION SELECT type, value FROM (SELECT * FROM tallied EXCEPT SELECT * FROM counted)"
            + " UNION SELECT type, value FROM (" + COUNTED_FORMS + " EXCEPT " + TALLIED_FORMS + ")"
            + " UNION SELECT type, value FROM (" + TALLIED_FORMS + " EXCEPT " + COUNTED_FORMS + "))"
            + " SELECT o.type, o.value, c.items, c.mentions, t.items, t.mentions FROM off o"
            + " LEFT JOIN counted c ON c.type = o.type AND c.value = o.value"
            + " LEFT JOIN tallied t ON t.type = o.type AND t.value = o.value ORDER BY o.type, o.value";

    private EntityTallies() {
    }

    /** Counts the tallies again from the rows; the caller holds the transaction. */
    public static void recount(Connection conn) throws SQLException {
        try (Statement s = conn.createStatement()) {
            for (String sql : RECOUNT) {
                s.executeUpdate(sql);
            }
        }
    }
}
