package org.tracelab.core.internal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Commits many captures in one transaction, so a folder of thousands of small files costs a few fsyncs of the
 * database instead of one per file. Before the transaction commits, the group's other durable parts (its staged
 * blobs, its WARC records) are made durable by the {@link BeforeCommit} step, so a committed row never refers to
 * bytes a crash could lose. A capture is acknowledged (its callback run) only after the commit that made it
 * durable; when the group fails instead, each capture is told it was lost, so none is dropped silently.
 */
public final class GroupCommit {
    /** What must be durable before a group's rows are committed. */
    public interface BeforeCommit {
        BeforeCommit NONE = () -> { };

        void run() throws IOException;
    }

    private record Pending(Runnable durable, Consumer<String> lost) {
    }

    private final Connection conn;
    private final int maxItems;
    private final long maxNanos;
    private final BeforeCommit beforeCommit;
    private final List<Pending> pending = new ArrayList<>();
    private boolean open;
    private long openedAt;

    /** A group over {@code conn} that commits at {@code maxItems} captures or after {@code maxMillis}. */
    public GroupCommit(Connection conn, int maxItems, long maxMillis, BeforeCommit beforeCommit) {
        this.conn = conn;
        this.maxItems = maxItems;
        this.maxNanos = maxMillis * 1_000_000L;
        this.beforeCommit = beforeCommit;
    }

    /** Opens the group's transaction unless it is open already. */
    public void join() throws SQLException {
        if (!open) {
            conn.setAutoCommit(false);
            open = true;
            openedAt = System.nanoTime();
        }
    }

    /**
     * Adds what to run once the current group is committed, and what to run, with the reason, if it is lost.
     */
    public void onCommit(Runnable durable, Consumer<String> lost) {
        pending.add(new Pending(durable, lost));
    }

    /** True when the group is big or old enough to commit. */
    public boolean due() {
        return open && (pending.size() >= maxItems || System.nanoTime() - openedAt >= maxNanos);
    }

    /**
     * Makes the group's other parts durable, then commits its transaction. On failure the group is rolled back
     * and its captures are told they were lost before the failure is thrown.
     *
     * @return the acknowledgements to run now that the group is durable
     */
    public List<Runnable> commit() throws SQLException, IOException {
        if (!open) {
            return List.of();
        }
        try {
            beforeCommit.run();
            conn.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            try {
                rollback("its group could not be committed: " + e.getMessage());
            } catch (SQLException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
        conn.setAutoCommit(true);
        open = false;
        List<Runnable> done = pending.stream().map(Pending::durable).toList();
        pending.clear();
        return done;
    }

    /** Abandons the open group: none of its captures were acknowledged, none are kept, and each is told why. */
    public void rollback(String reason) throws SQLException {
        List<Pending> lost = List.copyOf(pending);
        pending.clear();
        try {
            if (open) {
                open = false;
                conn.rollback();
                conn.setAutoCommit(true);
            }
        } finally {
            lost.forEach(p -> p.lost().accept(reason));
        }
    }
}
