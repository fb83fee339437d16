package org.tracelab.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A case's database is opened with the settings ingest at scale was measured with, not SQLite's defaults. */
class CaseDatabaseSettingsTest {
    @Test
    void aCaseDatabaseKeepsALargerCacheAndCheckpointsLessOften(@TempDir Path dir) throws SQLException {
        try (CaseDatabase db = CaseDatabase.open(dir.resolve("case.db"))) {
            assertEquals(-CaseDatabase.CACHE_KIB, pragma(db, "cache_size"));
            assertEquals(CaseDatabase.CHECKPOINT_PAGES, pragma(db, "wal_autocheckpoint"));
            assertEquals(2, pragma(db, "synchronous"), "FULL, as before");
        }
    }

    /**
     * The driver runs no {@code SELECT last_insert_rowid()} of its own after each INSERT: ingest's inserts never read
     * a generated key, and each was a statement compiled, run and freed on the case thread.
     */
    @Test
    void anInsertLeavesNoGeneratedKeysBehind(@TempDir Path dir) throws SQLException {
        try (CaseDatabase db = CaseDatabase.open(dir.resolve("case.db"))) {
            try (Statement s = db.connection().createStatement()) {
                s.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)");
            }
            try (PreparedStatement ps = db.connection().prepareStatement("INSERT INTO t(v) VALUES (?)")) {
                ps.setString(1, "x");
                assertEquals(1, ps.executeUpdate());
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    assertFalse(keys.next(), "the driver read the new row's id");
                }
            }
        }
    }

    private static long pragma(CaseDatabase db, String name) throws SQLException {
        try (Statement s = db.connection().createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
