package org.tracelab.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
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

    private static long pragma(CaseDatabase db, String name) throws SQLException {
        try (Statement s = db.connection().createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
