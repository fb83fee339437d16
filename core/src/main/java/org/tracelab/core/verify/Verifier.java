package org.tracelab.core.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tracelab.core.CaseKeys;
import org.tracelab.core.Hashing;
import org.tracelab.core.Json;
import org.tracelab.core.custody.CustodyEntry;
import org.tracelab.core.custody.CustodyLog;
import org.tracelab.core.store.BlobStore;

/**
 * Proves a case untouched, or names what is not: the database's own integrity, the whole hash chain and its head,
 * every blob re-hashed, every item, derived row, entity row, tag and note against the custody entry that recorded
 * it, every WARC file read whole and against its seal, the case's keys and manifest, and the index's checksums.
 * What an older case cannot prove (its entries predate the record hashes) is listed as a gap, not failed.
 *
 * <p>Reads the raw columns rather than the typed records, because a tampered row may no longer parse.
 */
public final class Verifier {
    private final Connection conn;
    private final Path caseDir;
    private final BlobStore blobs;
    private final CustodyLog custody;
    private final boolean quick;
    private final int copiedAtVersion;
    private final VerifyListener listener;
    private final Findings findings = new Findings();
    private final List<Problem> problems = new ArrayList<>();

    /**
     * A verifier of the case in {@code caseDir}.
     *
     * @param quick           skip re-reading the WARC files and SQLite's full integrity check, saying so
     * @param copiedAtVersion the schema version of case.db when {@code conn} is an upgraded copy of it in memory
     *                        (an older case opened for reading), else 0
     */
    public Verifier(Connection conn, Path caseDir, BlobStore blobs, CustodyLog custody, boolean quick,
                    int copiedAtVersion, VerifyListener listener) {
        this.conn = conn;
        this.caseDir = caseDir;
        this.blobs = blobs;
        this.custody = custody;
        this.quick = quick;
        this.copiedAtVersion = copiedAtVersion;
        this.listener = listener == null ? VerifyListener.NONE : listener;
    }

    public VerifyReport run() throws SQLException, IOException {
        if (!databaseHolds()) {
            return report(0, 0, 0, 0, 0);
        }
        SchemaCheck.run(conn, copiedAtVersion, findings);
        long entries = walkChain();
        problems.forEach(findings::add);
        listener.started(blobCount(), blobBytes() + (quick ? 0 : WarcCheck.size(caseDir)));
        ItemCheck items = new ItemCheck(conn, blobs, listener, findings);
        items.run();
        new AnnotationCheck(conn, findings).run();
        TallyCheck.run(conn, findings);
        WarcCheck warc = new WarcCheck(conn, caseDir, quick, listener, findings);
        warc.run(items.warcPointers());
        JsonNode init = initParams();
        checkManifest(init);
        CaseKeys.check(caseDir, init.path("publicKeySha256").isTextual() ? init.path("publicKeySha256").asText()
                : null).forEach(findings::add);
        IndexCheck.run(caseDir, findings);
        return report(items.items(), items.blobs(), items.bytes() + warc.bytes(), entries, warc.files());
    }

    private VerifyReport report(long items, long blobCount, long bytes, long entries, long warcFiles) {
        return new VerifyReport(items, blobCount, bytes, entries, warcFiles, findings.problems(), findings.gaps());
    }

