package org.tracelab.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tracelab.core.Timestamps;
import org.tracelab.core.TracelabException;

/**
 * The case's SQLite database: one connection, WAL journal, foreign keys on, full sync, and a versioned schema.
 *
 * <p>Not thread-safe; the {@link org.tracelab.core.Case} that owns it serialises access.
 */
public final class CaseDatabase implements AutoCloseable {
    /** The schema steps, in order; each is a script under {@code org/tracelab/core/db}. */
    static final List<String> MIGRATIONS = List.of("V1__case.sql", "V2__ingest.sql", "V3__entity_found_in.sql",
            "V4__page_text.sql", "V5__image_hashes.sql", "V6__extraction_notes.sql", "V7__ocr.sql",
            "V8__main_text_pieces.sql", "V9__covering_indexes.sql", "V10__case_counts.sql",
            "V11__entity_tallies.sql");

    /**
     * SQLite's page cache, in KiB, against its default of 2 MB: a case of 1,000,000 items is a database of gigabytes,
     * and with 2 MB the case thread read back 2,700 pages a second of its own indexes during ingest (perf trace, the
     * 1,000,000-ad case); filled only as pages are read, so a one-shot reader pays nothing for it.
     */
    static final int CACHE_KIB = 65_536;
    /**
     * WAL pages before an automatic checkpoint, against SQLite's 1,000: each checkpoint writes every page changed
     * since the last into the database file, and the pages ingest changes in every group (the custody log's end, the
     * tallies, the indexes' upper levels) were written there again every few groups. With both, `reindex --extract`
     * of 100,000 ads took 0.89 of the CPU, a third less system time (docs/BENCHMARKS.md, session 16, lead).
     */
    static final int CHECKPOINT_PAGES = 10_000;

    private final Path file;
    private final Connection conn;
    private final int copiedAtVersion;

    private CaseDatabase(Path file, Connection conn, int copiedAtVersion) {
        this.file = file;
        this.conn = conn;
        this.copiedAtVersion = copiedAtVersion;
    }

    /**
     * A connection from the driver itself. Not through {@code DriverManager}: its first use lists every
     * {@code java.sql.Driver} on the class path, which opens the whole command jar (docs/BENCHMARKS.md, "Start-up,
     * session 11").
     *
     * <p>Without the driver's generated keys: with them, every INSERT run through JDBC was followed by a statement
     * prepared, run and freed for {@code SELECT last_insert_rowid()}, whether anyone asked for the key or not (two or
     * three a text on ingest's case thread). The few writers that need a new row's id read it themselves.
     */
    private static Connection connect(String url) throws SQLException {
        java.util.Properties props = new java.util.Properties();
        props.setProperty(org.sqlite.SQLiteConfig.Pragma.JDBC_GET_GENERATED_KEYS.pragmaName, "false");
        return org.sqlite.JDBC.createConnection(url, props);
    }

