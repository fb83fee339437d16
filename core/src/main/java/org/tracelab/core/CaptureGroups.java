package org.tracelab.core;

import java.io.Closeable;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.tracelab.core.custody.CustodyLog;
import org.tracelab.core.internal.CaseDatabase;
import org.tracelab.core.internal.GroupCommit;
import org.tracelab.core.store.BlobStore;
import org.tracelab.core.store.WarcArchive;

/**
 * A writer's open group of captures: rows and custody entries committed together, what they refer to made durable
 * first, each capture acknowledged only once its group is committed. Not thread-safe: the {@link Case} that owns it
 * calls it holding its own monitor.
 */
final class CaptureGroups {
    /**
     * Captures committed together at most; bounds the work a crash can undo (none of it acknowledged). Each group
     * costs two syncs of the file system and the database's commit whatever its size, during which the case waits:
     * an import of 11,272 files made 44 groups of 256, whose syncs were most of its wall time under load.
     */
    static final int GROUP_ITEMS = 1024;
    /** How long a capture may wait for its group's commit, so progress stays live on slow collections. */
    private static final long GROUP_MILLIS = 1000;

    private final CaseDatabase db;
    private final BlobStore blobs;
    private final WarcArchive warc;
    private final CustodyLog custody;
    private final GroupCommit group;
    /** Other files captures point into, synced before each group commits (tests register failing ones). */
    private final List<Syncable> syncs = new CopyOnWriteArrayList<>();

    /** Something written outside the store that captures refer to. */
    interface Syncable {
        /** Forces everything written so far to disk. */
        void sync() throws IOException;
    }

    CaptureGroups(CaseDatabase db, BlobStore blobs, WarcArchive warc, CustodyLog custody) {
        this.db = db;
        this.blobs = blobs;
        this.warc = warc;
        this.custody = custody;
        this.group = new GroupCommit(db.connection(), GROUP_ITEMS, GROUP_MILLIS, this::makeGroupDurable);
    }

    /** The case's WARC files, which the group's captures point into. */
    WarcArchive warc() {
        return warc;
    }

    /** Commits the open group, then closes the run's WARC file, so each run's records end in files of its own. */
    void endRun() throws SQLException, IOException {
        try {
            flush();
        } finally {
            warc.close();
        }
    }

    /** Opens the group's transaction unless it is open already. */
    void join() throws SQLException {
        group.join();
    }

    /** Runs {@code durable} once the open group is committed, or {@code lost} with why if it is abandoned. */
    void onCommit(Runnable durable, java.util.function.Consumer<String> lost) {
        group.onCommit(durable, lost);
    }

    /** Commits the open group when it is big or old enough. */
    void flushIfDue() throws SQLException, IOException {
        if (group.due()) {
            flush();
        }
    }

    /** Makes the open group's blobs durable, commits its rows and acknowledges its captures. */
    void flush() throws SQLException, IOException {
        for (Runnable ack : group.commit()) {
            ack.run();
        }
    }

    /**
     * Runs {@code work} (rows and the custody entries that log them) in the open group, opening one if none is, and
     * commits the group when it is due; when anything fails the group is abandoned, its captures told why.
     */
    <T> T inGroup(CaseDatabase.Work<T> work) throws SQLException, IOException {
        try {
            join();
            T result = work.run();
            flushIfDue();
            return result;
        } catch (SQLException | IOException | RuntimeException e) {
            abandon(e);
            throw e;
        }
    }

    /**
     * Commits the open group, then runs {@code entry} (custody entries and the rows they log) in one transaction of
     * its own; when that fails it is rolled back and the chain's head re-read, so the next entry chains to what was
     * committed. The one way a change outside a group of captures is logged.
     */
    <T> T afterGroup(CaseDatabase.Work<T> entry) throws SQLException, IOException {
        try {
            flush();
            return db.inTransaction(entry);
        } catch (SQLException | IOException | RuntimeException e) {
            resyncCustody();
            throw e;
        }
    }

    /** Rolls the open group back after {@code cause}, telling its captures why, and re-reads the chain's head. */
    void abandon(Exception cause) {
        try {
            group.rollback("its group was abandoned: " + cause.getMessage());
        } catch (SQLException ignored) {
            // the original failure is what gets reported
        }
        resyncCustody();
    }

    /** Re-reads the custody chain's head after a failed write, so the next entry chains to what was committed. */
    void resyncCustody() {
        try {
            custody.resync();
        } catch (SQLException ignored) {
            // the original failure is what gets reported
        }
    }

    /** Has {@code sync} run before every later group commits, until the returned handle is closed. */
    Closeable syncBeforeCommit(Syncable sync) {
        Objects.requireNonNull(sync, "sync");
        syncs.add(sync);
        return () -> syncs.remove(sync);
    }

    /**
     * Before a group's rows commit, what they refer to is made durable: staged blobs are synced and named, and
     * the WARC records written so far are synced. Rows never refer to bytes a crash could lose.
     */
    private void makeGroupDurable() throws IOException {
        blobs.publishStaged();
        warc.sync();
        for (Syncable s : syncs) {
            s.sync();
        }
    }
}
