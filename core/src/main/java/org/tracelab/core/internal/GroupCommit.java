package org.tracelab.core.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Commits many captures in one transaction, so a folder of thousands of small files costs a few fsyncs of the
 * database instead of one per file. A capture is acknowledged (its callback run) only after the commit that made
 * it durable, so nothing reported as stored can be lost by a crash.
 */
public final class GroupCommit {
    private final Connection conn;
    private final int maxItems;
    private final long maxNanos;
    private final List<Runnable> acknowledgements = new ArrayList<>();
    private boolean open;
    private long openedAt;

    public GroupCommit(Connection conn, int maxItems, long maxMillis) {
        this.conn = conn;
        this.maxItems = maxItems;
        this.maxNanos = maxMillis * 1_000_000L;
    }

    /** Opens the group's transaction unless it is open already. */
    public void join() throws SQLException {
        if (!open) {
            conn.setAutoCommit(false);
            open = true;
            openedAt = System.nanoTime();
        }
    }

    /** Adds what to run once the current group is committed. */
    public void onCommit(Runnable acknowledgement) {
        acknowledgements.add(acknowledgement);
    }

    /** True when the group is big or old enough to commit. */
    public boolean due() {
        return open && (acknowledgements.size() >= maxItems || System.nanoTime() - openedAt >= maxNanos);
    }

    /**
     * Commits the open group, if any.
     *
     * @return the acknowledgements to run now that the group is durable
     */
    public List<Runnable> commit() throws SQLException {
        if (!open) {
            return List.of();
        }
        conn.commit();
        conn.setAutoCommit(true);
        open = false;
        List<Runnable> done = List.copyOf(acknowledgements);
        acknowledgements.clear();
        return done;
    }

    /** Abandons the open group: none of its captures were acknowledged, and none are kept. */
    public void rollback() throws SQLException {
        acknowledgements.clear();
        if (open) {
            open = false;
            conn.rollback();
            conn.setAutoCommit(true);
        }
    }
}
