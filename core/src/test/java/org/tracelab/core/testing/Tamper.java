package org.tracelab.core.testing;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What someone editing a case behind Tracelab's back would do, for tests that prove {@code verify} notices.
 * The triggers that make the log append-only are dropped first, as a tamperer with the sqlite3 shell would.
 */
public final class Tamper {
    private Tamper() {
    }

    /** Flips one bit of the byte at {@code offset} of a blob. */
    public static void flipByte(Path blob, long offset) throws IOException {
        blob.toFile().setWritable(true);
        try (RandomAccessFile f = new RandomAccessFile(blob.toFile(), "rw")) {
            f.seek(offset);
            int b = f.read();
            f.seek(offset);
            f.write(b ^ 0x01);
        }
    }

    public static void delete(Path blob) throws IOException {
        Files.delete(blob);
    }

    /** Runs SQL against a case's database with its protective triggers removed. */
    public static void sql(Path caseDir, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + caseDir.resolve("case.db"));
             Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER IF EXISTS custody_log_no_update");
            s.execute("DROP TRIGGER IF EXISTS custody_log_no_delete");
            s.execute("DROP TRIGGER IF EXISTS items_no_delete");
            s.execute("DROP TRIGGER IF EXISTS items_evidence_fixed");
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
