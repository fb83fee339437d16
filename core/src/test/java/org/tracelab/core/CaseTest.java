package org.tracelab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.collect.NewItem;
import org.tracelab.core.custody.CustodyEntry;
import org.tracelab.core.testing.Tamper;
import org.tracelab.core.testing.TestCases;

class CaseTest {
    @TempDir
    Path tmp;

    private Case create(Path dir) {
        return Case.create(dir, CaseManifest.create("Lab 1", "Cadet A", "Training exercise", "uz",
                Clock.systemUTC().instant()), Clock.systemUTC());
    }

    @Test
    void firstLogEntryRecordsThePurposeAndTheManifestIsReadBack() throws IOException {
        Path dir = tmp.resolve("lab1");
        try (Case c = create(dir)) {
            assertEquals("UZ", c.manifest().region());
        }
        try (Case c = Case.openForReading(dir, Clock.systemUTC())) {
            assertEquals("Training exercise", c.manifest().purpose());
            CustodyEntry e = c.summary().lastEntry().orElseThrow();
            assertEquals("case.init", e.action());
            assertEquals(1, e.seq());
            assertEquals("Training exercise", e.params().path("purpose").asText());
            assertEquals(CustodyEntry.GENESIS, e.prevHash());
        }
        assertTrue(Files.readString(dir.resolve("keys/case-ed25519.pub")).startsWith("-----BEGIN PUBLIC KEY-----"));
    }

