package org.tracelab.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.tracelab.core.Json;

/**
 * {@code collect warc} through the real command line: bad WARC input exits 2 with one line naming the file and what
 * is wrong, a partly good file keeps its good records and says how many were bad, and a digest that does not match
 * is noted without failing the run. Every WARC here is written by the test and fictitious.
 */
class WarcImportCliTest {
    @TempDir
    Path tmp;
    Cli cli;

    @BeforeEach
    void newCase() {
        cli = new Cli(tmp.resolve("case"));
        assertEquals(0, cli.init().code());
    }

    static String record(String target, String text, String... extraHeaders) {
        String block = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>" + text + "</p>";
        StringBuilder h = new StringBuilder("WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:"
                + UUID.nameUUIDFromBytes(target.getBytes()) + ">\r\nWARC-Date: 2025-06-02T09:13:00Z\r\n"
                + "WARC-Target-URI: " + target + "\r\nContent-Type: application/http; msgtype=response\r\n");
        for (String x : extraHeaders) {
            h.append(x).append("\r\n");
        }
        return h.append("Content-Length: ").append(block.getBytes(StandardCharsets.UTF_8).length)
                .append("\r\n\r\n").append(block).append("\r\n\r\n").toString();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = tmp.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static void oneBadInputLine(Cli.Run r, String file, String what) {
        assertEquals(2, r.code(), r::toString);
        List<String> bad = r.err().lines().filter(l -> l.startsWith("tracelab: bad input: ")).toList();
        assertEquals(1, bad.size(), r::toString);
        assertTrue(bad.get(0).contains(file) && bad.get(0).contains(what), r::toString);
    }

    @Test
    void aFileThatIsNotAWarcExitsTwoNamingIt() throws IOException {
        Path f = write("notes.warc", "Shopping list, not a WARC (fictitious)\n".getBytes(StandardCharsets.UTF_8));
        oneBadInputLine(cli.run("collect", "warc", f.toString()), "notes.warc", "not a readable WARC file");
        assertEquals(0, cli.run("verify").code(), "the file itself is kept, and the case verifies");
    }

    @Test
    void aTruncatedFirstRecordExitsTwo() throws IOException {
        byte[] whole = record("http://jobs.example.invalid/ad/1", "Ish bor").getBytes(StandardCharsets.UTF_8);
        Path f = write("cut.warc", Arrays.copyOf(whole, 60));
        oneBadInputLine(cli.run("collect", "warc", f.toString()), "cut.warc", "at byte offset 0");
    }

    @Test
    void gzipGarbageExitsTwo() throws IOException {
        byte[] junk = new byte[300];
        new Random(17).nextBytes(junk);
        junk[0] = 0x1f;
        junk[1] = (byte) 0x8b;
        junk[2] = 0x08;
        Path f = write("junk.warc.gz", junk);
        oneBadInputLine(cli.run("collect", "warc", f.toString()), "junk.warc.gz", "not a readable WARC file");
    }

    @Test
    void aPartlyGoodWarcKeepsItsGoodRecordsAndSaysHowManyWereBad() throws IOException {
        String good1 = record("http://jobs.example.invalid/ad/1", "Ofitsiant kerak Dubai2024");
        String bad = record("http://jobs.example.invalid/ad/2", "Buzilgan")
                .replace("Content-Length:", "Content-Length: 3\r\nContent-Length:");
        String good2 = record("http://jobs.example.invalid/ad/3", "Oshpaz kerak Toshkent");
        Path f = write("partly.warc", (good1 + bad + good2).getBytes(StandardCharsets.UTF_8));

        Cli.Run r = cli.run("collect", "warc", f.toString());

        oneBadInputLine(r, "partly.warc", "1 bad record (truncated or corrupt) at byte offset "
                + good1.getBytes(StandardCharsets.UTF_8).length);
        assertTrue(r.err().contains("the 2 records read are kept"), r::toString);
        Cli.Run search = cli.run("--json", "search", "oshpaz");
        assertEquals(0, search.code(), search::toString);
        assertTrue(search.out().contains("http://jobs.example.invalid/ad/3"), search::toString);
        assertEquals(0, cli.run("verify").code());
    }

    @Test
    void aDigestMismatchIsNotedOnTheItemAndTheRunSucceeds() throws IOException {
        Path f = write("tampered.warc", record("http://jobs.example.invalid/ad/9", "Ish bor",
                "WARC-Payload-Digest: sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").getBytes(StandardCharsets.UTF_8));

        Cli.Run r = cli.run("collect", "warc", f.toString());

        assertEquals(0, r.code(), r::toString);
        assertTrue(r.err().contains("tracelab: note: http://jobs.example.invalid/ad/9: WARC-Payload-Digest mismatch"),
                r::toString);
        JsonNode record = Json.parse(cli.run("--json", "show", "2").out());
        assertEquals("mismatch", record.at("/meta/digests/WARC-Payload-Digest/outcome").asText(), record::toString);
        Cli.Run custody = cli.run("export", "custody", "--format", "jsonl", "--out", tmp.resolve("c.jsonl").toString());
        assertEquals(0, custody.code(), custody::toString);
        assertTrue(Files.readString(tmp.resolve("c.jsonl")).contains("capture.noted"));
    }

    @Test
    void anExportedWaczHoldsTheImportedRecordsAsReceivedEachReadableAtItsOffset() throws Exception {
        Path gz = tmp.resolve("other-tool.warc.gz");
        try (FileChannel ch = FileChannel.open(gz,
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             WarcWriter w = new WarcWriter(ch,
                     WarcCompression.GZIP)) {
            for (int n = 1; n <= 2; n++) {
                URI target = URI.create("http://jobs.example.invalid/ad/" + n);
                byte[] page = ("<html><body>Fictitious ad " + n + "</body></html>").getBytes(StandardCharsets.UTF_8);
                HttpResponse http = new HttpResponse.Builder(200, "OK")
                        .body(MediaType.HTML, page).build();
                w.write(new WarcRequest.Builder(target)
                        .body(MediaType.HTTP_REQUEST, ("GET /ad/" + n + " HTTP/1.1\r\n"
                                + "Host: jobs.example.invalid\r\n\r\n").getBytes(StandardCharsets.US_ASCII)).build());
                w.write(new WarcResponse.Builder(target).body(http).build());
            }
        }
        Path plain = write("plain.warc", record("http://jobs.example.invalid/ad/3", "Ish bor")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(0, cli.run("collect", "warc", gz.toString(), plain.toString()).code());

        Path wacz = tmp.resolve("imported.wacz");
        Cli.Run r = cli.run("export", "wacz", "--out", wacz.toString());
        assertEquals(0, r.code(), r::toString);
        try (ZipFile zip = new ZipFile(wacz.toFile())) {
            List<String> cdx = new String(zip.getInputStream(zip.getEntry("indexes/index.cdx")).readAllBytes(),
                    StandardCharsets.UTF_8).lines().toList();
            assertEquals(3, cdx.size(), cdx::toString);
            Set<String> targets = new TreeSet<>();
            for (String line : cdx) {
                JsonNode j = Json.parse(line.split(" ", 3)[2]);
                String name = j.path("filename").asText();
                ZipEntry e = zip.getEntry("archive/" + name);
                assertTrue(e != null, line);
                assertEquals(ZipEntry.STORED, e.getMethod());
                byte[] warc = zip.getInputStream(e).readAllBytes();
                Path original = name.endsWith("other-tool.warc.gz") ? gz : plain;
                assertTrue(Arrays.equals(Files.readAllBytes(original), warc), "as received: " + name);
                try (WarcReader reader = new WarcReader(
                        Channels.newChannel(new ByteArrayInputStream(warc,
                                j.path("offset").asInt(), j.path("length").asInt())))) {
                    WarcResponse rec =
                            (WarcResponse) reader.next().orElseThrow();
                    assertEquals(j.path("url").asText(), rec.target());
                    assertEquals(200, rec.http().status());
                    targets.add(rec.target());
                }
            }
            assertEquals(Set.of("http://jobs.example.invalid/ad/1", "http://jobs.example.invalid/ad/2",
                    "http://jobs.example.invalid/ad/3"), targets);
            String pages = new String(zip.getInputStream(zip.getEntry("pages/pages.jsonl")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertEquals(4, pages.lines().count(), pages);
        }
    }
}
