package org.tracelab.core.imagehash;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tracelab.core.Timestamps;
import org.tracelab.core.custody.CoveredRows;
import org.tracelab.core.internal.KeptStatements;

/** The {@code image_hashes} table of a case. Callers hold the case's lock on the connection. */
public final class ImageHashStore {
    private final Connection conn;
    /** The statements {@link #put} and the digest of what it wrote run for every item ingest records. */
    private final KeptStatements kept;

    public ImageHashStore(Connection conn) {
        this.conn = conn;
        this.kept = new KeptStatements(conn);
    }

    /** Records an item's picture hash, replacing an earlier one; empty removes it (the item is no picture now). */
    public void put(long itemId, Optional<PictureHash> hash) throws SQLException {
        PreparedStatement drop = kept.of("DELETE FROM image_hashes WHERE item_id = ?");
        drop.setLong(1, itemId);
        drop.executeUpdate();
        if (hash.isEmpty()) {
            return;
        }
        PictureHash h = hash.get();
        if (h.itemId() != itemId) {
            throw new IllegalArgumentException("hash of item " + h.itemId() + " given for item " + itemId);
        }
        // Kept, as the delete above: ingest writes a row for every picture it extracts, on the case thread.
        PreparedStatement ps = kept.of("INSERT INTO image_hashes(item_id, algorithm, hash, quality, format, width,"
                + " height, error_kind, error, made_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        ps.setLong(1, itemId);
        ps.setString(2, PictureHash.ALGORITHM);
        ps.setObject(3, h.pdq().map(p -> p.hash().hex()).orElse(null));
        ps.setObject(4, h.pdq().map(PdqResult::quality).orElse(null));
        ps.setObject(5, h.format().orElse(null));
        ps.setObject(6, h.width() > 0 ? h.width() : null);
        ps.setObject(7, h.height() > 0 ? h.height() : null);
        ps.setObject(8, h.refusal().map(r -> r.kind().name()).orElse(null));
        ps.setObject(9, h.refusal().map(PictureHash.Refusal::message).orElse(null));
        ps.setString(10, Timestamps.format(h.madeAt()));
        ps.executeUpdate();
    }

    /** The digest of an item's picture hash row, which the entry recording it carries; empty when it has none. */
    public Optional<String> record(long itemId) throws SQLException {
        return CoveredRows.imageHash(kept.of(CoveredRows.IMAGE_HASH_ROW), itemId);
    }

    /** The picture hash of an item, if it is a picture that was ingested. */
    public Optional<PictureHash> get(long itemId) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM image_hashes WHERE item_id = ?")) {
            ps.setLong(1, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** The hash made earlier for another item with the same bytes, so the same blob is decoded once. */
    public Optional<PictureHash> forBlob(String sha256) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT h.* FROM image_hashes h JOIN items i"
                + " ON i.id = h.item_id WHERE i.sha256 = ? ORDER BY h.item_id LIMIT 1")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** Every hash of at least {@code minQuality}, in item order: what links and search compare. */
    public List<HashedItem> hashes(int minQuality) throws SQLException {
        List<HashedItem> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT item_id, hash FROM image_hashes WHERE hash IS NOT NULL"
                + " AND quality >= ? ORDER BY item_id")) {
            ps.setInt(1, minQuality);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new HashedItem(rs.getLong(1), PdqHash.parse(rs.getString(2))));
                }
            }
        }
        return out;
    }

    /**
     * The item each picture belongs to: the page, ad, post or document it was collected with or found in (through
     * any redirects that led to it); when that is a page holding exactly one ad or post record, the record, as links
     * count records rather than their pages. A picture collected on its own, or on a page of many posts (which of
     * them shows it is not known), belongs to itself.
     */
    public Map<Long, Long> holders(List<Long> pictures) throws SQLException {
        Map<Long, Long> out = new HashMap<>();
        try (PreparedStatement parent = conn.prepareStatement("SELECT parent_id, CASE WHEN json_valid(meta)"
                + " THEN json_extract(meta, '$.redirect') END FROM items WHERE id = ?");
             PreparedStatement records = conn.prepareStatement("SELECT id FROM items WHERE parent_id = ?"
                     + " AND kind IN ('ad', 'post') ORDER BY id LIMIT 2")) {
            for (long picture : pictures) {
                out.put(picture, holder(parent, records, picture));
            }
        }
        return out;
    }

    private static long holder(PreparedStatement parent, PreparedStatement records, long picture)
            throws SQLException {
        Long at = parentOf(parent, picture);
        // A redirect hop is not where the picture was shown: the page that linked the first hop is.
        for (int hops = 0; at != null && hops < 32; hops++) {
            Long up = isRedirect(parent, at) ? parentOf(parent, at) : null;
            if (up == null) {
                break;
            }
            at = up;
        }
        if (at == null) {
            return picture;
        }
        records.setLong(1, at);
        List<Long> found = new ArrayList<>();
        try (ResultSet rs = records.executeQuery()) {
            while (rs.next()) {
                found.add(rs.getLong(1));
            }
        }
        return found.isEmpty() ? at : found.size() == 1 ? found.get(0) : picture;
    }

    private static Long parentOf(PreparedStatement parent, long item) throws SQLException {
        parent.setLong(1, item);
        try (ResultSet rs = parent.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            long p = rs.getLong(1);
            return rs.wasNull() ? null : p;
        }
    }

    private static boolean isRedirect(PreparedStatement parent, long item) throws SQLException {
        parent.setLong(1, item);
        try (ResultSet rs = parent.executeQuery()) {
            return rs.next() && rs.getString(2) != null;
        }
    }

    private static PictureHash read(ResultSet rs) throws SQLException {
        String hash = rs.getString("hash");
        Optional<PdqResult> pdq = hash == null ? Optional.empty()
                : Optional.of(new PdqResult(PdqHash.parse(hash), rs.getInt("quality")));
        String kind = rs.getString("error_kind");
        Optional<PictureHash.Refusal> refusal = kind == null ? Optional.empty()
                : Optional.of(new PictureHash.Refusal(ImageRefused.Kind.valueOf(kind), rs.getString("error")));
        return new PictureHash(rs.getLong("item_id"), pdq, Optional.ofNullable(rs.getString("format")),
                rs.getInt("width"), rs.getInt("height"), refusal, Timestamps.parse(rs.getString("made_at")));
    }
}
