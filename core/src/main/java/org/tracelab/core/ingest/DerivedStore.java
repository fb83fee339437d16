package org.tracelab.core.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tracelab.core.Json;
import org.tracelab.core.Timestamps;
import org.tracelab.core.collect.BlobId;
import org.tracelab.core.custody.CoveredRows;
import org.tracelab.core.internal.KeptStatements;
import org.tracelab.core.entities.FoundIn;
import org.tracelab.core.extract.ExtractionError;

/** The {@code derived} and {@code entities} tables of a case. Callers hold the case's lock on the connection. */
public final class DerivedStore {
    /** Spellings listed per entity in a summary; the rest are counted, not shown. */
    static final int MAX_FORMS = 5;

    private final Connection conn;
    /** The statements {@link #put} and the digests of what it wrote run for every text recorded. */
    private final KeptStatements kept;

    public DerivedStore(Connection conn) {
        this.conn = conn;
        this.kept = new KeptStatements(conn);
    }

    /** Items with no extracted text yet, in id order. */
    public List<Long> pendingItems() throws SQLException {
        return ids("SELECT id FROM items i WHERE NOT EXISTS (SELECT 1 FROM derived d WHERE d.item_id = i.id"
                + " AND d.kind = '" + DerivedText.KIND + "') ORDER BY id");
    }

    /** Every item, in id order. */
    public List<Long> allItems() throws SQLException {
        return ids("SELECT id FROM items ORDER BY id");
    }

    /** Items that have extracted text, in id order. */
    public List<Long> derivedItems() throws SQLException {
        return ids("SELECT item_id FROM derived WHERE kind = '" + DerivedText.KIND + "' ORDER BY item_id");
    }

    /** Rows of extracted text in the case. */
    public long count() throws SQLException {
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM derived WHERE kind = '" + DerivedText.KIND + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Records an item's extracted text, its main text when it has one (a page's, without its furniture), and its
     * entities, replacing what an earlier extraction recorded.
     */
    public void put(DerivedText d, Optional<DerivedText> main, List<EntityMention> entities) throws SQLException {
        if (main.isPresent() && main.get().itemId() != d.itemId()) {
            throw new IllegalArgumentException("main text of item " + main.get().itemId() + " given for item "
                    + d.itemId());
        }
        insert(d, DerivedText.KIND);
        if (main.isPresent()) {
            // The insert replaces an earlier main text (no trigger runs on a derived row's removal): no delete first.
            insert(main.get(), DerivedText.MAIN_KIND);
        } else {
            PreparedStatement dropMain = kept.of("DELETE FROM derived WHERE item_id = ? AND kind = ?");
            dropMain.setLong(1, d.itemId());
            dropMain.setString(2, DerivedText.MAIN_KIND);
            dropMain.executeUpdate();
        }
        // A re-extraction that finds what the last one found (a reindex, mostly) leaves the rows as they are: the
        // same rows hash the same for the custody entry, and deleting and writing them again would cost their
        // indexes' and tallies' upkeep for nothing, on the case's one writing thread.
        int had = written(d.itemId(), entities);
        if (had == SAME) {
            return;
        }
        if (had > 0) {
            PreparedStatement drop = kept.of("DELETE FROM entities WHERE item_id = ?");
            drop.setLong(1, d.itemId());
            drop.executeUpdate();
        }
        if (entities.isEmpty()) {
            return;
        }
        // Kept, and one row a step: compiling the statement compiles the tallies' triggers into it (V11), which cost
        // more than the rows for each text prepared anew (collect file of 10,515 pages: 9 s of CPU in 37); and a
        // batch would grow the driver's array to the most rows one text ever had.
        PreparedStatement ps = kept.of("INSERT INTO entities(item_id, type, value, raw, start_offset, end_offset,"
                + " found_in) VALUES (?, ?, ?, ?, ?, ?, ?)");
        for (EntityMention e : entities) {
            ps.setLong(1, d.itemId());
            ps.setString(2, e.type());
            ps.setString(3, e.value());
            ps.setString(4, e.raw());
            ps.setInt(5, e.start());
            ps.setInt(6, e.end());
            ps.setString(7, e.foundIn().storedName());
            ps.executeUpdate();
        }
    }

    /** What {@link #written} answers when an item's rows are already {@code entities}, in order. */
    private static final int SAME = -1;

    /** {@link #SAME} when item {@code itemId}'s entity rows are {@code entities} in order, else how many it has. */
    private int written(long itemId, List<EntityMention> entities) throws SQLException {
        PreparedStatement ps = kept.of("SELECT type, value, raw, start_offset, end_offset, found_in FROM entities"
                + " WHERE item_id = ? ORDER BY rowid");
        ps.setLong(1, itemId);
        int rows = 0;
        boolean same = true;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (same && rows < entities.size()) {
                    EntityMention e = entities.get(rows);
                    same = e.type().equals(rs.getString(1)) && e.value().equals(rs.getString(2))
                            && e.raw().equals(rs.getString(3)) && e.start() == rs.getInt(4) && e.end() == rs.getInt(5)
                            && e.foundIn().storedName().equals(rs.getString(6));
                }
                rows++;
            }
        }
        return same && rows == entities.size() && rows > 0 ? SAME : rows;
    }