    /** Opens (creating if absent) the database at {@code file}. */
    public static CaseDatabase open(Path file) {
        SqliteNativeLibrary.prepare();
        try {
            Connection c = connect("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 10000");
                s.execute("PRAGMA journal_mode = WAL");
                // FULL: a committed capture survives power loss, not only a killed process.
                s.execute("PRAGMA synchronous = FULL");
                s.execute("PRAGMA foreign_keys = ON");
                s.execute("PRAGMA cache_size = -" + CACHE_KIB);
                s.execute("PRAGMA wal_autocheckpoint = " + CHECKPOINT_PAGES);
            }
            return new CaseDatabase(file, c, 0);
        } catch (SQLException e) {
            throw TracelabException.io("case database " + file, e);
        }
    }

    /**
     * A private copy in memory of the database at {@code file}, brought up to this build's schema: how a reader reads
     * a case made by an older Tracelab without writing to it (evidence may sit on read-only media, and a reader never
     * takes the case's lock). SQLite's backup copies the file page by page, so damage in the file is in the copy.
     */
    public static CaseDatabase upgradedCopy(Path file, Instant now) {
        SqliteNativeLibrary.prepare();
        String path = file.toAbsolutePath().toString();
        String quote = path.indexOf('\'') < 0 ? "'" : "\"";
        if (path.contains(quote)) {
            throw TracelabException.badInput(path, "a case folder whose path holds both quote marks cannot be read"
                    + " by an older-schema reader; move or rename it");
        }
        try {
            Connection c = connect("jdbc:sqlite::memory:");
            try {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("restore from " + quote + path + quote);
                    s.execute("PRAGMA foreign_keys = ON");
                }
                CaseDatabase upgraded = new CaseDatabase(file, c, new CaseDatabase(file, c, 0).schemaVersion());
                upgraded.migrate(now);
                return upgraded;
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
        } catch (SQLException e) {
            throw TracelabException.io("case database " + file + " (reading a copy to upgrade in memory)", e);
        }
    }

    /**
     * The schema version the file had when this was made as an {@link #upgradedCopy upgraded copy} of it; 0 when
     * this is the file itself.
     */
    public int copiedAtVersion() {
        return copiedAtVersion;
    }

    public Connection connection() {
        return conn;
    }

    public Path file() {
        return file;
    }

    /** The schema version in the file: 0 for a new, empty database. */
    public int schemaVersion() throws SQLException {
        try (Statement s = conn.createStatement()) {
            try (ResultSet rs = s.executeQuery(
                    "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='schema_migrations'")) {
                rs.next();
                if (rs.getInt(1) == 0) {
                    return 0;
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT coalesce(max(version), 0) FROM schema_migrations")) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** The newest schema this build knows. */
    public static int latestVersion() {
        return MIGRATIONS.size();
    }

    /**
     * Brings the schema up to date, one transaction per step.
     *
     * @return the names of the steps applied, empty when it was current
     */
    public List<String> migrate(Instant now) throws SQLException {
        int have = schemaVersion();
        if (have > latestVersion()) {
            throw new TracelabException(TracelabException.Failure.BAD_INPUT,
                    file + ": case schema version " + have + " is newer than this Tracelab knows ("
                            + latestVersion() + "); use a newer Tracelab");
        }
        List<String> applied = new ArrayList<>();
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_migrations ("
                    + "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        }
        for (int v = have + 1; v <= latestVersion(); v++) {
            String name = MIGRATIONS.get(v - 1);
            String script = script(name);
            int version = v;
            inTransaction(() -> {
                try (Statement s = conn.createStatement()) {
                    for (String stmt : splitStatements(script)) {
                        s.execute(stmt);
                    }
                }
                try (PreparedStatement p = conn.prepareStatement(
                        "INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)")) {
                    p.setInt(1, version);
                    p.setString(2, name);
                    p.setString(3, Timestamps.format(now));
                    p.executeUpdate();
                }
                return null;
            });
            applied.add(name);
        }
        return applied;
    }

    /**
     * The schema a case database of the latest version has, as {@code sqlite_master} rows {@code type|name|table|sql}
     * sorted by name: made by running every migration on an empty database in memory, so it is always this build's.
     */
    public static List<String> expectedSchema() throws SQLException {
        SqliteNativeLibrary.prepare();
        try (Connection c = connect("jdbc:sqlite::memory:")) {
            new CaseDatabase(Path.of(":memory:"), c, 0).migrate(Instant.EPOCH);
            return schema(c);
        }
    }

    /** The schema of the database on {@code conn}, as {@link #expectedSchema()} gives it. */
    public static List<String> schema(Connection conn) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name")) {
            while (rs.next()) {
                out.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4));
            }
        }
        return out;
    }

    /** The schema steps applied to this database, oldest first, as the custody log records them. */
    public List<Map<String, Object>> appliedSteps(List<String> names) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, name, applied_at FROM schema_migrations"
                     + " ORDER BY version")) {
            while (rs.next()) {
                if (names.contains(rs.getString(2))) {
                    Map<String, Object> step = new LinkedHashMap<>();
                    step.put("version", rs.getInt(1));
                    step.put("name", rs.getString(2));
                    step.put("appliedAt", rs.getString(3));
                    out.add(step);
                }
            }
        }
        return out;
    }

    /** Work that runs in one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws SQLException;
    }

    /** Runs {@code work} in one transaction: all of it is committed, or none. */
    public <T> T inTransaction(Work<T> work) throws SQLException {
        boolean outer = conn.getAutoCommit();
        if (!outer) {
            return work.run();
        }
        conn.setAutoCommit(false);
        try {
            T result = work.run();
            conn.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            conn.rollback();
            throw e;
        } finally {
            conn.setAutoCommit(true);
        }
    }

    @Override
    public void close() {
        try {
            conn.close();
        } catch (SQLException e) {
            throw TracelabException.io("closing case database " + file, e);
        }
    }

    private static String script(String name) {
        try (InputStream in = CaseDatabase.class.getResourceAsStream("/org/tracelab/core/db/" + name)) {
            if (in == null) {
                throw new IllegalStateException("schema script missing from the build: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read schema script " + name, e);
        }
    }

    /**
     * Splits a script at semicolons that end a line, keeping trigger bodies (whose inner statements end
     * mid-line before {@code END;}) whole. Comment lines are dropped.
     */
    static List<String> splitStatements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : script.split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("--")) {
                continue;
            }
            cur.append(line).append('\n');
            if (t.endsWith(";")) {
                String stmt = cur.toString().strip();
                boolean inTrigger = stmt.toUpperCase().startsWith("CREATE TRIGGER");
                if (!inTrigger || t.toUpperCase().endsWith("END;")) {
                    out.add(stmt);
                    cur.setLength(0);
                }
            }
        }
        if (!cur.toString().isBlank()) {
            out.add(cur.toString().strip());
        }
        return out;
    }
}
