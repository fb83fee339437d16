package org.tracelab.core.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Case;
import org.tracelab.core.CaseManifest;
import org.tracelab.core.collect.CaptureSink;
import org.tracelab.core.collect.NewItem;
import org.tracelab.core.collect.Progress;
import org.tracelab.core.export.Exports;
import org.tracelab.core.testing.CaseCopy;
import org.tracelab.core.testing.Tamper;

/**
 * Every fact the case states about an item is under the chain: item records (metadata included), derived rows,
 * entity rows, tags and notes, the keys, case.json and custody.head; the index is checked as derived data. The case
 * is built once (ingest starts a worker) and copied for each test. All data fictitious.
 */
class RecordCoverageTest {
    @TempDir
    static Path shared;
    static Path pristine;

    @TempDir
    Path tmp;
    Path dir;

    @BeforeAll
    static void buildCase() throws IOException {
        pristine = shared.resolve("pristine");
        Instant at = Instant.parse("2026-03-01T10:15:30.123Z");
        try (Case c = Case.create(pristine, CaseManifest.create("Coverage (fictitious)", "Cadet A",
                "Training exercise: verify tests", "UZ", at), Clock.systemUTC())) {
            CaptureSink sink = c.startCapture("file", Map.of(), null);
            for (int i = 1; i <= 2; i++) {
                String text = "Fictitious ad " + i + ": waiters wanted abroad, call +998 90 000 00 0" + i
                        + " or write to recruiter" + i + "@example.invalid";
                sink.store(NewItem.of("file", "/fictitious/ad-" + i + ".txt", at.plusSeconds(i), "file", "text/plain",
                        null, Map.of("path", "/fictitious/ad-" + i + ".txt", "modified", at.toString())),
                        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
            }
            c.finishCapture("file", Map.of());
            c.ingest(Progress.NONE);
            c.tag(1, "suspicious");
            c.note(1, "Same phone as a known recruiter (fictitious)");
        }
    }

    @BeforeEach
    void copyCase() throws IOException {
        dir = tmp.resolve("case");
        CaseCopy.of(pristine, dir);
    }

    private VerifyReport verify() {
        try (Case c = Case.openForReading(dir, Clock.systemUTC())) {
            return c.verify(null);
        }
    }

    private static List<Problem.Kind> kinds(VerifyReport r) {
        return r.problems().stream().map(Problem::kind).toList();
    }

    private VerifyReport failsWith(Problem.Kind kind, String subject) {
        VerifyReport r = verify();
        assertTrue(r.problems().stream().anyMatch(p -> p.kind() == kind && p.subject().startsWith(subject)),
                () -> "wanted " + kind + " of " + subject + ", got " + r.problems());
        return r;
    }

    @Test
    void untouchedCaseHoldsWithNothingLeftUncovered() {
        VerifyReport r = verify();
        assertTrue(r.holds(), () -> r.problems().toString());
        assertEquals(List.of(), r.gaps());
        assertEquals(2, r.items());
        assertEquals(2, r.blobs()); // a plain text's extracted text is its own bytes: one blob each
    }

    @Test
    void itemMetadataEditedBehindTheLogsBackIsNamed() throws SQLException {
        Tamper.sql(dir, "UPDATE items SET meta = '{\"modified\":\"2020-01-01T00:00:00Z\",\"path\":\"/elsewhere\"}'"
                + " WHERE id = 2");
        failsWith(Problem.Kind.ITEM_ALTERED, "item 2 (/fictitious/ad-2.txt)");
    }

    @Test
    void itemMetadataThatNoLongerParsesIsNamedAsSuch() throws SQLException {
        Tamper.sql(dir, "UPDATE items SET meta = substr(meta, 1, 10) WHERE id = 1");
        VerifyReport r = failsWith(Problem.Kind.ITEM_ALTERED, "item 1");
        assertTrue(r.problems().get(0).found().contains("no longer JSON"), () -> r.problems().toString());
    }

    @Test
    void itemCaptureTimeOrContentTypeEditedIsNamed() throws SQLException {
        Tamper.sql(dir, "UPDATE items SET content_type = 'application/pdf' WHERE id = 1",
                "UPDATE items SET captured_at = '2020-01-01T00:00:00.000Z' WHERE id = 2");
        VerifyReport r = verify();
        assertEquals(List.of(Problem.Kind.ITEM_ALTERED, Problem.Kind.ITEM_ALTERED), kinds(r));
    }

    @Test
    void derivedRowEditedIsNamedWithItsKindAndItem() throws SQLException {
        Tamper.sql(dir, "UPDATE derived SET extractor = 'Some Other Tool 1.0' WHERE item_id = 2");
        VerifyReport r = failsWith(Problem.Kind.ROW_ALTERED, "derived text of item 2");
        assertEquals(1, r.problems().size(), () -> r.problems().toString());
    }

    @Test
    void derivedRowOfAnyOtherKindWithoutAnEntryIsNamed() throws SQLException {
        Tamper.sql(dir, "INSERT INTO derived(item_id, kind, sha256, size, content_type, language, title, author,"
                + " created, modified, extractor, error_kind, error, members, made_at, charset, notes) SELECT item_id,"
                + " 'maintext', sha256, size, content_type, language, title, author, created, modified, extractor,"
                + " error_kind, error, members, made_at, charset, notes FROM derived WHERE item_id = 1");
        failsWith(Problem.Kind.ROW_UNLOGGED, "derived maintext of item 1");
    }

    @Test
    void derivedRowDeletedIsNamedFromItsEntry() throws SQLException {
        Tamper.sql(dir, "DELETE FROM derived WHERE item_id = 1");
        failsWith(Problem.Kind.ROW_REMOVED, "derived rows of item 1");
    }

    @Test
    void entityRowEditedOrDeletedIsNamed() throws SQLException, IOException {
        Tamper.sql(dir, "UPDATE entities SET value = '+998900000099' WHERE item_id = 1 AND type = 'phone'");
        failsWith(Problem.Kind.ROW_ALTERED, "entities of item 1");
        copyCaseAgain();
        Tamper.sql(dir, "DELETE FROM entities WHERE item_id = 2 AND type = 'email'");
        failsWith(Problem.Kind.ROW_ALTERED, "entities of item 2");
    }

    @Test
    void entityTallyChangedIsNamedAsDerivedDamageAndAReindexRecountsIt() throws SQLException {
        // The rows stay as logged; only what 'tracelab entities' reads of them is changed.
        Tamper.sql(dir, "UPDATE entity_values SET items = items + 5 WHERE type = 'phone' AND value = '+998900000001'",
                "UPDATE entity_forms SET mentions = 0 WHERE type = 'email'");
        VerifyReport r = failsWith(Problem.Kind.TALLY_DAMAGED, "phone +998900000001");
        assertEquals(List.of("phone +998900000001", "email recruiter1@example.invalid",
                "email recruiter2@example.invalid").stream().sorted().toList(),
                r.problems().stream().map(Problem::subject).sorted().toList(), () -> r.problems().toString());
        assertTrue(r.problems().stream().allMatch(p -> p.kind() == Problem.Kind.TALLY_DAMAGED),
                () -> r.problems().toString());
        assertTrue(r.problems().get(0).describe().contains("reindex"), r.problems()::toString);
        try (Case c = Case.openForWriting(dir, "Cadet A", Clock.systemUTC())) {
            c.reindex(false, Progress.NONE);
        }
        VerifyReport after = verify();
        assertTrue(after.holds(), () -> after.problems().toString());
    }

    @Test
    void tagAddedBehindTheLogsBackIsNamedAsUnlogged() throws SQLException {
        Tamper.sql(dir, "INSERT INTO tags(item_id, tag, added_at) VALUES (2, 'cleared', '2026-03-01T10:00:00.000Z')");
        VerifyReport r = failsWith(Problem.Kind.ROW_UNLOGGED, "tag 'cleared' of item 2");
        assertEquals(1, r.problems().size(), () -> r.problems().toString());
    }

    @Test
    void tagDeletedIsNamedFromItsEntry() throws SQLException {
        Tamper.sql(dir, "DELETE FROM tags WHERE item_id = 1");
        failsWith(Problem.Kind.ROW_REMOVED, "tag 'suspicious' of item 1");
    }

    @Test
    void tagMovedToAnotherItemIsNamedTwice() throws SQLException {
        Tamper.sql(dir, "UPDATE tags SET item_id = 2 WHERE item_id = 1");
        VerifyReport r = verify();
        assertEquals(List.of(Problem.Kind.ROW_UNLOGGED, Problem.Kind.ROW_REMOVED), kinds(r));
    }

    @Test
    void tagTimeEditedIsNamed() throws SQLException {
        Tamper.sql(dir, "UPDATE tags SET added_at = '2020-01-01T00:00:00.000Z'");
        failsWith(Problem.Kind.ROW_ALTERED, "tag 'suspicious' of item 1");
    }

    @Test
    void noteTextEditedIsNamedWithBothTexts() throws SQLException {
        Tamper.sql(dir, "UPDATE notes SET text = 'Nothing suspicious here'");
        VerifyReport r = failsWith(Problem.Kind.ROW_ALTERED, "note 1 of item 1");
        assertTrue(r.problems().get(0).found().contains("Nothing suspicious here"), () -> r.problems().toString());
    }

    @Test
    void noteExaminerEditedIsNamed() throws SQLException {
        Tamper.sql(dir, "UPDATE notes SET examiner = 'Someone Else'");
        failsWith(Problem.Kind.ROW_ALTERED, "note 1 of item 1");
    }

    @Test
    void noteDeletedOrPlantedIsNamed() throws SQLException {
        Tamper.sql(dir, "DELETE FROM notes", "INSERT INTO notes(id, item_id, text, examiner, added_at) VALUES (7, 2,"
                + " 'planted', 'Cadet A', '2026-03-01T10:00:00.000Z')");
        VerifyReport r = verify();
        assertEquals(List.of(Problem.Kind.ROW_UNLOGGED, Problem.Kind.ROW_REMOVED), kinds(r), r.problems()::toString);
    }

    @Test
    void custodyHeadWithAnyTextButWhatTracelabWritesIsNamed() throws IOException {
        Path head = dir.resolve("custody.head");
        Files.writeString(head, Files.readString(head).replace("\n", " \n"));
        failsWith(Problem.Kind.HEAD_DAMAGED, "custody.head");
    }

    @Test
    void publicKeyReplacedIsNamedAgainstTheLoggedFingerprint() throws Exception {
        Path other = tmp.resolve("other");
        try (Case c = Case.create(other, CaseManifest.create("o", "E", "p", "UZ", Instant.now()), Clock.systemUTC())) {
            assertTrue(c.writable());
        }
        Files.copy(other.resolve("keys/case-ed25519.pub"), dir.resolve("keys/case-ed25519.pub"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        VerifyReport r = verify();
        assertEquals(List.of(Problem.Kind.KEY_CHANGED, Problem.Kind.KEY_CHANGED), kinds(r), r.problems()::toString);
    }

    @Test
    void privateKeyWithAFlippedBitIsNamed() throws IOException {
        Tamper.flipByte(dir.resolve("keys/case-ed25519.key"), 40);
        failsWith(Problem.Kind.KEY_CHANGED, "keys/case-ed25519.key");
    }

    @Test
    void manifestEditedIsNamed() throws IOException {
        Path m = dir.resolve("case.json");
        Files.writeString(m, Files.readString(m).replace("verify tests", "verify tests, amended"));
        failsWith(Problem.Kind.MANIFEST_CHANGED, "case.json");
    }

    @Test
    void indexFileWithAFlippedBitIsNamedAsDerivedDamage() throws IOException {
        Path segment;
        try (Stream<Path> files = Files.list(dir.resolve("index"))) {
            segment = files.filter(f -> f.getFileName().toString().endsWith(".cfs")
                    || f.getFileName().toString().endsWith(".si")).findFirst().orElseThrow();
        }
        Tamper.flipByte(segment, Files.size(segment) / 2);
        VerifyReport r = failsWith(Problem.Kind.INDEX_DAMAGED, "index");
        assertTrue(r.problems().get(0).describe().contains("reindex"), r.problems()::toString);
    }

    @Test
    void caseWrittenBeforeRecordHashesHoldsAndSaysWhatItCannotProve() throws Exception {
        Tamper.asOlderTracelab(dir);
        VerifyReport r = verify();
        assertTrue(r.holds(), () -> r.problems().toString());
        String gaps = String.join("\n", r.gaps());
        assertTrue(gaps.contains("2 " + ItemCheck.OLD_ITEMS), gaps);
        assertTrue(gaps.contains(AnnotationCheck.OLD_TAGS), gaps);
        assertTrue(gaps.contains(AnnotationCheck.OLD_NOTES), gaps);
        assertTrue(gaps.contains(ItemCheck.OLD_DERIVED), gaps);
        assertTrue(gaps.contains(SchemaCheck.OLD_STEPS), gaps);
    }

    @Test
    void textTurnedIntoABlobOfTheSameBytesIsNamed() throws SQLException {
        // One flipped bit of a record header does this: the bytes read back as the same string.
        Tamper.sql(dir, "UPDATE custody_log SET examiner = CAST(examiner AS BLOB) WHERE seq = 3",
                "UPDATE items SET meta = CAST(meta AS BLOB) WHERE id = 2",
                "UPDATE schema_migrations SET name = CAST(name AS BLOB) WHERE version = 1");
        VerifyReport r = verify();
        assertTrue(r.problems().stream().anyMatch(p -> p.kind() == Problem.Kind.ENTRY_ALTERED
                && p.subject().equals("log entry 3")), r.problems()::toString);
        assertTrue(r.problems().stream().anyMatch(p -> p.kind() == Problem.Kind.ITEM_ALTERED
                && p.subject().startsWith("item 2")), r.problems()::toString);
        assertTrue(r.problems().stream().anyMatch(p -> p.kind() == Problem.Kind.ROW_ALTERED
                && p.subject().equals("schema step 1")), r.problems()::toString);
    }

    @Test
    void triggerDroppedBehindTheLogsBackIsNamed() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("case.db"));
             Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER custody_log_no_delete");
        }
        failsWith(Problem.Kind.DATABASE_DAMAGED, "case.db schema: custody_log_no_delete");
    }