    /** The digest of each derived row of an item by kind, which the entry recording them carries. */
    public Map<String, String> records(long itemId) throws SQLException {
        return CoveredRows.derived(kept.of(CoveredRows.DERIVED_ROWS), itemId);
    }

    /** The digest of the entity rows of an item, which the entry recording them carries. */
    public String entityRecord(long itemId) throws SQLException {
        return CoveredRows.entities(kept.of(CoveredRows.ENTITY_ROWS_QUERY), itemId);
    }

    private void insert(DerivedText d, String kind) throws SQLException {
        PreparedStatement ps = kept.of("INSERT OR REPLACE INTO derived(item_id, kind, sha256, size,"
                + " content_type, language, title, author, created, modified, extractor, error_kind, error, members,"
                + " made_at, charset, notes, ocr, ocr_confidence, text_pieces) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        ps.setLong(1, d.itemId());
        ps.setString(2, kind);
        ps.setString(3, d.blob().sha256());
        ps.setLong(4, d.size());
        ps.setString(5, d.contentType());
        ps.setString(6, d.language());
        setOptional(ps, 7, d.title());
        setOptional(ps, 8, d.author());
        setOptional(ps, 9, d.created().map(Timestamps::format));
        setOptional(ps, 10, d.modified().map(Timestamps::format));
        ps.setString(11, d.extractor());
        setOptional(ps, 12, d.errorKind());
        setOptional(ps, 13, d.error());
        ps.setInt(14, d.members());
        ps.setString(15, Timestamps.format(d.madeAt()));
        setOptional(ps, 16, d.charset());
        // NULL when there are none, so the rows of texts without notes digest as before the column
        setOptional(ps, 17, d.notes().isEmpty() ? Optional.empty()
                : Optional.of(Json.write(d.notes().stream().map(ExtractionError::asMap).toList())));
        setOptional(ps, 18, d.ocr());
        if (d.ocrConfidence().isPresent()) {
            ps.setInt(19, d.ocrConfidence().get());
        } else {
            ps.setNull(19, Types.INTEGER);
        }
        // NULL for a text that is a blob of its own, so rows of such texts keep their digests
        setOptional(ps, 20, d.pieces().map(TextPieces::toString));
        ps.executeUpdate();
    }

    /** The extracted text record of an item, if it was ingested. */
    public Optional<DerivedText> get(long itemId) throws SQLException {
        return get(itemId, DerivedText.KIND);
    }

    /** The main text record of a page, if it has one (not every item is a page). */
    public Optional<DerivedText> main(long itemId) throws SQLException {
        return get(itemId, DerivedText.MAIN_KIND);
    }

    private Optional<DerivedText> get(long itemId, String kind) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM derived WHERE item_id = ? AND kind = ?")) {
            ps.setLong(1, itemId);
            ps.setString(2, kind);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** The entities found in an item: those of its text (and OCR) in offset order, then those of its links. */
    public List<EntityMention> entitiesOf(long itemId) throws SQLException {
        List<EntityMention> out = new ArrayList<>();
        // Text mentions first, then link mentions (NULL, from before the column, sorts first and means text).
        try (PreparedStatement ps = conn.prepareStatement("SELECT type, value, raw, start_offset, end_offset, found_in"
                + " FROM entities WHERE item_id = ? ORDER BY found_in = 'link', found_in, start_offset, end_offset,"
                + " type, value")) {
            ps.setLong(1, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new EntityMention(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                            rs.getInt(5), FoundIn.ofStored(rs.getString(6))));
                }
            }
        }
        return out;
    }

    /**
     * The identifiers each item holds only in its markup's links (none of its text mentions them), as
     * {@code type:value} by item id.
     */
    public Map<Long, Set<String>> linkOnly() throws SQLException {
        Map<Long, Set<String>> out = new java.util.HashMap<>();
        try (Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT item_id, type, value FROM entities GROUP BY item_id, type, value"
                     + " HAVING sum(coalesce(found_in, 'text') = 'link') = count(*)")) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getLong(1), k -> new java.util.HashSet<>())
                        .add(rs.getString(2) + ":" + rs.getString(3));
            }
        }
        return out;
    }

    /** True when members of this item were already recorded as items (so re-extraction does not repeat them). */
    public boolean hasMembers(long itemId) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT 1 FROM items WHERE parent_id = ? AND kind = '" + Ingest.MEMBER_KIND + "' LIMIT 1")) {
            ps.setLong(1, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The members inside item {@code id} at any depth, in id order. */
    public List<Long> members(long id) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("WITH RECURSIVE m(id) AS (SELECT id FROM items WHERE"
                + " parent_id = ?1 AND kind = '" + Ingest.MEMBER_KIND + "' UNION SELECT i.id FROM items i JOIN m ON"
                + " i.parent_id = m.id WHERE i.kind = '" + Ingest.MEMBER_KIND + "') SELECT id FROM m ORDER BY id")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    /** The members whose ids lie from {@code from} to {@code to}, in id order. */
    public List<Long> membersBetween(long from, long to) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT id FROM items WHERE id BETWEEN ? AND ? AND kind = '"
                + Ingest.MEMBER_KIND + "' ORDER BY id")) {
            ps.setLong(1, from);
            ps.setLong(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    /** The containers item {@code id} sits in, innermost first; none for an item that is not a member. */
    public List<Long> containers(long id) throws SQLException {
        List<Long> out = new ArrayList<>();
        long at = id;
        try (PreparedStatement ps = conn.prepareStatement("SELECT kind, parent_id FROM items WHERE id = ?")) {
            while (true) {
                ps.setLong(1, at);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || !Ingest.MEMBER_KIND.equals(rs.getString(1))) {
                        return out;
                    }
                    long parent = rs.getLong(2);
                    if (rs.wasNull() || out.contains(parent)) {
                        return out;
                    }
                    out.add(parent);
                    at = parent;
                }
            }
        }
    }

    /** How deep an item sits in containers: 0 for a capture, 1 for a member of one, and so on. */
    public int memberDepth(long itemId) throws SQLException {
        int depth = 0;
        long id = itemId;
        try (PreparedStatement ps = conn.prepareStatement("SELECT kind, parent_id FROM items WHERE id = ?")) {
            while (true) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || !Ingest.MEMBER_KIND.equals(rs.getString(1))) {
                        return depth;
                    }
                    long parent = rs.getLong(2);
                    if (rs.wasNull()) {
                        return depth;
                    }
                    depth++;
                    id = parent;
                }
            }
        }
    }

    /**
     * Entities shared by at least {@code minItems} items, the most shared first.
     *
     * @param type an entity type name, or null for all types
     */
    public List<EntitySummary> summaries(String type, int minItems) throws SQLException {
        // Read from the tallies SQLite keeps as entity rows are written (V11): counting the rows at each call was
        // most of the command's time at 100,000 ads, and grows with the case. A value's forms come after it in the
        // key's order, one row a form.
        String sql = "SELECT v.type, v.value, v.items, v.mentions, f.raw FROM entity_values v JOIN entity_forms f"
                + " ON f.type = v.type AND f.value = v.value WHERE " + (type == null ? "" : "v.type = ? AND ")
                + "v.items >= ? AND f.mentions > 0 ORDER BY v.type, v.value";
        List<EntitySummary> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            int p = 1;
            if (type != null) {
                ps.setString(p++, type);
            }
            ps.setInt(p, Math.max(1, minItems));
            try (ResultSet rs = ps.executeQuery()) {
                EntitySummary pending = null;
                List<String> forms = new ArrayList<>();
                while (rs.next()) {
                    String t = rs.getString(1);
                    String v = rs.getString(2);
                    if (pending == null || !pending.type().equals(t) || !pending.value().equals(v)) {
                        if (pending != null) {
                            out.add(withForms(pending, forms));
                        }
                        pending = new EntitySummary(t, v, rs.getLong(3), rs.getLong(4), List.of());
                        forms.clear();
                    }
                    forms.add(rs.getString(5));
                }
                if (pending != null) {
                    out.add(withForms(pending, forms));
                }
            }
        }
        out.sort(java.util.Comparator.comparingLong(EntitySummary::items).reversed()
                .thenComparing(java.util.Comparator.comparingLong(EntitySummary::mentions).reversed())
                .thenComparing(EntitySummary::type).thenComparing(EntitySummary::value));
        return out;
    }

    /** {@code counted} with the first {@link #MAX_FORMS} of {@code forms} in their sorted order. */
    private static EntitySummary withForms(EntitySummary counted, List<String> forms) {
        forms.sort(null);
        return new EntitySummary(counted.type(), counted.value(), counted.items(), counted.mentions(),
                List.copyOf(forms.subList(0, Math.min(MAX_FORMS, forms.size()))));
    }

    private List<Long> ids(String sql) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    private static void setOptional(PreparedStatement ps, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            ps.setString(index, value.get());
        } else {
            ps.setNull(index, Types.VARCHAR);
        }
    }

    private static DerivedText read(ResultSet rs) throws SQLException {
        return new DerivedText(rs.getLong("item_id"), new BlobId(rs.getString("sha256")), rs.getLong("size"),
                rs.getString("content_type"), rs.getString("language"), Optional.ofNullable(rs.getString("title")),
                Optional.ofNullable(rs.getString("author")), instant(rs.getString("created")),
                instant(rs.getString("modified")), rs.getString("extractor"),
                Optional.ofNullable(rs.getString("error_kind")), Optional.ofNullable(rs.getString("error")),
                rs.getInt("members"), Timestamps.parse(rs.getString("made_at")),
                Optional.ofNullable(rs.getString("charset")), notes(rs.getString("notes")),
                Optional.ofNullable(rs.getString("ocr")), confidence(rs), pieces(rs));
    }

    private static Optional<TextPieces> pieces(ResultSet rs) throws SQLException {
        String written = rs.getString("text_pieces");
        if (written == null) {
            return Optional.empty();
        }
        // A damaged row reads as a piece past any text, which readers refuse and verify names.
        return Optional.of(TextPieces.parse(written).orElse(TextPieces.BEYOND_ANY_TEXT));
    }

    private static List<ExtractionError> notes(String stored) {
        if (stored == null) {
            return List.of();
        }
        List<ExtractionError> out = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode n : Json.parse(stored)) {
            ExtractionError.Kind kind;
            try {
                kind = ExtractionError.Kind.valueOf(n.path("kind").asText());
            } catch (IllegalArgumentException fromAnotherVersion) {
                kind = ExtractionError.Kind.PARSE_FAILED;
            }
            out.add(new ExtractionError(kind, n.path("message").asText()));
        }
        return out;
    }

    /** Items whose extraction failed, was cut or left notes, in id order. */
    public List<Long> withProblems() throws SQLException {
        return ids("SELECT item_id FROM derived WHERE kind = '" + DerivedText.KIND + "' AND (error_kind IS NOT NULL"
                + " OR notes IS NOT NULL) ORDER BY item_id");
    }

    private static Optional<Integer> confidence(ResultSet rs) throws SQLException {
        int c = rs.getInt("ocr_confidence");
        return rs.wasNull() ? Optional.empty() : Optional.of(c);
    }

    private static Optional<Instant> instant(String s) {
        return s == null ? Optional.empty() : Optional.of(Timestamps.parse(s));
    }
}
