package org.tracelab.core.custody;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tracelab.core.internal.KeptStatements;
import org.tracelab.core.Json;
import org.tracelab.core.RecordSink;
import org.tracelab.core.Timestamps;
import org.tracelab.core.ToolVersion;
import org.tracelab.core.store.BlobStore;

/**
 * The case's append-only, hash-chained record of every action on its evidence.
 *
 * <p>Entries live in {@code case.db}. The newest (seq, hash) is also written to {@code custody.head} when a writer
 * closes, so that entries cut from the end of the table are noticed too: a chain alone cannot tell a shortened log
 * from a complete one.
 */
public final class CustodyLog {
    private final Connection conn;
    /** The insert {@link #append} runs for every entry (ingest appends one per text). */
    private final KeptStatements kept;
    private final Path headFile;
    private final Clock clock;
    private final String examiner;
    private long lastSeq;
    private String lastHash;

    /** A log over the {@code custody_log} table of {@code conn}, appending as {@code examiner}. */
    public CustodyLog(Connection conn, Path headFile, Clock clock, String examiner) throws SQLException {
        this.conn = conn;
        this.kept = new KeptStatements(conn);
        this.headFile = headFile;
        this.clock = clock;
        this.examiner = examiner;
        readChainEnd();
    }

    /**
     * Where the next entry chains: the newest entry's seq and hash, two columns read and no entry parsed (parsing
     * one entry's params was the first JSON parse of every command that opens a case).
     */
    private void readChainEnd() throws SQLException {
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT seq, entry_hash FROM custody_log ORDER BY seq DESC LIMIT 1")) {
            lastSeq = rs.next() ? rs.getLong(1) : 0L;
            lastHash = lastSeq == 0L ? CustodyEntry.GENESIS : rs.getString(2);
        }
    }

    /**
     * Appends one entry. Run it inside the transaction that makes the change it records, so that either both
     * are committed or neither is.
     */
    public synchronized CustodyEntry append(String action, Long itemId, Object params) throws SQLException {
        JsonNode p = Json.tree(params == null ? java.util.Map.of() : params);
        String canonicalParams = Json.canonical(p);
        Instant at = clock.instant();
        long seq = lastSeq + 1;
        String tool = ToolVersion.tool();
        String hash = CustodyEntry.chainHash(lastHash,
                CustodyEntry.canonicalJson(seq, at, examiner, action, itemId, tool, canonicalParams));
        CustodyEntry e = new CustodyEntry(seq, at, examiner, action, itemId, tool, p, lastHash, hash);
        PreparedStatement ps = kept.of("INSERT INTO custody_log"
            + "(seq, at, examiner, action, item_id, tool_version, params, prev_hash, entry_hash)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        ps.setLong(1, seq);
        ps.setString(2, Timestamps.format(at));
        ps.setString(3, examiner);
        ps.setString(4, action);
        if (itemId == null) {
            ps.setNull(5, Types.INTEGER);
        } else {
            ps.setLong(5, itemId);
        }
        ps.setString(6, tool);
        ps.setString(7, canonicalParams);
        ps.setString(8, lastHash);
        ps.setString(9, hash);
        ps.executeUpdate();
        lastSeq = seq;
        lastHash = hash;
        return e;
    }

    /**
     * Forgets entries appended in a transaction that was rolled back. Call it after a rollback so the next entry
     * chains to what the database really holds.
     */
    public synchronized void resync() throws SQLException {
        readChainEnd();
    }

    /** The newest entry. */
    public Optional<CustodyEntry> last() throws SQLException {
        List<CustodyEntry> l = query("SELECT * FROM custody_log ORDER BY seq DESC LIMIT 1");
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    /** The newest entry of one action; the walk down seq stops at the first, so an old one costs a scan back. */
    public Optional<CustodyEntry> last(String action) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT * FROM custody_log WHERE action = ? ORDER BY seq DESC LIMIT 1")) {
            ps.setString(1, action);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** Entries about one item, oldest first. */
    public List<CustodyEntry> forItem(long itemId) throws SQLException {
        return query("SELECT * FROM custody_log WHERE item_id = " + itemId + " ORDER BY seq");
    }

    /**
     * The hash of the first entry about each item (the one that recorded it), by item id: two columns read, no entry
     * parsed, for a pass over every item that names each one's custody entry.
     */
    public Map<Long, String> firstHashByItem() throws SQLException {
        Map<Long, String> first = new HashMap<>();
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT item_id, entry_hash FROM custody_log WHERE item_id IS NOT NULL"
                     + " ORDER BY seq")) {
            while (rs.next()) {
                first.putIfAbsent(rs.getLong(1), rs.getString(2));
            }
        }
        return first;
    }

    /** Every entry in stored order (by seq), streamed so a long log needs no memory. */
    public void forEach(RecordSink<CustodyEntry> sink) throws SQLException, IOException {
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM custody_log ORDER BY seq")) {
            while (rs.next()) {
                sink.accept(read(rs));
            }
        }
    }

    public long count() throws SQLException {
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM custody_log")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Records the newest entry in {@code custody.head}: temp file, fsync, rename. */
    public synchronized void writeHead() throws IOException {
        if (lastSeq == 0) {
            return;
        }
        Path tmp = headFile.resolveSibling(headFile.getFileName() + ".part");
        String text = headText(new ChainHead(lastSeq, lastHash));
        Files.writeString(tmp, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        Files.move(tmp, headFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        BlobStore.fsyncDirectory(headFile.getParent());
    }

    /** What {@code custody.head} last recorded, if the file exists. */
    public Optional<ChainHead> readHead() throws IOException {
        try {
            String text = Files.readString(headFile, StandardCharsets.UTF_8);
            JsonNode n = Json.parse(text);
            ChainHead head = new ChainHead(n.path("seq").asLong(), n.path("hash").asText());
            // Only the exact text writeHead writes is a head: any other text was written by something else.
            if (!text.equals(headText(head))) {
                return Optional.of(new ChainHead(-1, "custody.head text other than this Tracelab writes"));
            }
            return Optional.of(head);
        } catch (java.nio.charset.CharacterCodingException e) {
            return Optional.of(new ChainHead(-1, "custody.head that is not UTF-8 text"));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(new ChainHead(-1, "unreadable custody.head: " + e.getMessage()));
        }
    }

    private static String headText(ChainHead head) {
        return Json.canonical(head) + "\n";
    }

    private List<CustodyEntry> query(String sql) throws SQLException {
        List<CustodyEntry> out = new ArrayList<>();
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(read(rs));
            }
        }
        return out;
    }

    private static CustodyEntry read(ResultSet rs) throws SQLException {
        long item = rs.getLong("item_id");
        Long itemId = rs.wasNull() ? null : item;
        JsonNode params;
        try {
            params = Json.parse(rs.getString("params"));
        } catch (IllegalArgumentException e) {
            // A params column that is not JSON was edited by hand; keep it as text so the hash check names it.
            params = Json.tree(rs.getString("params"));
        }
        return new CustodyEntry(rs.getLong("seq"), Timestamps.parse(rs.getString("at")), rs.getString("examiner"),
                rs.getString("action"), itemId, rs.getString("tool_version"), params, rs.getString("prev_hash"),
                rs.getString("entry_hash"));
    }

    /** The newest entry as recorded outside the database. */
    public record ChainHead(long seq, String hash) {
    }
}
