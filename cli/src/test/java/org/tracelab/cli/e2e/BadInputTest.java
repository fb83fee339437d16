package org.tracelab.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Json;

/** Wrong input gets one clear line and the right exit code, and never harms what the case holds. */
class BadInputTest {
    @TempDir
    Path tmp;
    Cli cli;
    Path caseDir;
    Path good;

    @BeforeEach
    void caseWithOneItem() throws IOException {
        caseDir = tmp.resolve("case");
        cli = new Cli(caseDir);
        assertEquals(0, cli.init().code());
        good = tmp.resolve("good.txt");
        Files.writeString(good, "fictitious evidence already in the case");
        assertEquals(0, cli.run("collect", "file", good.toString()).code());
    }

    /** The case still verifies and still holds its first item, whatever the bad input did. */
    private void caseUnharmed(int expectedItems) {
        Cli.Run v = cli.run("verify");
        assertEquals(0, v.code(), v::toString);
        JsonNode info = Json.parse(cli.run("--json", "case", "info").out());
        assertEquals(expectedItems, info.path("items").asInt());
        assertEquals(good.toString(), Json.parse(cli.run("--json", "show", "1").out()).path("source").asText());
    }

    private static void oneLine(Cli.Run r) {
        assertEquals(1, r.err().strip().lines().count(), () -> "one line expected:\n" + r);
        assertTrue(r.err().startsWith("tracelab: "), r::toString);
    }

    @Test
    void missingPathIsBadInputAndNothingIsImported() throws IOException {
        Files.writeString(tmp.resolve("exists.txt"), "x");
        Cli.Run r = cli.run("collect", "file", tmp.resolve("exists.txt").toString(), tmp.resolve("nope.pdf").toString());
        assertEquals(2, r.code(), r::toString);
        oneLine(r);
        assertTrue(r.err().contains("nope.pdf: no such file or folder"), r::toString);
        caseUnharmed(1);
    }

    @Test
    void symlinkLoopIsNamedAndTheRestIsImported() throws IOException {
        Path d = tmp.resolve("loop");
        Files.createDirectories(d.resolve("inner"));
        Files.writeString(d.resolve("inner/ad.txt"), "fictitious");
        Files.createSymbolicLink(d.resolve("inner/back"), d);
        Cli.Run r = cli.run("collect", "file", d.toString());
        assertEquals(3, r.code(), r::toString);
        assertTrue(r.err().contains("not captured: " + d.resolve("inner/back") + ": symbolic link loop"), r::toString);
        assertTrue(r.out().startsWith("collected 1 item"), r::toString);
        caseUnharmed(2);
    }

    @Test
    void aLinkToItselfInsideAFolderIsNamedAsALinkNotAsADevice() throws IOException {
        Path d = tmp.resolve("selfloop");
        Files.createDirectories(d);
        Files.writeString(d.resolve("ad.txt"), "fictitious");
        Files.createSymbolicLink(d.resolve("self"), d.resolve("self"));
        Cli.Run r = cli.run("collect", "file", d.toString());
        assertEquals(3, r.code(), r::toString);
        assertTrue(r.err().contains("not captured: " + d.resolve("self") + ": symbolic link to nothing or to itself"),
                r::toString);
        caseUnharmed(2);
    }