    @Test
    void schemaStepTimeEditedIsNamed() throws SQLException {
        Tamper.sql(dir, "UPDATE schema_migrations SET applied_at = '2020-01-01T00:00:00.000Z' WHERE version = 2");
        failsWith(Problem.Kind.ROW_ALTERED, "schema step 2");
    }

    @Test
    void caseWrittenBeforeRecordHashesStillNamesWhatItsEntriesDidLog() throws Exception {
        Tamper.asOlderTracelab(dir);
        Tamper.sql(dir, "UPDATE items SET meta = '{' WHERE id = 1", "UPDATE notes SET text = 'edited'");
        VerifyReport r = verify();
        assertEquals(List.of(Problem.Kind.ITEM_ALTERED, Problem.Kind.ROW_ALTERED), kinds(r), r.problems()::toString);
    }

    @Test
    void exportOfABagFromACaseThatDoesNotVerifyIsRefusedWithTheReason() throws Exception {
        Tamper.sql(dir, "UPDATE items SET meta = '{}' WHERE id = 2");
        try (Case c = Case.openForWriting(dir, "test", Clock.systemUTC())) {
            org.tracelab.core.TracelabException e = org.junit.jupiter.api.Assertions.assertThrows(
                    org.tracelab.core.TracelabException.class,
                    () -> Exports.bag(c, tmp.resolve("bag"), null, null, Progress.NONE));
            assertEquals(org.tracelab.core.TracelabException.Failure.CHECK_FAILED, e.failure());
            assertTrue(e.getMessage().contains("item record altered: item 2"), e.getMessage());
        }
        assertFalse(Files.exists(tmp.resolve("bag")));
    }

    private void copyCaseAgain() throws IOException {
        Path again = tmp.resolve("again" + System.nanoTime());
        CaseCopy.of(pristine, again);
        dir = again;
    }
}
