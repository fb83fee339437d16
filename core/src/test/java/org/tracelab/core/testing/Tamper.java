package org.tracelab.core.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tracelab.core.Hashing;
import org.tracelab.core.Json;
import org.tracelab.core.custody.CoveredRows;
import org.tracelab.core.collect.BlobId;
import org.tracelab.core.custody.CustodyEntry;
import org.tracelab.core.ingest.TextPieces;
import org.tracelab.core.store.BlobStore;

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

    /**
     * Runs SQL against a case's database with its protective triggers removed, and puts them back after, as a
     * careful tamperer with the sqlite3 shell would.
     */
    public static void sql(Path caseDir, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + caseDir.resolve("case.db"));
             Statement s = c.createStatement()) {
            List<String> triggers = liftTriggers(s);
            for (String sql : statements) {
                s.execute(sql);
            }
            for (String sql : triggers) {
                s.execute(sql);
            }
        }
    }

    /** Drops the protective triggers; returns their SQL, to put them back. */
    private static List<String> liftTriggers(Statement s) throws SQLException {
        // Only the protective ones: the triggers that keep counts (V10) go on counting what the tamperer writes.
        List<String> names = new ArrayList<>();
        List<String> triggers = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN"
                + " ('custody_log_no_update', 'custody_log_no_delete', 'items_no_delete', 'items_evidence_fixed')"
                + " ORDER BY name")) {
            while (rs.next()) {
                names.add(rs.getString(1));
                triggers.add(rs.getString(2));
            }
        }
        for (String name : names) {
            s.execute("DROP TRIGGER " + name);
        }
        return triggers;
    }

    /**
     * What a case made by the Tracelab before record hashes looks like: the same rows, its entries without the
     * digests (re-chained, as that Tracelab would have chained them), its head matching. WARC seals stay.
     */
    public static void asOlderTracelab(Path caseDir) throws SQLException, IOException {
        rechain(caseDir, (c, item, p) -> p.remove(List.of(CoveredRows.RECORD, CoveredRows.DERIVED,
                CoveredRows.ENTITY_ROWS, "manifestSha256", "schema")));
    }

    /**
     * What a case made by the Tracelab before main texts were stored as pieces of the text looks like: each such
     * main text a blob of its own, its row without pieces, its entry logging that row (re-chained, head matching).
     */
    public static void asBuildWithMainTextBlobs(Path caseDir) throws SQLException, IOException {
        BlobStore blobs = new BlobStore(caseDir.resolve("blobs"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + caseDir.resolve("case.db"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT m.item_id, m.text_pieces, t.sha256 FROM derived m JOIN derived t"
                     + " ON t.item_id = m.item_id AND t.kind = 'text' WHERE m.text_pieces IS NOT NULL");
             PreparedStatement clear = c.prepareStatement("UPDATE derived SET text_pieces = NULL WHERE item_id = ?"
                     + " AND kind = 'main'")) {
            while (rs.next()) {
                String text;
                try (InputStream in = blobs.open(new BlobId(rs.getString(3)))) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                String main = TextPieces.parse(rs.getString(2)).orElseThrow().in(text);
                blobs.put(new ByteArrayInputStream(main.getBytes(StandardCharsets.UTF_8)));
                clear.setLong(1, rs.getLong(1));
                clear.executeUpdate();
            }
        }
        rechain(caseDir, (c, item, p) -> {
            if (item != null && p.path(CoveredRows.DERIVED).has("main")) {
                p.set(CoveredRows.DERIVED, Json.tree(CoveredRows.derived(c, item)));
                ((ObjectNode) p.path("main")).remove("pieces");
            }
        });
    }

    /** How one entry's params change while the log is chained again. */
    private interface ParamsEdit {
        void apply(Connection c, Long itemId, ObjectNode params) throws SQLException;
    }

    /** Edits every entry's params and chains the log again as a Tracelab would have, the head matching. */
    private static void rechain(Path caseDir, ParamsEdit edit) throws SQLException, IOException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + caseDir.resolve("case.db"));
             Statement lift = c.createStatement()) {
            List<String> triggers = liftTriggers(lift);
            List<Object[]> rows = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT seq, at, examiner, action, item_id, tool_version, params"
                         + " FROM custody_log ORDER BY seq")) {
                while (rs.next()) {
                    long item = rs.getLong(5);
                    Long itemId = rs.wasNull() ? null : item;
                    rows.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            itemId, rs.getString(6), rs.getString(7)});
                }
            }
            String prev = CustodyEntry.GENESIS;
            long lastSeq = 0;
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE custody_log SET params = ?, prev_hash = ?, entry_hash = ? WHERE seq = ?")) {
                for (Object[] row : rows) {
                    ObjectNode p = (ObjectNode) Json.parse((String) row[6]);
                    edit.apply(c, (Long) row[4], p);
                    CustodyEntry e = new CustodyEntry((long) row[0], Instant.parse((String) row[1]), (String) row[2],
                            (String) row[3], (Long) row[4], (String) row[5], p, prev, "");
                    String hash = Hashing.sha256Hex(prev + e.canonicalJson());
                    ps.setString(1, Json.canonical(p));
                    ps.setString(2, prev);
                    ps.setString(3, hash);
                    ps.setLong(4, (long) row[0]);
                    ps.executeUpdate();
                    prev = hash;
                    lastSeq = (long) row[0];
                }
            }
            for (String sql : triggers) {
                lift.execute(sql);
            }
            Files.writeString(caseDir.resolve("custody.head"), Json.canonical(Map.of("seq", lastSeq, "hash", prev))
                    + "\n");
        }
    }
}