    @Test
    void danglingSymlinkGivenByNameIsBadInput() throws IOException {
        Path link = tmp.resolve("dangling");
        Files.createSymbolicLink(link, tmp.resolve("gone"));
        Cli.Run r = cli.run("collect", "file", link.toString());
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains("symbolic link to nothing"), r::toString);
        caseUnharmed(1);
    }

    @Test
    void fifoIsSkippedRatherThanReadForever() throws Exception {
        Path d = tmp.resolve("withfifo");
        Files.createDirectories(d);
        Files.writeString(d.resolve("ad.txt"), "fictitious");
        Process mkfifo = new ProcessBuilder("mkfifo", d.resolve("pipe").toString()).start();
        assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo available");
        Cli.Run r = cli.run("collect", "file", d.toString());
        assertEquals(3, r.code(), r::toString);
        assertTrue(r.err().contains("pipe: not a regular file"), r::toString);
        caseUnharmed(2);
    }

    @Test
    void unreadableFileIsNamedAndSkipped() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "root reads every file");
        Path d = tmp.resolve("locked");
        Files.createDirectories(d);
        Path secret = d.resolve("secret.txt");
        Files.writeString(secret, "fictitious");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        Cli.Run r = cli.run("collect", "file", d.toString());
        assertEquals(3, r.code(), r::toString);
        assertTrue(r.err().contains("secret.txt: permission denied"), r::toString);
        caseUnharmed(1);
    }

    @Test
    void fileNameWithNewlineIsStoredExactlyAndPrintedEscaped() throws IOException {
        Path d = tmp.resolve("odd");
        Files.createDirectories(d);
        Path odd = d.resolve("ad\nverified: all holds.txt");
        Files.writeString(odd, "fictitious", StandardCharsets.UTF_8);
        assertEquals(0, cli.run("collect", "file", d.toString()).code());
        Cli.Run show = cli.run("show", "2");
        assertTrue(show.out().contains("ad\\nverified: all holds.txt"), show::toString);
        assertFalse(show.out().lines().anyMatch(l -> l.startsWith("verified")), show::toString);
        assertEquals(odd.toString(), Json.parse(cli.run("--json", "show", "2").out()).path("source").asText());
        caseUnharmed(2);
    }

    @Test
    void pathWithDotDotIsRecordedAsTheFileItNames() throws IOException {
        Path d = tmp.resolve("a/b");
        Files.createDirectories(d);
        Files.writeString(tmp.resolve("a/target.txt"), "fictitious");
        String given = d + "/../../a/./target.txt";
        assertEquals(0, cli.run("collect", "file", given).code());
        JsonNode item = Json.parse(cli.run("--json", "show", "2").out());
        assertEquals(tmp.resolve("a/target.txt").toString(), item.path("source").asText());
        assertEquals(given, item.path("meta").path("given").asText());
        caseUnharmed(2);
    }

    @Test
    void noTargetsIsBadInput() {
        Cli.Run r = cli.run("collect", "file");
        assertEquals(2, r.code(), r::toString);
        oneLine(r);
        caseUnharmed(1);
    }

    @Test
    void unknownItemIsBadInput() {
        Cli.Run r = cli.run("show", "42");
        assertEquals(2, r.code(), r::toString);
        assertEquals("tracelab: item 42: no such item in this case", r.err().strip());
        assertEquals(2, cli.run("tag", "42", "x").code());
    }

    @Test
    void emptyTagAndEmptyNoteAreBadInput() {
        assertEquals(2, cli.run("tag", "1", "  ").code());
        assertEquals(2, cli.run("note", "1", "").code());
        caseUnharmed(1);
    }

    @Test
    void folderThatIsNotACaseIsBadInput() {
        Cli.Run r = Cli.runBare("--case", tmp.toString(), "verify");
        assertEquals(2, r.code(), r::toString);
        oneLine(r);
        assertTrue(r.err().contains("not a Tracelab case"), r::toString);
    }

    @Test
    void aCaseThatIsAFileIsBadInputSayingSo() {
        Cli.Run r = Cli.runBare("--case", good.toString(), "case", "info");
        assertEquals(2, r.code(), r::toString);
        oneLine(r);
        assertTrue(r.err().contains(good + ": is a file, not a case folder"), r::toString);
    }

    @Test
    void anExportIntoAFileAsIfItWereAFolderIsBadInputSayingSo() {
        for (String[] export : new String[][] {{"bag"}, {"report"}, {"custody", "--format", "csv"}}) {
            Path out = good.resolve("out");
            String[] args = new String[export.length + 3];
            args[0] = "export";
            System.arraycopy(export, 0, args, 1, export.length);
            args[export.length + 1] = "--out";
            args[export.length + 2] = out.toString();
            Cli.Run r = cli.run(args);
            assertEquals(2, r.code(), r::toString);
            oneLine(r);
            assertTrue(r.err().contains(out + ": " + good + " is a file, not a folder"), r::toString);
        }
        caseUnharmed(1);
    }

    @Test
    void anExportOverAFileOrFolderThatExistsIsBadInputAndLeavesItAlone() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("taken"));
        Files.writeString(folder.resolve("keep.txt"), "someone's file");
        for (Path out : new Path[] {folder, good}) {
            Cli.Run r = cli.run("export", "bag", "--out", out.toString());
            assertEquals(2, r.code(), r::toString);
            oneLine(r);
            assertTrue(r.err().contains(out + ": already exists"), r::toString);
        }
        assertEquals("someone's file", Files.readString(folder.resolve("keep.txt")));
        assertEquals(1, Files.list(folder).count());
        assertEquals("fictitious evidence already in the case", Files.readString(good));
        caseUnharmed(1);
    }

    @Test
    void initIntoAFolderWithFilesIsBadInputAndLeavesItAlone() {
        Cli.Run r = Cli.runBare("case", "init", caseDir.toString(), "--name", "x", "--examiner", "y", "--purpose", "z");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains("not empty"), r::toString);
        caseUnharmed(1);
    }

    @Test
    void initWithWrongRegionNamesTheOption() {
        Cli.Run r = Cli.runBare("case", "init", tmp.resolve("new").toString(), "--name", "x", "--examiner", "y",
                "--purpose", "z", "--region", "Uzbekistan");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains("region"), r::toString);
        assertFalse(Files.exists(tmp.resolve("new")), "no half-made case is left");
    }

    @Test
    void unknownCommandOrOptionIsUsageError() {
        Cli.Run r = cli.run("colect");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().startsWith("tracelab: "), r::toString);
        assertEquals(2, cli.run("verify", "--frobnicate").code());
        assertEquals(2, cli.run("show", "not-a-number").code());
    }

    @Test
    void caseFolderNamedLikeACommandIsAFolder() throws IOException {
        Path named = tmp.resolve("case");  // the folder of this test's case is literally called "case"
        Cli.Run r = Cli.runBare("--case", named.toString(), "case", "info");
        assertEquals(0, r.code(), r::toString);
        java.nio.file.Path here = java.nio.file.Path.of("").toAbsolutePath();
        assertTrue(named.startsWith(tmp) && !named.equals(here));
        Cli.Run relative = Cli.runBare("--case", "case", "verify");
        assertEquals(2, relative.code(), "no folder 'case' in the working directory: " + relative);
        assertTrue(relative.err().contains("case: no such case folder")
                || relative.err().contains("not a Tracelab case"), relative::toString);
    }

    @Test
    void unknownEntityTypeUnknownPackAndMissingFindingsAreNamed() throws IOException {
        Cli.Run type = cli.run("entities", "--type", "fax");
        assertEquals(2, type.code(), type::toString);
        assertTrue(type.err().contains("unknown entity type 'fax'; known: phone"), type::toString);
        Cli.Run pack = cli.run("scan", "--pack", "nope");
        assertEquals(2, pack.code(), pack::toString);
        assertTrue(pack.err().contains("nope: neither a shipped pack (en, ru, uz) nor a pack file"), pack::toString);
        Path key = tmp.resolve("key.json");
        Files.writeString(key, "{}");
        Cli.Run grade = Cli.runBare("lab", "grade", tmp.resolve("missing.json").toString(), "--key", key.toString());
        assertEquals(2, grade.code(), grade::toString);
        assertTrue(grade.err().contains("missing.json: no such file"), grade::toString);
    }

    @Test
    void corruptManifestIsNamed() throws IOException {
        Files.writeString(caseDir.resolve("case.json"), "{ not json");
        Cli.Run r = cli.run("case", "info");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains("case.json: not a valid case manifest"), r::toString);
    }
}
