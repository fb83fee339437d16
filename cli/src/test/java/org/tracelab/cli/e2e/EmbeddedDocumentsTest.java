package org.tracelab.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Json;

/**
 * Documents inside documents through the real command line: a word of an attached DOCX finds the ZIP or e-mail that
 * holds it as well as the DOCX, and every member skipped, limit hit and archive that yields nothing is noted on the
 * item, shown by {@code show} (text and JSON), listed in the report and logged in the custody entry of the ingest.
 * Every document here is made by the test and fictitious.
 */
class EmbeddedDocumentsTest {
    @TempDir
    Path tmp;
    Cli cli;

    @BeforeEach
    void newCase() {
        cli = new Cli(tmp.resolve("case"));
        assertEquals(0, cli.init().code());
    }

    static byte[] docx(String paragraph) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText(paragraph);
            doc.write(out);
        }
        return out.toByteArray();
    }

    static byte[] zip(Object... namesAndBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndBytes.length; i += 2) {
                z.putNextEntry(new ZipEntry((String) namesAndBytes[i]));
                z.write((byte[]) namesAndBytes[i + 1]);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /**
     * Sets the "encrypted" flag of entry {@code name} in its local and central headers, as an encrypting zip tool
     * does; the bytes stay plain, but every reader must then treat the member as encrypted.
     */
    static byte[] flaggedEncrypted(byte[] zip, String name) {
        byte[] b = zip.clone();
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 46 < b.length; i++) {
            boolean pk = b[i] == 'P' && b[i + 1] == 'K';
            if (pk && b[i + 2] == 3 && b[i + 3] == 4 && named(b, i + 30, le16(b, i + 26), n)) {
                b[i + 6] |= 1; // local header
            }
            if (pk && b[i + 2] == 1 && b[i + 3] == 2 && named(b, i + 46, le16(b, i + 28), n)) {
                b[i + 8] |= 1; // central directory
            }
        }
        return b;
    }

    private static int le16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static boolean named(byte[] b, int at, int length, byte[] name) {
        return length == name.length && at + length <= b.length
                && java.util.Arrays.equals(b, at, at + length, name, 0, length);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = tmp.resolve(name);
        Files.write(p, bytes);
        return p;
    }


    private long idOf(String sourceEnd) {
        Cli.Run r = cli.run("--json", "search", "*:*");
        for (String l : r.out().lines().toList()) {
            JsonNode j = Json.parse(l);
            if (j.path("source").asText().endsWith(sourceEnd)) {
                return j.path("id").asLong();
            }
        }
        throw new AssertionError("no item ending " + sourceEnd + ":\n" + r);
    }

    @Test
    void aWordOfADocxInsideAZipFindsTheZipAsWellAsTheDocx() throws IOException {
        Path zip = write("flyers.zip", zip("vacancy.docx", docx("Zargarlik ustaxonasiga shogird kerak, Dubai2031"),
                "readme.txt", "Arxiv (fictitious)".getBytes(StandardCharsets.UTF_8)));
        assertEquals(0, cli.run("collect", "file", zip.toString()).code());

        List<String> found = cli.sources("zargarlik");
        assertTrue(found.contains(zip.toString()), found::toString);
        assertTrue(found.contains(zip + "!/vacancy.docx"), found::toString);
        assertTrue(cli.sources("dubai").contains(zip.toString()), "a word joined to digits too");
        assertEquals(List.of(zip + "!/readme.txt", zip.toString()).stream().sorted().toList(),
                cli.sources("arxiv").stream().sorted().toList());
    }

    @Test
    void aDocxAttachedToAnEmailFindsTheEmailAsWellAsTheDocx() throws IOException {
        String mail = """
                From: Fictitious Agency <jobs@agency.example>
                To: candidate@example.org
                Subject: Taklif
                Date: Fri, 14 Mar 2025 09:30:00 +0000
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="XYZ"

                --XYZ
                Content-Type: text/plain; charset=UTF-8

                Hujjatni o'qing.
                --XYZ
                Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document; name="offer.docx"
                Content-Disposition: attachment; filename="offer.docx"
                Content-Transfer-Encoding: base64

                %s
                --XYZ--
                """.formatted(Base64.getMimeEncoder().encodeToString(docx("Kafolatlangan maosh, mehmonxonada ish")))
                .replace("\n", "\r\n");
        Path eml = write("offer.eml", mail.getBytes(StandardCharsets.UTF_8));
        assertEquals(0, cli.run("collect", "file", eml.toString()).code());

        List<String> found = cli.sources("kafolatlangan");
        assertTrue(found.contains(eml.toString()) && found.contains(eml + "!/offer.docx"), found::toString);
    }

    @Test
    void anEncryptedMemberIsNotedOnTheItemInShowTheReportAndCustody() throws IOException {
        Path zip = write("locked.zip", flaggedEncrypted(zip("open.txt", "Ochiq matn".getBytes(StandardCharsets.UTF_8),
                "secret.txt", "Yashirin matn".getBytes(StandardCharsets.UTF_8)), "secret.txt"));
        assertEquals(0, cli.run("collect", "file", zip.toString()).code());
        long id = idOf("locked.zip");

        Cli.Run show = cli.run("show", Long.toString(id));
        assertTrue(show.out().contains("  extraction    MEMBER_SKIPPED: encrypted member skipped: "
                + "UnsupportedZipFeatureException: Unsupported feature encryption used in entry secret.txt"),
                show::toString);
        JsonNode j = Json.parse(cli.run("--json", "show", Long.toString(id)).out());
        assertEquals("MEMBER_SKIPPED", j.at("/extractionProblems/0/kind").asText(), j::toString);
        assertTrue(cli.run("show", Long.toString(id), "--text").out().contains("extraction MEMBER_SKIPPED"));
        assertTrue(cli.sources("ochiq").contains(zip + "!/open.txt"), "the readable member is kept");

        Path report = tmp.resolve("report.html");
        assertEquals(0, cli.run("export", "report", "--out", report.toString()).code());
        String html = Files.readString(report);
        assertTrue(html.contains("<h2>Extraction problems</h2>") && html.contains("encrypted member skipped"), html);
        Path custody = tmp.resolve("custody.jsonl");
        assertEquals(0, cli.run("export", "custody", "--format", "jsonl", "--out", custody.toString()).code());
        assertTrue(Files.readAllLines(custody).stream().anyMatch(l -> l.contains("\"extract\"")
                && l.contains("MEMBER_SKIPPED") && l.contains("secret.txt")), "logged with the ingest");
        assertEquals(0, cli.run("verify").code());
    }

    @Test
    void nestingPastTheDepthLimitIsNotedOnTheContainerNotUnpacked() throws IOException {
        byte[] level = "Eng chuqur e'lon (fictitious)".getBytes(StandardCharsets.UTF_8);
        String name = "ad.txt";
        for (int i = 0; i < 7; i++) {
            level = zip(name, level);
            name = "level-" + i + ".zip";
        }
        Path deep = write(name, level);
        assertEquals(0, cli.run("collect", "file", deep.toString()).code());

        Cli.Run r = cli.run("--json", "search", "*:*", "--limit", "100");
        JsonNode noted = null;
        for (String l : r.out().lines().toList()) {
            JsonNode show = Json.parse(cli.run("--json", "show", Json.parse(l).path("id").asText()).out());
            if (show.path("extractionProblems").size() > 0) {
                noted = show;
            }
        }
        assertTrue(noted != null, "an item says its members were not unpacked:\n" + r);
        assertEquals("DEPTH_LIMIT", noted.at("/extractionProblems/0/kind").asText(), noted::toString);
        assertTrue(noted.at("/extractionProblems/0/message").asText().contains("nested deeper than"), noted::toString);
    }

    @Test
    void aCorruptArchiveIsNoted() throws IOException {
        byte[] z = zip("a.txt", "Buzilgan arxiv".getBytes(StandardCharsets.UTF_8));
        for (int i = 12; i < z.length; i++) {
            z[i] = (byte) (i * 31);
        }
        Path bad = write("broken.zip", z);
        assertEquals(0, cli.run("collect", "file", bad.toString()).code());
        Cli.Run show = cli.run("show", Long.toString(idOf("broken.zip")));
        assertTrue(show.out().contains("  extraction    PARSE_FAILED: "), show::toString);
    }
}
