package org.tracelab.core.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Prepared statements kept open on one connection, one per SQL text, for the statements a writer runs for every
 * item it records (ingest ran about ten per text, each compiled by SQLite and described column by column again).
 * The connection's close finalizes them. Like the connection, used by one thread at a time: the one holding the case.
 * Not for batches: the driver keeps a statement's batch array at the most rows ever added and clears it whole after
 * each batch.
 */
public final class KeptStatements {
    private final Connection conn;
    private final Map<String, PreparedStatement> kept = new HashMap<>();

    public KeptStatements(Connection conn) {
        this.conn = Objects.requireNonNull(conn, "conn");
    }

    /**
     * The statement for {@code sql}, its parameters cleared. The caller binds and runs it and closes the result sets
     * it opens, never the statement.
     */
    public PreparedStatement of(String sql) throws SQLException {
        PreparedStatement ps = kept.get(sql);
        if (ps == null || ps.isClosed()) {
            ps = conn.prepareStatement(sql);
            kept.put(sql, ps);
        } else {
            ps.clearParameters();
        }
        return ps;
    }
}