    /**
     * SQLite's own check of the file: every page, and (unless quick) every index against its table, so a row a
     * damaged index hides is named. False when the damage is such that nothing else can be trusted.
     */
    private boolean databaseHolds() throws SQLException {
        List<String> faults = new ArrayList<>();
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery(quick ? "PRAGMA quick_check(20)" : "PRAGMA integrity_check(20)")) {
            while (rs.next()) {
                String line = rs.getString(1);
                if (!"ok".equals(line)) {
                    faults.add(line);
                }
            }
        }
        for (String f : faults) {
            findings.add(Problem.Kind.DATABASE_DAMAGED, "case.db", "pages and indexes that agree", f);
        }
        return faults.isEmpty() || canStillRead();
    }

    /** True when the tables verify reads can still be scanned, so the rest of the run means something. */
    private boolean canStillRead() {
        try (Statement s = conn.createStatement()) {
            for (String t : List.of("custody_log", "items", "derived", "entities", "tags", "notes")) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + t)) {
                    rs.next();
                }
            }
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private long blobCount() throws SQLException {
        return scalar("SELECT count(DISTINCT sha256) FROM (SELECT sha256 FROM items UNION ALL SELECT sha256"
                + " FROM derived)");
    }

    private long blobBytes() throws SQLException {
        return scalar("SELECT coalesce(sum(size), 0) FROM (SELECT sha256, max(size) AS size FROM (SELECT sha256, size"
                + " FROM items UNION ALL SELECT sha256, size FROM derived) GROUP BY sha256)");
    }

    private long scalar(String sql) throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The params of the {@code case.init} entry, empty when there is none or they are not JSON. */
    private JsonNode initParams() throws SQLException {
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT params FROM custody_log WHERE action = 'case.init' ORDER BY seq"
                     + " LIMIT 1")) {
            return rs.next() ? ItemCheck.parse(rs.getString(1)).orElse(Json.MAPPER.createObjectNode())
                    : Json.MAPPER.createObjectNode();
        }
    }

    /** {@code case.json} as {@code case.init} logged it: its hash since record hashes, its fields before. */
    private void checkManifest(JsonNode init) throws IOException {
        Path file = caseDir.resolve("case.json");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            findings.add(Problem.Kind.MANIFEST_CHANGED, "case.json", "the file", "no file");
            return;
        }
        if (init.path("manifestSha256").isTextual()) {
            String found = HexFormat.of().formatHex(Hashing.sha256().digest(bytes));
            if (!found.equals(init.path("manifestSha256").asText())) {
                findings.add(Problem.Kind.MANIFEST_CHANGED, "case.json", "sha256 " + init.path("manifestSha256")
                        .asText() + " as logged by case.init", "sha256 " + found);
            }
            return;
        }
        findings.gap("case.json logged field by field (an older Tracelab): its tool and format versions are not"
                + " under the chain");
        JsonNode m = ItemCheck.parse(new String(bytes, StandardCharsets.UTF_8)).orElse(Json.MAPPER.createObjectNode());
        for (String field : List.of("name", "examiner", "purpose", "region", "created")) {
            if (init.has(field) && !init.path(field).asText().equals(m.path(field).asText())) {
                findings.add(Problem.Kind.MANIFEST_CHANGED, "case.json", field + " '" + init.path(field).asText()
                        + "' as logged by case.init", field + " '" + m.path(field).asText() + "'");
            }
        }
    }

    /** Walks the chain in seq order; returns the number of entries. */
    private long walkChain() throws SQLException, IOException {
        long count = 0;
        long prevSeq = 0;
        String prevHash = CustodyEntry.GENESIS;
        List<Long> altered = new ArrayList<>();
        List<Problem> breaks = new ArrayList<>();
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM custody_log ORDER BY seq")) {
            while (rs.next()) {
                count++;
                // Types first: reading a blob as a string converts it, after which it reads as text.
                boolean typed = storedAsWritten(rs);
                long seq = rs.getLong("seq");
                String recordedPrev = rs.getString("prev_hash");
                String recordedHash = rs.getString("entry_hash");
                if (seq != prevSeq + 1) {
                    String missing = seq == prevSeq + 2 ? "entry " + (prevSeq + 1)
                            : "entries " + (prevSeq + 1) + " to " + (seq - 1);
                    problems.add(new Problem(Problem.Kind.ENTRY_REMOVED, "log before entry " + seq,
                            missing, "nothing"));
                } else if (!prevHash.equals(recordedPrev)) {
                    breaks.add(new Problem(Problem.Kind.CHAIN_BROKEN, "log entry " + seq,
                            "previous hash " + prevHash, "previous hash " + recordedPrev));
                }
                if (!typed || !rowHashHolds(rs, seq)) {
                    altered.add(seq);
                }
                prevSeq = seq;
                prevHash = recordedHash;
            }
        }
        boolean moved = !altered.isEmpty() && explainAltered(altered);
        if (!moved) {
            // Breaks beside moved entries are their consequence; name the moves, not every seam.
            problems.addAll(breaks);
        }
        checkHead(prevSeq, prevHash);
        return count;
    }

    /**
     * True when the row's fields and previous hash hash to its recorded hash, and its time and parameters are stored
     * in the one form the log writes: a time in other letters' case or a parameter spelt with another escape would
     * parse to the same entry, yet the row would no longer be what was logged.
     */
    private static boolean rowHashHolds(ResultSet rs, long seq) throws SQLException {
        String at = rs.getString("at");
        String examiner = rs.getString("examiner");
        String action = rs.getString("action");
        long item = rs.getLong("item_id");
        Long itemId = rs.wasNull() ? null : item;
        String tool = rs.getString("tool_version");
        String params = rs.getString("params");
        String prev = rs.getString("prev_hash");
        String hash = rs.getString("entry_hash");
        if (at == null || examiner == null || action == null || tool == null || params == null || prev == null
                || hash == null) {
            return false;
        }
        return CustodyEntry.storedRowHolds(seq, at, examiner, action, itemId, tool, params, prev, hash);
    }

    /**
     * True when every column holds the type the log writes: text as text, numbers as integers. A single bit turns a
     * text's type into a blob of the same bytes, which reads back as the same string. Call it before reading any
     * column of the row another way.
     */
    private static boolean storedAsWritten(ResultSet rs) throws SQLException {
        for (String text : List.of("at", "examiner", "action", "tool_version", "params", "prev_hash", "entry_hash")) {
            if (!(rs.getObject(text) instanceof String)) {
                return false;
            }
        }
        Object item = rs.getObject("item_id");
        return item == null || item instanceof Integer || item instanceof Long;
    }

    private static CustodyEntry entryWithSeq(ResultSet rs, long seq) throws SQLException {
        long item = rs.getLong("item_id");
        Long itemId = rs.wasNull() ? null : item;
        String paramsText = rs.getString("params");
        JsonNode params;
        try {
            params = Json.parse(paramsText);
        } catch (IllegalArgumentException e) {
            params = Json.tree(paramsText);
        }
        return new CustodyEntry(seq, Instant.parse(rs.getString("at")), rs.getString("examiner"),
                rs.getString("action"), itemId, rs.getString("tool_version"), params, rs.getString("prev_hash"),
                rs.getString("entry_hash"));
    }

    /**
     * Tells an entry moved to another place in the log (it hashes true at the position its chain of previous
     * hashes gives it) from one whose content was edited.
     *
     * @return true when at least one entry was found moved
     */
    private boolean explainAltered(List<Long> altered) throws SQLException {
        Map<String, String> prevOf = new HashMap<>();
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT entry_hash, prev_hash FROM custody_log")) {
            while (rs.next()) {
                prevOf.put(rs.getString(1), rs.getString(2));
            }
        }
        Map<String, Long> positions = new HashMap<>();
        boolean anyMoved = false;
        for (long seq : altered) {
            try (Statement s = conn.createStatement();
                 ResultSet rs = s.executeQuery("SELECT * FROM custody_log WHERE seq = " + seq)) {
                rs.next();
                Long before = chainPosition(rs.getString("prev_hash"), prevOf, positions);
                boolean moved = false;
                if (before != null && before + 1 != seq) {
                    try {
                        moved = entryWithSeq(rs, before + 1).hashHolds();
                    } catch (DateTimeParseException | IllegalArgumentException | NullPointerException e) {
                        moved = false;
                    }
                }
                if (moved) {
                    anyMoved = true;
                    problems.add(new Problem(Problem.Kind.ENTRY_REORDERED, "log entry " + seq,
                            "this entry at position " + (before + 1), "it at position " + seq));
                } else {
                    problems.add(new Problem(Problem.Kind.ENTRY_ALTERED, "log entry " + seq,
                            "hash " + rs.getString("entry_hash"), "fields that hash differently"));
                }
            }
        }
        return anyMoved;
    }

    /**
     * The position in the chain of the entry with {@code hash}, counted along previous hashes back to the genesis;
     * null when the chain cannot be followed (an entry on the way is missing or the hashes loop).
     */
    private static Long chainPosition(String hash, Map<String, String> prevOf, Map<String, Long> memo) {
        List<String> path = new ArrayList<>();
        String h = hash;
        Long base = null;
        while (true) {
            if (CustodyEntry.GENESIS.equals(h)) {
                base = 0L;
                break;
            }
            Long known = memo.get(h);
            if (known != null) {
                base = known;
                break;
            }
            if (!prevOf.containsKey(h) || path.size() > prevOf.size()) {
                return null;
            }
            path.add(h);
            h = prevOf.get(h);
        }
        for (int i = path.size() - 1; i >= 0; i--) {
            base = base + 1;
            memo.put(path.get(i), base);
        }
        return path.isEmpty() ? base : memo.get(hash);
    }

    /** Entries cut from the end leave an intact chain; the head recorded outside the database tells. */
    private void checkHead(long lastSeq, String lastHash) throws IOException, SQLException {
        Optional<CustodyLog.ChainHead> head = custody.readHead();
        if (head.isEmpty()) {
            return;
        }
        CustodyLog.ChainHead h = head.get();
        if (h.seq() < 1) {
            problems.add(new Problem(Problem.Kind.HEAD_DAMAGED, "custody.head", "the last entry's seq and hash",
                    h.hash()));
            return;
        }
        if (h.seq() > lastSeq) {
            String missing = h.seq() == lastSeq + 1 ? "entry " + h.seq() : "entries " + (lastSeq + 1) + " to " + h.seq();
            problems.add(new Problem(Problem.Kind.ENTRY_REMOVED, "end of log (custody.head records entry " + h.seq() + ")",
                    missing, "log ends at entry " + lastSeq));
            return;
        }
        String hashThere = h.seq() == lastSeq ? lastHash : hashAt(h.seq());
        if (!h.hash().equals(hashThere)) {
            problems.add(new Problem(Problem.Kind.ENTRY_ALTERED, "log entry " + h.seq() + " (custody.head)",
                    "hash " + h.hash(), "hash " + hashThere));
        }
    }

    private String hashAt(long seq) throws SQLException {
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT entry_hash FROM custody_log WHERE seq = " + seq)) {
            return rs.next() ? rs.getString(1) : "no such entry";
        }
    }
}
