package org.tracelab.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.internal.CaseDatabase;

/**
 * The tallies SQLite keeps of the entity rows (V11's triggers) against the rows themselves, through thousands of
 * random inserts, deletes and in-place changes of rows, as ingest, reindex and a hand at the database make them.
 * Values are fictitious.
 */
class EntityTalliesTest {
    private static final String[] TYPES = {"phone", "telegram", "email"};

    @TempDir
    Path tmp;

    @Test
    void talliesStayTheRowsCountsThroughRandomWritesDeletesAndChanges() throws Exception {
        try (CaseDatabase db = database()) {
            Connection c = db.connection();
            Random random = new Random(20261207);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO entities(item_id, type, value, raw,"
                    + " start_offset, end_offset, found_in) VALUES (?, ?, ?, ?, 0, 1, 'text')");
                 PreparedStatement deleteOne = c.prepareStatement("DELETE FROM entities WHERE rowid ="
                         + " (SELECT rowid FROM entities ORDER BY rowid LIMIT 1 OFFSET ?)");
                 PreparedStatement deleteItem = c.prepareStatement("DELETE FROM entities WHERE item_id = ?");
                 PreparedStatement change = c.prepareStatement("UPDATE entities SET item_id = ?, value = ?, raw = ?"
                         + " WHERE rowid = (SELECT rowid FROM entities ORDER BY rowid LIMIT 1 OFFSET ?)")) {
                for (int round = 0; round < 40; round++) {
                    for (int op = 0; op < 100; op++) {
                        int rows = rows(c);
                        int what = random.nextInt(10);
                        if (what < 6 || rows == 0) {
                            insert.setLong(1, 1 + random.nextInt(30));
                            insert.setString(2, TYPES[random.nextInt(TYPES.length)]);
                            insert.setString(3, "v" + random.nextInt(12));
                            insert.setString(4, "form " + random.nextInt(4));
                            insert.executeUpdate();
                        } else if (what < 8) {
                            deleteOne.setInt(1, random.nextInt(rows));
                            deleteOne.executeUpdate();
                        } else if (what < 9) {
                            deleteItem.setLong(1, 1 + random.nextInt(30));
                            deleteItem.executeUpdate();
                        } else {
                            change.setLong(1, 1 + random.nextInt(30));
                            change.setString(2, "v" + random.nextInt(12));
                            change.setString(3, "form " + random.nextInt(4));
                            change.setInt(4, random.nextInt(rows));
                            change.executeUpdate();
                        }
                    }
                    assertEquals(List.of(), differing(c), "round " + round);
                    assertEquals(summariesFromRows(c), new DerivedStore(c).summaries(null, 1), "round " + round);
                }
            }
        }
    }

    @Test
    void aRecountReplacesWrongTalliesWithTheRowsCounts() throws Exception {
        try (CaseDatabase db = database()) {
            Connection c = db.connection();
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO entities(item_id, type, value, raw, start_offset, end_offset) VALUES"
                        + " (1, 'phone', '+998900000001', '90 000 00 01', 0, 12),"
                        + " (2, 'phone', '+998900000001', '+998 90 000 00 01', 0, 17)");
                s.execute("UPDATE entity_values SET items = 7");
                s.execute("INSERT INTO entity_forms VALUES ('phone', '+998900000009', '90 000 00 09', 3)");
            }
            assertEquals(List.of("phone +998900000001 2/2 7/2", "phone +998900000009 null/null null/null"),
                    differing(c));
            EntityTallies.recount(c);
            assertEquals(List.of(), differing(c));
            assertEquals(List.of(new EntitySummary("phone", "+998900000001", 2, 2,
                    List.of("+998 90 000 00 01", "90 000 00 01"))), new DerivedStore(c).summaries("phone", 1));
        }
    }

    @Test
    void whetherAnItemAlreadyMentionsAValueIsOneSeekNotAWalkOfItsRows() throws Exception {
        // The triggers ask it for every row written; by the item alone, a sitemap's thousands of rows were each walked
        // for each row (quadratic in one item's mentions).
        try (CaseDatabase db = database(); Statement s = db.connection().createStatement();
             ResultSet rs = s.executeQuery("EXPLAIN QUERY PLAN SELECT 1 FROM entities e WHERE e.item_id = 1"
                     + " AND e.type = 'url' AND e.value = 'https://example.invalid/' AND e.rowid <> 1")) {
            StringBuilder plan = new StringBuilder();
            while (rs.next()) {
                plan.append(rs.getString(4)).append('\n');
            }
            assertEquals("SEARCH e USING COVERING INDEX entities_item (item_id=? AND type=? AND value=?)\n",
                    plan.toString());
        }
    }

    /** A case database of this build's schema, its rows' items left out (they are not what this is about). */
    private CaseDatabase database() throws SQLException {
        CaseDatabase db = CaseDatabase.open(tmp.resolve("case.db"));
        db.migrate(Instant.parse("2026-12-07T07:00:00Z"));
        try (Statement s = db.connection().createStatement()) {
            s.execute("PRAGMA foreign_keys = OFF");
        }
        return db;
    }

    private static int rows(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM entities")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static List<String> differing(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(EntityTallies.DIFFERING)) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + "/" + rs.getString(4)
                        + " " + rs.getString(5) + "/" + rs.getString(6));
            }
        }
        return out;
    }

    /** What the listing must say, counted in Java from every row, in the listing's order. */
    private static List<EntitySummary> summariesFromRows(Connection c) throws SQLException {
        Map<String, Set<Long>> items = new TreeMap<>();
        Map<String, Integer> mentions = new TreeMap<>();
        Map<String, Set<String>> forms = new TreeMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT type, value, raw, item_id FROM entities")) {
            while (rs.next()) {
                String key = rs.getString(1) + "\u0000" + rs.getString(2);
                items.computeIfAbsent(key, k -> new TreeSet<>()).add(rs.getLong(4));
                mentions.merge(key, 1, Integer::sum);
                forms.computeIfAbsent(key, k -> new TreeSet<>()).add(rs.getString(3));
            }
        }
        List<EntitySummary> out = new ArrayList<>();
        for (String key : items.keySet()) {
            String[] tv = key.split("\u0000");
            List<String> f = new ArrayList<>(forms.get(key));
            out.add(new EntitySummary(tv[0], tv[1], items.get(key).size(), mentions.get(key),
                    List.copyOf(f.subList(0, Math.min(DerivedStore.MAX_FORMS, f.size())))));
        }
        out.sort(java.util.Comparator.comparingLong(EntitySummary::items).reversed()
                .thenComparing(java.util.Comparator.comparingLong(EntitySummary::mentions).reversed())
                .thenComparing(EntitySummary::type).thenComparing(EntitySummary::value));
        return out;
    }
}
