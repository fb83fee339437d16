package org.tracelab.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Json;
import org.tracelab.core.testing.CaseCopy;
import org.tracelab.core.testing.Tamper;

/** The foundation end to end through the real CLI: init, import a folder, verify; then tamper, and be told. */
class CaseLifecycleTest {
    /** The case every test starts from, made once through the CLI; each test works on a copy of its own. */
    @TempDir
    static Path shared;
    static Path pristine;
    static Path evidence;

    @TempDir
    Path tmp;
    Cli cli;
    Path caseDir;

    @BeforeAll
    static void initAndImportOnce() throws IOException {
        pristine = shared.resolve("lab1");
        Cli maker = new Cli(pristine);
        Cli.Run init = maker.init();
        assertEquals(0, init.code(), init::toString);
        evidence = Fixtures.mixedFolder(shared);
        Cli.Run collect = maker.run("collect", "file", evidence.toString());
        assertEquals(0, collect.code(), collect::toString);
        assertTrue(collect.out().startsWith("collected 6 items"), collect::toString);
    }

    @BeforeEach
    void copyTheCase() throws IOException {
        caseDir = CaseCopy.of(pristine, tmp.resolve("lab1"));
        cli = new Cli(caseDir);
    }

    @Test
    void importedFolderVerifies() {
        Cli.Run v = cli.run("verify");
        assertEquals(0, v.code(), v::toString);
        // 6 items and their extracted texts: 4 distinct, the empty text being the empty file's blob; the log has
        // init, start, 6 captures, end, and 6 extract entries.
        // 6 raw blobs plus the extracted texts that differ from them: a UTF-8 text file is its own text.
        assertTrue(v.out().matches("verified: 6 items, 7 blobs and 0 WARC files \\(.*\\) re-hashed, 15 log entries chained; all holds\\s*"),
                v::toString);
    }

    @Test
    void caseInfoCountsWhatWasImported() {
        JsonNode info = Json.parse(cli.run("--json", "case", "info").out());
        assertEquals(6, info.path("items").asInt());
        assertEquals(15, info.path("logEntries").asInt());
        assertEquals("extract", info.path("lastEntry").path("action").asText());
        assertEquals("Training exercise: test suite", info.path("manifest").path("purpose").asText());
    }

    @Test
    void showRawGivesTheBytesExactlyAsImported() throws IOException {
        long id = idOf("flyer.bin");
        Cli.Run raw = cli.run("show", Long.toString(id), "--raw");
        assertEquals(0, raw.code());
        assertArrayEquals(Files.readAllBytes(evidence.resolve("flyer.bin")), raw.stdoutBytes());
    }

    @Test
    void showRecordsOriginalPathSizeAndModificationTime() throws IOException {
        long id = idOf("ad-ru.txt");
        JsonNode item = Json.parse(cli.run("--json", "show", Long.toString(id)).out());
        Path file = evidence.resolve("ads/ad-ru.txt");
        assertEquals(file.toString(), item.path("meta").path("path").asText());
        assertEquals(Files.size(file), item.path("meta").path("size").asLong());
        assertEquals(org.tracelab.core.Timestamps.format(Files.getLastModifiedTime(file).toInstant()),
                item.path("meta").path("modified").asText());
        assertEquals("capture", item.path("custody").get(0).path("action").asText());
    }

    @Test
    void importedFilesCarryTheTypeToldByTheirBytesAndNameInTheItemsTable() throws IOException {
        // A local file has no Content-Type header; the items table showed an empty type for every imported file.
        assertEquals("text/plain", Json.parse(cli.run("--json", "show", Long.toString(idOf("ad-ru.txt"))).out())
                .path("contentType").asText());
        assertEquals("text/html", Json.parse(cli.run("--json", "show", Long.toString(idOf("page.html"))).out())
                .path("contentType").asText());
        Path table = tmp.resolve("items.csv");
        Cli.Run export = cli.run("export", "custody", "--items", "--format", "csv", "--no-bom", "--out",
                table.toString());
        assertEquals(0, export.code(), export::toString);
        java.util.List<String> rows = Files.readAllLines(table);
        int column = java.util.Arrays.asList(rows.get(0).split(",")).indexOf("content_type");
        String uz = rows.stream().filter(r -> r.contains("ad-uz.txt")).findFirst().orElseThrow();
        assertEquals("text/plain", uz.split(",")[column], uz);
    }

    @Test
    void tagAndNoteAreLoggedAndTheCaseStillVerifies() {
        long id = idOf("ad-uz.txt");
        assertEquals(0, cli.run("tag", Long.toString(id), "suspicious").code());
        assertEquals(0, cli.run("note", Long.toString(id), "same template as the Russian ad").code());
        JsonNode item = Json.parse(cli.run("--json", "show", Long.toString(id)).out());
        assertEquals("suspicious", item.path("tags").get(0).asText());
        assertEquals(4, item.path("custody").size()); // capture, extract, tag, note
        assertEquals(0, cli.run("verify").code());
    }

