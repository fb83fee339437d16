package org.tracelab.samples.classroom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tracelab.samples.classroom.HandinZips.BAGIT;
import static org.tracelab.samples.classroom.HandinZips.FINDINGS;
import static org.tracelab.samples.classroom.HandinZips.asSymlink;
import static org.tracelab.samples.classroom.HandinZips.claimSize;
import static org.tracelab.samples.classroom.HandinZips.handin;
import static org.tracelab.samples.classroom.HandinZips.rename;
import static org.tracelab.samples.classroom.HandinZips.zip;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What unpacking a hand-in refuses, at the unit level: each refusal names why with its HTTP status, and leaves
 * nothing written outside the folder it unpacks into (for a refusal found before unpacking, not even that folder).
 * Every archive here is made by the test, of fictitious content.
 */
class HandinArchiveTest {

    @TempDir
    Path tmp;
    Path outside;
    Path into;

    @BeforeEach
    void folders() throws IOException {
        // the archive is unpacked two levels down, so a name climbing out by one or two is caught writing here
        outside = Files.createDirectories(tmp.resolve("class"));
        into = outside.resolve("incoming").resolve("handin");
        Files.createDirectories(into.getParent());
    }

    /** Unpacks {@code zip} into {@link #into}, inflating at most {@code maxBytes}, and gives the refusal. */
    HandinRefused refused(byte[] zip, long maxBytes) throws IOException {
        Path file = tmp.resolve("handin.zip");
        Files.write(file, zip);
        return assertThrows(HandinRefused.class, () -> HandinArchive.unpack(file, into, maxBytes));
    }

    /** Every file under {@link #outside} other than what is under {@link #into}. */
    List<Path> writtenOutside() throws IOException {
        try (Stream<Path> s = Files.walk(tmp)) {
            return s.filter(p -> !Files.isDirectory(p) && !p.startsWith(into) && !p.endsWith("handin.zip")).toList();
        }
    }

    static void assertRefusal(HandinRefused r, int status, String why) {
        assertEquals(status, r.status(), r.getMessage());
        assertTrue(r.getMessage().contains(why), "'" + why + "' in: " + r.getMessage());
    }

