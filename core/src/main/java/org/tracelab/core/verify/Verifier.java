package org.tracelab.core.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tracelab.core.Json;
import org.tracelab.core.custody.CustodyEntry;
import org.tracelab.core.custody.CustodyLog;
import org.tracelab.core.store.BlobId;
import org.tracelab.core.store.BlobStore;

/**
 * Proves a case untouched, or names what is not: re-hashes every blob, checks each item against the custody entry
 * that recorded its capture, and walks the whole hash chain.
 *
 * <p>Reads the raw columns rather than the typed records, because a tampered row may no longer parse.
 */
public final class Verifier {
    private final Connection conn;
    private final BlobStore blobs;
    private final CustodyLog custody;
    private final VerifyListener listener;
    private final List<Problem> problems = new ArrayList<>();

    public Verifier(Connection conn, BlobStore blobs, CustodyLog custody, VerifyListener listener) {
        this.conn = conn;
        this.blobs = blobs;
        this.custody = custody;
        this.listener = listener == null ? VerifyListener.NONE : listener;
    }

    public VerifyReport run() throws SQLException, IOException {
        long entries = walkChain();
        long[] itemsAndBlobs = checkItems();
        return new VerifyReport(itemsAndBlobs[0], itemsAndBlobs[1], itemsAndBlobs[2], entries, problems);
    }

    /** Checks every blob and every item's record against its capture entry; returns {items, blobs, bytes}. */
    private long[] checkItems() throws SQLException, IOException {
        long blobCount;
        long totalBytes;
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), coalesce(sum(size), 0) FROM (SELECT sha256, max(size)"
                     + " AS size FROM (SELECT sha256, size FROM items UNION ALL SELECT sha256, size FROM derived)"
                     + " GROUP BY sha256)")) {
            rs.next();
            blobCount = rs.getLong(1);
            totalBytes = rs.getLong(2);
        }
        listener.started(blobCount, totalBytes);

        // Each distinct blob is re-hashed once, whatever number of items share it.
        Map<String, String> blobVerdict = new HashMap<>();
        long items = 0;
        long bytes = 0;
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, source, sha256, size FROM items ORDER BY id")) {
            while (rs.next()) {
                items++;
                long id = rs.getLong("id");
                String sha = rs.getString("sha256");
                String subject = "item " + id + " (" + rs.getString("source") + ")";
                BlobId blobId;
                try {
                    blobId = new BlobId(sha);
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(Problem.Kind.ITEM_ALTERED, subject, "a SHA-256 in its record", sha));
                    continue;
                }
                String verdict = blobVerdict.get(sha);
                if (verdict == null) {
                    Optional<BlobId> found = blobs.rehash(blobId);
                    verdict = found.map(BlobId::sha256).orElse("");
                    blobVerdict.put(sha, verdict);
                    long size = rs.getLong("size");
                    bytes += size;
                    listener.blobChecked(size);
                }
                if (verdict.isEmpty()) {
                    problems.add(new Problem(Problem.Kind.BLOB_MISSING, subject, "blob " + sha,
                            "no file at " + blobs.path(blobId)));
                } else if (!verdict.equals(sha)) {
                    problems.add(new Problem(Problem.Kind.BLOB_CHANGED, subject, "sha256 " + sha, "sha256 " + verdict));
                }
            }
        }
        bytes += checkDerivedTexts(blobVerdict);
        checkItemsAgainstCaptureEntries();
        return new long[] {items, blobVerdict.size(), bytes};
    }

    /**
     * Re-hashes the extracted texts (blobs not already checked as items) and checks each text's record against the
     * latest {@code extract} entry of its item; returns the bytes re-hashed.
     */
    private long checkDerivedTexts(Map<String, String> blobVerdict) throws SQLException, IOException {
        long bytes = 0;
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT d.item_id, d.sha256, d.size, (SELECT c.params FROM custody_log c"
                     + " WHERE c.item_id = d.item_id AND c.action = 'extract' ORDER BY c.seq DESC LIMIT 1) AS params"
                     + " FROM derived d ORDER BY d.item_id")) {
            while (rs.next()) {
                String sha = rs.getString("sha256");
                String subject = "extracted text of item " + rs.getLong("item_id");
                String params = rs.getString("params");
                if (params == null) {
                    problems.add(new Problem(Problem.Kind.ITEM_UNLOGGED, subject, "an 'extract' custody entry",
                            "none"));
                } else {
                    try {
                        compare(subject, "sha256", Json.parse(params).path("sha256").asText(), sha);
                    } catch (IllegalArgumentException e) {
                        // the chain walk reports the altered entry
                    }
                }
                BlobId blobId;
                try {
                    blobId = new BlobId(sha);
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(Problem.Kind.ITEM_ALTERED, subject, "a SHA-256 in its record", sha));
                    continue;
                }
                String verdict = blobVerdict.get(sha);
                if (verdict == null) {
                    verdict = blobs.rehash(blobId).map(BlobId::sha256).orElse("");
                    blobVerdict.put(sha, verdict);
                    long size = rs.getLong("size");
                    bytes += size;
                    listener.blobChecked(size);
                }
                if (verdict.isEmpty()) {
                    problems.add(new Problem(Problem.Kind.BLOB_MISSING, subject, "blob " + sha,
                            "no file at " + blobs.path(blobId)));
                } else if (!verdict.equals(sha)) {
                    problems.add(new Problem(Problem.Kind.BLOB_CHANGED, subject, "sha256 " + sha, "sha256 " + verdict));
                }
            }
        }
        return bytes;
    }

    /** The capture entry recorded source, hash and size; the item row must still say the same. */
    private void checkItemsAgainstCaptureEntries() throws SQLException {
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT i.id, i.source, i.sha256, i.size, c.seq, c.params"
                     + " FROM items i LEFT JOIN custody_log c ON c.item_id = i.id AND c.action = 'capture'"
                     + " ORDER BY i.id, c.seq")) {
            long lastId = -1;
            while (rs.next()) {
                long id = rs.getLong("id");
                if (id == lastId) {
                    continue;
                }
                lastId = id;
                String subject = "item " + id + " (" + rs.getString("source") + ")";
                rs.getLong("seq");
                if (rs.wasNull()) {
                    problems.add(new Problem(Problem.Kind.ITEM_UNLOGGED, subject, "a 'capture' custody entry",
                            "none"));
                    continue;
                }
                JsonNode p;
                try {
                    p = Json.parse(rs.getString("params"));
                } catch (IllegalArgumentException e) {
                    continue; // the chain walk reports the altered entry
                }
                compare(subject, "sha256", p.path("sha256").asText(), rs.getString("sha256"));
                compare(subject, "size", p.path("size").asText(), Long.toString(rs.getLong("size")));
                compare(subject, "source", p.path("source").asText(), rs.getString("source"));
            }
        }
    }

    private void compare(String subject, String field, String logged, String now) {
        if (!logged.equals(now)) {
            problems.add(new Problem(Problem.Kind.ITEM_ALTERED, subject, field + " " + logged + " as logged",
                    field + " " + now));
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
                if (!rowHashHolds(rs, seq)) {
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

    /** True when the row's fields and previous hash hash to its recorded hash. */
    private static boolean rowHashHolds(ResultSet rs, long seq) throws SQLException {
        try {
            return entryWithSeq(rs, seq).hashHolds();
        } catch (DateTimeParseException | IllegalArgumentException | NullPointerException e) {
            return false;
        }
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
