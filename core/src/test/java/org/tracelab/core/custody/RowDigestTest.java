package org.tracelab.core.custody;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tracelab.core.Json;

class RowDigestTest {
    @Test
    void aRowsAndRowsCanonicalTextIsTheTreesCanonicalTextWrittenStraightFromTheRows() throws SQLException {
        try (Connection conn = DriverManager.getConnection("jdbc:sqlite::memory:");
             Statement s = conn.createStatement()) {
            s.execute("CREATE TABLE t (ID INTEGER, big INTEGER, real REAL, Title TEXT, data BLOB, gone TEXT, zeta TEXT)");
            Object[][] rows = {
                {1, 1L << 40, 0.1, "Ish bor \"Dubay\" \\ \n\t\u0001 é 招聘 \uD83D\uDE00", new byte[] {0, -1, 42}, null, "z"},
                {-7, 0L, -1.5e300, "", new byte[0], null, null},
                {0, Long.MIN_VALUE, 3.0, "\u2028\u007F</script>", null, "x", "ž"},
            };
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        ps.setObject(i + 1, row[i]);
                    }
                    ps.executeUpdate();
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT *, 'extra' AS added FROM t")) {
                int n = 0;
                while (rs.next()) {
                    for (int count : new int[] {7, 8}) {
                        assertEquals(Json.canonical(RowDigest.columns(rs, count)), RowDigest.canonical(rs, count));
                    }
                    n++;
                }
                assertEquals(3, n);
            }
            ArrayNode trees = Json.MAPPER.createArrayNode();
            try (ResultSet rs = s.executeQuery("SELECT * FROM t ORDER BY ID")) {
                while (rs.next()) {
                    trees.add(RowDigest.columns(rs, 7));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT * FROM t ORDER BY ID")) {
                assertEquals(RowDigest.ofRows(trees), RowDigest.ofRows(rs));
            }
            try (ResultSet rs = s.executeQuery("SELECT * FROM t WHERE ID > 99")) {
                assertEquals(RowDigest.ofRows(Json.MAPPER.createArrayNode()), RowDigest.ofRows(rs));
            }
        }
    }

    /**
     * The columns kept for a prepared statement: each row through it digests as its tree does, a query whose names
     * repeat as its tree (the last column that is not NULL stands for the name), and a column added to the table after
     * the statement was prepared is in the next digest.
     */
    @Test
    void rowsOfAKeptStatementDigestAsTheirTreesThroughRepeatedNamesAndAnAddedColumn() throws SQLException {
        try (Connection conn = DriverManager.getConnection("jdbc:sqlite::memory:");
             Statement s = conn.createStatement()) {
            s.execute("CREATE TABLE t (id INTEGER, b TEXT, a TEXT, c REAL)");
            s.execute("INSERT INTO t VALUES (1, 'bee', NULL, 1.5), (2, NULL, 'ay', NULL), (3, 'x', 'y', -0.0)");
            try (PreparedStatement row = conn.prepareStatement("SELECT * FROM t WHERE id = ?");
                 PreparedStatement repeated = conn.prepareStatement(
                         "SELECT *, a AS B, NULL AS A, id AS Id FROM t WHERE id = ?")) {
                for (int round = 0; round < 2; round++) {
                    if (round == 1) {
                        s.execute("ALTER TABLE t ADD COLUMN later TEXT DEFAULT 'added'");
                    }
                    for (long id = 1; id <= 3; id++) {
                        for (PreparedStatement ps : List.of(row, repeated)) {
                            ps.setLong(1, id);
                            try (ResultSet rs = ps.executeQuery()) {
                                assertTrue(rs.next());
                                int count = rs.getMetaData().getColumnCount();
                                String tree = Json.canonical(RowDigest.columns(rs, count));
                                assertEquals(tree, RowDigest.canonical(rs, count), ps + " row " + id);
                                assertEquals(round == 1, tree.contains("\"later\":\"added\""), tree);
                            }
                        }
                    }
                }
            }
        }
    }
}