    @Test
    void caseIsNotMadeInAFolderThatHoldsFiles() throws IOException {
        Path dir = tmp.resolve("busy");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("other.txt"), "not a case");
        TracelabException e = assertThrows(TracelabException.class, () -> create(dir));
        assertEquals(TracelabException.Failure.BAD_INPUT, e.failure());
        assertTrue(e.getMessage().contains("not empty"), e.getMessage());
        assertEquals(1, Files.list(dir).count(), "the folder's own file is untouched and nothing added");
    }

    @Test
    void secondWriterIsToldWhoHoldsTheCase() {
        Path dir = tmp.resolve("locked");
        try (Case writer = create(dir)) {
            TracelabException e = assertThrows(TracelabException.class,
                    () -> Case.openForWriting(dir, "tracelab tag", Clock.systemUTC()));
            assertEquals(TracelabException.Failure.LOCKED, e.failure());
            assertTrue(e.getMessage().contains("process " + ProcessHandle.current().pid()), e.getMessage());
            assertTrue(e.getMessage().contains("case init"), e.getMessage());
        }
        try (Case again = Case.openForWriting(dir, "tracelab tag", Clock.systemUTC())) {
            assertTrue(again.writable(), "the lock is free once the writer closed");
        }
    }

    @Test
    void aFolderThatIsNotACaseIsBadInput() {
        TracelabException e = assertThrows(TracelabException.class,
                () -> Case.openForReading(tmp, Clock.systemUTC()));
        assertEquals(TracelabException.Failure.BAD_INPUT, e.failure());
        assertTrue(e.getMessage().contains("not a Tracelab case"), e.getMessage());
    }

    @Test
    void recaptureOfTheSameBytesIsANewItemOverTheSameBlob() throws IOException {
        try (Case c = create(tmp.resolve("c"))) {
            var sink = c.startCapture("test", Map.of(), null);
            NewItem item = NewItem.of("file", "/fictitious/x", Clock.systemUTC().instant(), "test", null, null, Map.of());
            var a = sink.store(item, new ByteArrayInputStream(new byte[] {1, 2}));
            var b = sink.store(item, new ByteArrayInputStream(new byte[] {1, 2}));
            assertTrue(b.id() > a.id());
            assertEquals(a.blob().id(), b.blob().id());
            assertEquals(2, c.summary().items());
            assertEquals(1, c.summary().blobs());
        }
    }

    @Test
    void onDiskSizeCountsEachBlobOnceAndEveryOtherFileAsTheFolderHoldsThem() throws IOException {
        Path dir = tmp.resolve("sized");
        try (Case c = create(dir)) {
            var sink = c.startCapture("test", Map.of(), null);
            NewItem item = NewItem.of("file", "/fictitious/x", Clock.systemUTC().instant(), "test", null, null, Map.of());
            sink.store(item, new ByteArrayInputStream(new byte[5000]));
            sink.store(item, new ByteArrayInputStream(new byte[5000]));
            sink.store(item, new ByteArrayInputStream(new byte[] {1, 2, 3}));
        }
        try (Case c = Case.openForReading(dir, Clock.systemUTC()); var files = Files.walk(dir)) {
            // Walked with the case open, so the database's shared-memory file is there for both.
            long walked = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
            assertEquals(walked, c.summary().diskSize(), "the blobs from the database, the rest from the folder");
        }
    }

    @Test
    void theCountsKeptAsRowsAreWrittenEqualARecountAndKeepAReplacedDerivedText() throws Exception {
        Path dir = tmp.resolve("counted");
        try (Case c = ingested(dir,
                TestCases.File.text("/fictitious/a.txt", "Fictitious ad, tel +998 90 555 00 12"),
                TestCases.File.text("/fictitious/b.txt", "Fictitious ad, tel +998 90 555 00 12"),
                new TestCases.File("/fictitious/c.html", "text/html",
                        "<html><title>Fictitious</title><p>Another fictitious ad</p></html>", Map.of()))) {
            assertCountsAsRecounted(c, dir, 0);
        }
        // A derived text written again with other bytes (as a later extractor would): the old blob stays in the store,
        // so it stays counted on disk.
        long oldTextBytes;
        try (Case c = Case.openForReading(dir, Clock.systemUTC())) {
            oldTextBytes = c.text(3).orElseThrow().size();
        }
        Tamper.sql(dir, "INSERT OR REPLACE INTO derived(item_id, kind, sha256, size, content_type, language, extractor,"
                + " made_at) SELECT item_id, kind, '" + "ab".repeat(32) + "', 777, content_type, language, extractor,"
                + " made_at FROM derived WHERE item_id = 3 AND kind = 'text'");
        try (Case c = Case.openForReading(dir, Clock.systemUTC())) {
            assertCountsAsRecounted(c, dir, oldTextBytes);
        }
    }

    @Test
    void aCaseMadeBeforeTheCountsGetsThemOnItsUpgrade() throws Exception {
        Path dir = tmp.resolve("old");
        ingested(dir, TestCases.File.text("/fictitious/a.txt", "Fictitious one"),
                TestCases.File.text("/fictitious/b.txt", "Fictitious one"),
                TestCases.File.text("/fictitious/c.txt", "Fictitious two")).close();
        Tamper.sql(dir, "DROP TRIGGER entities_tallied", "DROP TRIGGER entities_untallied",
                "DROP TRIGGER entities_retallied", "DROP TABLE entity_values", "DROP TABLE entity_forms",
                "DROP TRIGGER items_counted", "DROP TRIGGER derived_counted", "DROP TRIGGER derived_recounted",
                "DROP TABLE case_counts", "DROP TABLE blob_sizes", "DELETE FROM schema_migrations WHERE version >= 10");
        try (Case c = Case.openForReading(dir, Clock.systemUTC())) {
            assertCountsAsRecounted(c, dir, 0); // upgraded in a private copy
        }
        try (Case c = Case.openForWriting(dir, "Cadet A", Clock.systemUTC())) {
            assertCountsAsRecounted(c, dir, 0);
        }
    }

    /** A new case in {@code dir} holding {@code files}, ingested, open for writing. */
    private Case ingested(Path dir, TestCases.File... files) throws IOException {
        Case c = create(dir);
        try {
            TestCases.store(c, Clock.systemUTC().instant(), List.of(files));
            c.ingest(org.tracelab.core.collect.Progress.NONE);
            return c;
        } catch (IOException | RuntimeException e) {
            c.close(); // the case's lock is released for the next test whatever failed
            throw e;
        }
    }

    /**
     * The summary's blob figures against a count over every row; {@code unnamedBytes} are those of the blobs no row
     * names any more.
     */
    private static void assertCountsAsRecounted(Case c, Path dir, long unnamedBytes) throws Exception {
        CaseSummary s = c.summary();
        try (var db = org.sqlite.JDBC.createConnection("jdbc:sqlite:" + dir.resolve("case.db"), new java.util.Properties());
             var q = db.createStatement();
             var rs = q.executeQuery("SELECT (SELECT count(DISTINCT sha256) FROM items), (SELECT sum(size) FROM items),"
                     + " (SELECT sum(size) FROM (SELECT sha256, size FROM items UNION SELECT sha256, size FROM derived)),"
                     + " (SELECT count(*) FROM derived)")) {
            rs.next();
            assertTrue(rs.getLong(4) > 0, "the test ingested");
            assertEquals(rs.getLong(1), s.blobs());
            assertEquals(rs.getLong(2), s.capturedSize());
            long others;
            try (var files = Files.walk(dir)) {
                others = files.filter(Files::isRegularFile).filter(f -> !f.startsWith(c.blobs().root()))
                        .mapToLong(f -> f.toFile().length()).sum();
            }
            assertEquals(rs.getLong(3) + unnamedBytes, s.diskSize() - others);
        }
    }

    @Test
    void badManifestValuesAreRefusedWithTheFieldNamed() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> CaseManifest.create("x", "E", "p", "ZZ", Clock.systemUTC().instant()));
        assertTrue(e.getMessage().contains("region"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> CaseManifest.create("x", "E\nforged", "p", "UZ", Clock.systemUTC().instant()));
        assertTrue(e.getMessage().contains("examiner"), e.getMessage());
    }

    @Test
    void theManifestReadBackIsTheOneWrittenAndAHandEditedOneIsBadInputNamingTheFault() throws IOException {
        Path dir = tmp.resolve("edited");
        CaseManifest written;
        try (Case c = create(dir)) {
            written = c.manifest();
        }
        try (Case c = Case.openForReading(dir, Clock.systemUTC())) {
            assertEquals(written, c.manifest());
        }
        String json = Files.readString(dir.resolve("case.json"));
        Map<String, String> faults = Map.of(
                json.replace("\"name\"", "\"nickname\""), "unknown field 'nickname'",
                json.replace("\"Cadet A\"", "42"), "examiner must be text",
                json.replaceAll("\"purpose\"\\s*:\\s*\"[^\"]*\",", ""), "purpose must not be empty",
                json.replace("\"formatVersion\" : 1", "\"formatVersion\" : \"one\""), "formatVersion must be a whole",
                "[]", "not a JSON object");
        for (Map.Entry<String, String> fault : faults.entrySet()) {
            Files.writeString(dir.resolve("case.json"), fault.getKey());
            TracelabException e = assertThrows(TracelabException.class,
                    () -> Case.openForReading(dir, Clock.systemUTC()), fault.getKey());
            assertEquals(TracelabException.Failure.BAD_INPUT, e.failure());
            assertTrue(e.getMessage().contains("case.json") && e.getMessage().contains(fault.getValue()),
                    e.getMessage());
        }
    }
}
