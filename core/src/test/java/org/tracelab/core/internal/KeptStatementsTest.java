package org.tracelab.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class KeptStatementsTest {
    @Test
    void oneStatementServesEveryRunOfItsSql() throws SQLException {
        try (Connection conn = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            try (Statement s = conn.createStatement()) {
                s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
            }
            KeptStatements kept = new KeptStatements(conn);
            PreparedStatement insert = kept.of("INSERT INTO t(id, name) VALUES (?, ?)");
            for (int i = 1; i <= 3; i++) {
                PreparedStatement ps = kept.of("INSERT INTO t(id, name) VALUES (?, ?)");
                assertSame(insert, ps);
                ps.setInt(1, i);
                ps.setString(2, "n" + i);
                ps.executeUpdate();
            }
            for (int i = 1; i <= 3; i++) {
                PreparedStatement ps = kept.of("SELECT name FROM t WHERE id = ?");
                ps.setInt(1, i);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertEquals("n" + i, rs.getString(1));
                }
            }
        }
    }

    @Test
    void aStatementTheDriverClosedAfterAFailureIsPreparedAgain() throws SQLException {
        try (Connection conn = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            try (Statement s = conn.createStatement()) {
                s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)");
            }
            KeptStatements kept = new KeptStatements(conn);
            String sql = "INSERT INTO t(id) VALUES (?)";
            kept.of(sql).setInt(1, 5);
            kept.of(sql).executeUpdate(); // its parameters cleared: NULL, so the next rowid (1), not 5
            PreparedStatement first = kept.of(sql);
            first.setInt(1, 10);
            first.executeUpdate();
            PreparedStatement again = kept.of(sql);
            again.setInt(1, 10);
            assertThrows(SQLException.class, again::executeUpdate); // the same id twice
            PreparedStatement after = kept.of(sql);
            after.setInt(1, 11);
            after.executeUpdate();
            try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT group_concat(id) FROM t")) {
                rs.next();
                assertEquals("1,10,11", rs.getString(1));
            }
        }
    }
}
