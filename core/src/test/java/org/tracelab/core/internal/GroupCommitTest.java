package org.tracelab.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitTest {
    @TempDir
    Path dir;
    Connection conn;
    final List<String> events = new ArrayList<>();

    @BeforeEach
    void setUp() throws SQLException {
        conn = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("t.db"));
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE TABLE captures (source TEXT)");
        }
    }

    @AfterEach
    void tearDown() throws SQLException {
        conn.close();
    }

    private void capture(GroupCommit group, String source) throws SQLException {
        group.join();
        try (Statement s = conn.createStatement()) {
            s.execute("INSERT INTO captures VALUES ('" + source + "')");
        }
        group.onCommit(() -> events.add("stored " + source), why -> events.add("lost " + source + ": " + why));
    }

    private long rows() throws SQLException {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM captures")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void capturesAreAcknowledgedOnlyAfterTheBeforeCommitStepAndTheCommit() throws Exception {
        GroupCommit group = new GroupCommit(conn, 100, 60_000, () -> events.add("blobs durable"));
        capture(group, "a");
        capture(group, "b");
        assertTrue(events.isEmpty(), "nothing acknowledged before the group commits");
        group.commit().forEach(Runnable::run);
        assertEquals(List.of("blobs durable", "stored a", "stored b"), events);
        assertEquals(2, rows());
    }

    @Test
    void failureBeforeCommitLosesTheWholeGroupAndTellsEveryCapture() throws Exception {
        GroupCommit group = new GroupCommit(conn, 100, 60_000, () -> {
            throw new IOException("disk full (simulated)");
        });
        capture(group, "a");
        capture(group, "b");
        IOException e = assertThrows(IOException.class, group::commit);
        assertEquals("disk full (simulated)", e.getMessage());
        assertEquals(List.of("lost a: its group could not be committed: disk full (simulated)",
                "lost b: its group could not be committed: disk full (simulated)"), events);
        assertEquals(0, rows(), "the group's rows were rolled back");
        assertTrue(conn.getAutoCommit());
        assertTrue(group.commit().isEmpty(), "nothing left to acknowledge later");
    }

    @Test
    void groupIsDueWhenFull() throws Exception {
        GroupCommit group = new GroupCommit(conn, 2, 60_000, GroupCommit.BeforeCommit.NONE);
        capture(group, "a");
        assertFalse(group.due());
        capture(group, "b");
        assertTrue(group.due());
    }
}