    @Test
    void aWellFormedHandinUnpacksItsBagAndFindingsByteForByte() throws Exception {
        byte[] item = "<html>ad 7 (fictitious)</html>".getBytes(StandardCharsets.UTF_8);
        Path file = tmp.resolve("handin.zip");
        Files.write(file, handin(Map.of("bag/data/items/7/page.html", item)));
        HandinArchive.unpack(file, into, 1 << 20);
        assertArrayEquals(FINDINGS, Files.readAllBytes(into.resolve("findings.jsonl")));
        assertArrayEquals(BAGIT, Files.readAllBytes(into.resolve("bag/bagit.txt")));
        assertArrayEquals(item, Files.readAllBytes(into.resolve("bag/data/items/7/page.html")));
        assertEquals(List.of(), writtenOutside());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil.txt", "bag/../../evil.txt", "bag/data/../../../evil.txt", "/tmp/evil.txt",
        "bag\\..\\..\\evil.txt", "C:/evil.txt", "bag/./evil.txt", "bag//evil.txt", "evil.txt", "bag/ev\u0000il.txt"})
    void aNameThatLeavesTheBagIsRefusedBeforeAnythingIsWritten(String name) throws Exception {
        HandinRefused r = refused(handin(Map.of(name, "written where it must not be".getBytes(
                StandardCharsets.UTF_8))), 1 << 20);
        assertRefusal(r, 422, "path traversal");
        assertFalse(r.getMessage().contains("\u0000"), "a control character is not echoed: " + r.getMessage());
        assertFalse(Files.exists(into), "nothing unpacked");
        assertEquals(List.of(), writtenOutside());
    }

    @Test
    void aSymbolicLinkInsideIsRefusedBeforeAnythingIsWritten() throws Exception {
        byte[] zip = asSymlink(handin(Map.of("bag/data/link", "/etc/passwd".getBytes(StandardCharsets.UTF_8))),
                "bag/data/link");
        assertRefusal(refused(zip, 1 << 20), 422, "'bag/data/link', a symbolic link");
        assertFalse(Files.exists(into), "nothing unpacked");
        assertEquals(List.of(), writtenOutside());
    }

    @Test
    void aZipBombIsRefusedByWhatItInflatesToWhateverItsHeadersClaim() throws Exception {
        // 16 MB of zeros deflate to about 16 KB: past a megabyte, more than a thousand times its size
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("findings.jsonl", FINDINGS);
        entries.put("bag/bagit.txt", BAGIT);
        entries.put("bag/data/zeros.bin", new byte[16 << 20]);
        byte[] zip = zip(entries, Deflater.BEST_COMPRESSION);
        assertTrue(zip.length < 64 << 10, "a bomb is small: " + zip.length);
        assertRefusal(refused(claimSize(zip, "bag/data/zeros.bin", 100), Long.MAX_VALUE), 422, "a zip bomb");
        assertEquals(List.of(), writtenOutside());
    }

    @Test
    void aHandinInflatingPastTheLimitIsRefused() throws Exception {
        byte[] noise = new byte[200_000];
        new Random(19).nextBytes(noise); // does not deflate: not a bomb, just too much
        assertRefusal(refused(handin(Map.of("bag/data/noise.bin", noise)), 100_000), 422,
                "inflates to more than 100000 bytes");
        assertEquals(List.of(), writtenOutside());
    }

    @Test
    void aTruncatedArchiveIsRefusedAsNoZipBeforeAnythingIsWritten() throws Exception {
        byte[] zip = handin(Map.of("bag/data/page.html", "<p>ad (fictitious)</p>".getBytes(StandardCharsets.UTF_8)));
        assertRefusal(refused(Arrays.copyOf(zip, zip.length / 2), 1 << 20), 400, "not a ZIP file");
        assertFalse(Files.exists(into), "nothing unpacked");
        assertEquals(List.of(), writtenOutside());
    }

    @Test
    void anArchiveWhoseDirectoryPointsPastItsEndIsRefused() throws Exception {
        byte[] zip = handin(Map.of("bag/data/page.html", "<p>ad (fictitious)</p>".getBytes(StandardCharsets.UTF_8)));
        // the middle cut out, the end of central directory kept: what it points at is no longer there
        byte[] cut = new byte[zip.length - 40];
        System.arraycopy(zip, 0, cut, 0, 20);
        System.arraycopy(zip, 60, cut, 20, zip.length - 60);
        assertEquals(400, refused(cut, 1 << 20).status());
        assertEquals(List.of(), writtenOutside());
    }

    @Test
    void theSameNameTwiceIsRefusedBeforeAnythingIsWritten() throws Exception {
        byte[] zip = handin(Map.of("bag/data/a.txt", "first".getBytes(StandardCharsets.UTF_8),
                "bag/data/b.txt", "second".getBytes(StandardCharsets.UTF_8)));
        byte[] twice = rename(zip, "bag/data/b.txt", "bag/data/a.txt");
        assertRefusal(refused(twice, 1 << 20), 422, "names 'bag/data/a.txt' twice");
        assertFalse(Files.exists(into), "nothing unpacked");
        assertEquals(List.of(), writtenOutside());
    }

    @Test
    void oneNameAsAFileAndAsAFolderIsRefusedBeforeAnythingIsWritten() throws Exception {
        byte[] zip = handin(Map.of("bag/data", "a file".getBytes(StandardCharsets.UTF_8),
                "bag/data/page.html", "<p>ad (fictitious)</p>".getBytes(StandardCharsets.UTF_8)));
        assertRefusal(refused(zip, 1 << 20), 422, "as a file and as a folder");
        assertFalse(Files.exists(into), "nothing unpacked");
    }

    @Test
    void anArchiveWithoutBagOrFindingsIsRefusedWithWhatIsMissing() throws Exception {
        assertRefusal(refused(zip(Map.of("findings.jsonl", FINDINGS)), 1 << 20), 400,
                "no bag");
        assertRefusal(refused(zip(Map.of("bag/bagit.txt", BAGIT)), 1 << 20), 400,
                "no findings.jsonl");
        assertFalse(Files.exists(into), "nothing unpacked");
    }
}