    @Test
    void changedByteOfOneBlobIsNamed() throws IOException {
        long id = idOf("flyer.bin");
        Tamper.flipByte(blobOf(id), 10);
        Cli.Run v = cli.run("verify");
        assertEquals(1, v.code(), v::toString);
        assertTrue(v.out().contains("blob changed: item " + id + " ("), v::toString);
        assertTrue(v.out().contains("NOT verified: 1 problem"), v::toString);
    }

    @Test
    void changedByteOfATextFileIsNamedForTheItemAndForItsTextWhichShareTheBytes() throws IOException {
        long id = idOf("ad-uz.txt");
        Tamper.flipByte(blobOf(id), 10);
        Cli.Run v = cli.run("verify");
        assertEquals(1, v.code(), v::toString);
        assertTrue(v.out().contains("blob changed: item " + id + " ("), v::toString);
        assertTrue(v.out().contains("blob changed: extracted text of item " + id + " "), v::toString);
    }

    @Test
    void deletedBlobIsNamed() throws IOException {
        long id = idOf("page.html");
        Tamper.delete(blobOf(id));
        Cli.Run v = cli.run("verify");
        assertEquals(1, v.code(), v::toString);
        assertTrue(v.out().contains("blob missing: item " + id + " ("), v::toString);
    }

    @Test
    void editedLogRowIsNamed() throws SQLException {
        Tamper.sql(caseDir, "UPDATE custody_log SET at = '2020-01-01T00:00:00.000Z' WHERE seq = 4");
        Cli.Run v = cli.run("verify");
        assertEquals(1, v.code(), v::toString);
        assertTrue(v.out().contains("log entry altered: log entry 4"), v::toString);
    }

    @Test
    void deletedLogRowIsNamed() throws SQLException {
        Tamper.sql(caseDir, "DELETE FROM custody_log WHERE seq = 5");
        Cli.Run v = cli.run("verify");
        assertEquals(1, v.code(), v::toString);
        assertTrue(v.out().contains("log entry removed: log before entry 6 (expected entry 5"), v::toString);
        assertTrue(v.out().contains("item without log entry"), v::toString);
    }

    @Test
    void readOnlyCommandsNeitherWalkTheChainNorHashTheBlobsNorWaitForTheWriter() throws IOException, SQLException {
        // Opening a case to read it must cost the same for ten items as for a million: no walk of the custody
        // chain, no re-hashing or listing of blobs, no write lock. Damage that only such work would notice is
        // made first; the read commands still answer while a writer holds the case, and verify names the damage.
        long ru = idOf("ad-ru.txt");
        Tamper.sql(caseDir, "UPDATE custody_log SET at = '2020-01-01T00:00:00.000Z' WHERE seq = 4");
        Tamper.delete(blobOf(idOf("flyer.bin")));
        try (org.tracelab.core.Case writer = org.tracelab.core.Case.openForWriting(caseDir, "a test writer",
                java.time.Clock.systemUTC())) {
            Cli.Run search = cli.run("search", "Telegram");
            assertEquals(0, search.code(), search::toString);
            assertTrue(search.out().contains("item " + ru), search::toString);
            Cli.Run info = cli.run("case", "info");
            assertEquals(0, info.code(), info::toString);
            Cli.Run show = cli.run("show", Long.toString(ru), "--text");
            assertEquals(0, show.code(), show::toString);
            assertTrue(writer.writable());
        }
        Cli.Run v = cli.run("verify");
        assertEquals(1, v.code(), v::toString);
        assertTrue(v.out().contains("log entry altered: log entry 4"), v::toString);
        assertTrue(v.out().contains("blob missing"), v::toString);
    }

    @Test
    void verifyJsonListsEveryProblem() throws IOException, SQLException {
        Tamper.flipByte(blobOf(idOf("flyer.bin")), 0);
        Tamper.sql(caseDir, "DELETE FROM custody_log WHERE seq = 9");
        JsonNode r = Json.parse(cli.run("--json", "verify").out());
        assertEquals(false, r.path("holds").asBoolean());
        assertEquals(2, r.path("problems").size(), r::toString);
    }

    private long idOf(String fileName) {
        for (long id = 1; id <= 6; id++) {
            JsonNode item = Json.parse(cli.run("--json", "show", Long.toString(id)).out());
            if (item.path("source").asText().endsWith("/" + fileName)) {
                return id;
            }
        }
        throw new AssertionError("no item for " + fileName);
    }

    private Path blobOf(long id) {
        String sha = Json.parse(cli.run("--json", "show", Long.toString(id)).out()).path("sha256").asText();
        return caseDir.resolve("blobs/sha256/" + sha.substring(0, 2) + "/" + sha);
    }
}
