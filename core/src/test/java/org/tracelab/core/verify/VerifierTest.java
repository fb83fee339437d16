package org.tracelab.core.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Case;
import org.tracelab.core.CaseManifest;
import org.tracelab.core.TracelabException;
import org.tracelab.core.collect.CaptureSink;
import org.tracelab.core.collect.NewItem;
import org.tracelab.core.collect.StoredItem;
import org.tracelab.core.testing.Tamper;

class VerifierTest {
    @TempDir
    Path tmp;
    Path dir;
    StoredItem first;
    StoredItem second;

    @BeforeEach
    void makeCase() throws IOException {
        dir = tmp.resolve("case");
        try (Case c = Case.create(dir, CaseManifest.create("t", "Examiner E", "unit test", "UZ",
                Clock.systemUTC().instant()), Clock.systemUTC())) {
            CaptureSink sink = c.startCapture("test", Map.of(), null);
            first = sink.store(item("a"), bytes("first fictitious ad"));
            second = sink.store(item("b"), bytes("second fictitious ad"));
            c.tag(first.id(), "suspicious");
            c.finishCapture("test", Map.of());
        }
    }

    private static NewItem item(String name) {
        return NewItem.of("file", "/fictitious/" + name, Clock.systemUTC().instant(), "test", "text/plain", null,
                Map.of());
    }

    private static ByteArrayInputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private VerifyReport verify() {
        try (Case c = Case.openForReading(dir, Clock.systemUTC())) {
            return c.verify(null);
        }
    }

    private static List<Problem.Kind> kinds(VerifyReport r) {
        return r.problems().stream().map(Problem::kind).toList();
    }

    @Test
    void untouchedCaseHolds() {
        VerifyReport r = verify();
        assertTrue(r.holds(), () -> r.problems().toString());
        assertEquals(2, r.items());
        assertEquals(2, r.blobs());
        assertEquals(6, r.logEntries()); // init, collect.start, 2 captures, tag, collect.end
    }

    @Test
    void oneChangedByteOfABlobIsNamedWithItsItem() throws IOException {
        try (Case c = Case.openForReading(dir, Clock.systemUTC())) {
            Tamper.flipByte(c.blobs().path(first.blob().id()), 3);
        }
        VerifyReport r = verify();
        assertEquals(List.of(Problem.Kind.BLOB_CHANGED), kinds(r));
        assertEquals("item " + first.id() + " (/fictitious/a)", r.problems().get(0).subject());
    }

    @Test
    void deletedBlobIsNamed() throws IOException {
        try (Case c = Case.openForReading(dir, Clock.systemUTC())) {
            Tamper.delete(c.blobs().path(second.blob().id()));
        }
        VerifyReport r = verify();
        assertEquals(List.of(Problem.Kind.BLOB_MISSING), kinds(r));
        assertTrue(r.problems().get(0).subject().startsWith("item " + second.id()));
    }

    @Test
    void editedLogEntryIsNamed() throws SQLException {
        Tamper.sql(dir, "UPDATE custody_log SET examiner = 'Someone Else' WHERE seq = 3");
        VerifyReport r = verify();
        assertEquals(List.of(Problem.Kind.ENTRY_ALTERED), kinds(r));
        assertEquals("log entry 3", r.problems().get(0).subject());
    }

    @Test
    void editedParametersOfALogEntryAreNamed() throws SQLException {
        Tamper.sql(dir, "UPDATE custody_log SET params = replace(params, '/fictitious/a', '/elsewhere/a') WHERE seq = 3");
        VerifyReport r = verify();
        assertTrue(kinds(r).contains(Problem.Kind.ENTRY_ALTERED), () -> r.problems().toString());
    }

    @Test
    void deletedLogEntryIsNamedAndItsItemIsUnlogged() throws SQLException {
        Tamper.sql(dir, "DELETE FROM custody_log WHERE seq = 4");
        VerifyReport r = verify();
        assertEquals(List.of(Problem.Kind.ENTRY_REMOVED, Problem.Kind.ITEM_UNLOGGED), kinds(r));
        assertEquals("entry 4", r.problems().get(0).expected());
        assertTrue(r.problems().get(1).subject().startsWith("item " + second.id()));
    }

    @Test
    void deletedLastLogEntryIsNamedThroughTheRecordedHead() throws SQLException {
        Tamper.sql(dir, "DELETE FROM custody_log WHERE seq = 6");
        VerifyReport r = verify();
        assertEquals(List.of(Problem.Kind.ENTRY_REMOVED), kinds(r));
        assertEquals("entry 6", r.problems().get(0).expected());
    }

    @Test
    void swappedLogEntriesAreNamedAsReordered() throws SQLException {
        Tamper.sql(dir,
                "UPDATE custody_log SET seq = -3 WHERE seq = 3",
                "UPDATE custody_log SET seq = 3 WHERE seq = 4",
                "UPDATE custody_log SET seq = 4 WHERE seq = -3");
        VerifyReport r = verify();
        assertTrue(kinds(r).contains(Problem.Kind.ENTRY_REORDERED), () -> r.problems().toString());
        assertFalse(kinds(r).contains(Problem.Kind.ENTRY_ALTERED), () -> r.problems().toString());
    }

    @Test
    void itemRecordEditedToMatchAnotherBlobIsNamed() throws SQLException {
        Tamper.sql(dir, "UPDATE items SET sha256 = '" + second.blob().id().sha256() + "', size = "
                + second.blob().size() + " WHERE id = " + first.id());
        VerifyReport r = verify();
        assertTrue(kinds(r).contains(Problem.Kind.ITEM_ALTERED), () -> r.problems().toString());
    }

    @Test
    void itemInsertedBehindTheLogsBackIsNamedAsUnlogged() throws SQLException {
        Tamper.sql(dir, "INSERT INTO items(kind, source, captured_at, collector, sha256, size) VALUES ('file', "
                + "'/planted', '2026-01-01T00:00:00.000Z', 'test', '" + first.blob().id().sha256() + "', "
                + first.blob().size() + ")");
        VerifyReport r = verify();
        assertEquals(List.of(Problem.Kind.ITEM_UNLOGGED), kinds(r));
    }

    @Test
    void theDatabaseItselfRefusesToEditOrDeleteLogEntries() {
        try (Case c = Case.openForWriting(dir, "test", Clock.systemUTC())) {
            assertThrows(TracelabException.class, () -> c.tag(999, "x"));
        }
        SQLException e = assertThrows(SQLException.class, () -> {
            try (var conn = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("case.db"));
                 var s = conn.createStatement()) {
                s.execute("DELETE FROM custody_log WHERE seq = 2");
            }
        });
        assertTrue(e.getMessage().contains("append-only"), e.getMessage());
    }
}
