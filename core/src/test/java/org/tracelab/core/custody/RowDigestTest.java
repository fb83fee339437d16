package org.tracelab.core.custody;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
}
