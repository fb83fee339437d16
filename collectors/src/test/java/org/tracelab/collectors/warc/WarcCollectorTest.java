package org.tracelab.collectors.warc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.tracelab.collectors.http.LabCase;
import org.tracelab.core.TracelabException;
import org.tracelab.core.collect.CollectRequest;
import org.tracelab.core.collect.StoredItem;
import org.tracelab.core.items.Item;

class WarcCollectorTest {
    private static final byte[] PAGE = "<html><body>Ish bor: +998 90 555 00 01 (fictitious)</body></html>"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;
    private LabCase lab;

    @BeforeEach
    void start() {
        lab = new LabCase(tmp);
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    private void collect(Path... files) throws Exception {
        try {
            new WarcCollector().collect(new CollectRequest("warc",
                    java.util.Arrays.stream(files).map(Path::toString).toList(), Map.of(), null), lab.sink("warc"));
        } finally {
            lab.finish();
        }
    }

    /** A WARC as other tools write it: sha1 base32 digests, a request, a response, a resource; fictitious. */
    private Path warc(String name, WarcCompression compression, boolean tamperPayloadDigest) throws Exception {
        Path file = tmp.resolve(name);
        URI target = URI.create("http://jobs.example.invalid/ad/1");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             WarcWriter w = new WarcWriter(ch, compression)) {
            HttpResponse http = new HttpResponse.Builder(200, "OK").addHeader("Content-Type", "text/html")
                    .body(MediaType.HTML, PAGE).build();
            byte[] block = concat(http.serializeHeader(), PAGE);
            String payloadDigest = tamperPayloadDigest ? sha1("something else".getBytes()) : sha1(PAGE);
            w.write(new WarcRequest.Builder(target).date(Instant.parse("2025-06-02T09:13:00Z"))
                    .body(MediaType.HTTP_REQUEST, "GET /ad/1 HTTP/1.1\r\nHost: jobs.example.invalid\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII)).build());
            w.write(new WarcResponse.Builder(target).date(Instant.parse("2025-06-02T09:13:00Z"))
                    .setHeader("WARC-Block-Digest", sha1(block)).setHeader("WARC-Payload-Digest", payloadDigest)
                    .body(MediaType.HTTP_RESPONSE, block).build());
            w.write(new WarcResource.Builder(URI.create("urn:fictitious:note"))
                    .setHeader("WARC-Block-Digest", sha1("note".getBytes()))
                    .body(MediaType.PLAIN_TEXT, "note".getBytes()).build());
        }
        return file;
    }

    private static String sha1(byte[] bytes) throws Exception {
        return new WarcDigest("sha1", MessageDigest.getInstance("SHA-1").digest(bytes)).prefixedBase32();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private List<StoredItem> records() {
        return lab.stored.stream().filter(s -> s.item().kind().equals(WarcCollector.KIND)).toList();
    }

    private byte[] raw(StoredItem s) throws Exception {
        try (InputStream in = lab.kase.openRaw(lab.item(s.id()))) {
            return in.readAllBytes();
        }
    }

    @Test
    void importsTheFileThenEveryRecordWithDigestsCheckedGzippedOrNot() throws Exception {
        collect(warc("a.warc.gz", WarcCompression.GZIP, false), warc("b.warc", WarcCompression.NONE, false));

        List<StoredItem> files = lab.stored.stream().filter(s -> s.item().kind().equals("file")).toList();
        assertEquals(2, files.size());
        assertArrayEquals(Files.readAllBytes(tmp.resolve("a.warc.gz")), raw(files.get(0)));
        List<StoredItem> records = records();
        assertEquals(6, records.size());
        assertTrue(lab.failures.isEmpty(), lab.failures.toString());
        StoredItem response = records.stream().filter(s -> lab.item(s.id()).meta().get("type").asText()
                .equals("response")).findFirst().orElseThrow();
        Item item = lab.item(response.id());
        assertArrayEquals(PAGE, raw(response));
        assertEquals("http://jobs.example.invalid/ad/1", item.source());
        assertEquals("text/html", item.contentType());
        assertEquals(files.get(0).id(), item.parentId());
        assertEquals(Instant.parse("2025-06-02T09:13:00Z"), item.capturedAt());
        assertEquals("match", item.meta().at("/digests/WARC-Payload-Digest/outcome").asText());
        assertEquals("match", item.meta().at("/digests/WARC-Block-Digest/outcome").asText());
        assertEquals(200, item.meta().at("/http/status").asInt());
        Item resource = records.stream().map(s -> lab.item(s.id()))
                .filter(i -> i.meta().get("type").asText().equals("resource")).findFirst().orElseThrow();
        assertEquals("match", resource.meta().at("/digests/WARC-Block-Digest/outcome").asText());
        Item request = records.stream().map(s -> lab.item(s.id()))
                .filter(i -> i.meta().get("type").asText().equals("request")).findFirst().orElseThrow();
        assertEquals("absent", request.meta().at("/digests/WARC-Block-Digest/outcome").asText());
    }

    @Test
    void aPayloadDigestMismatchIsReportedAndTheRecordKept() throws Exception {
        collect(warc("tampered.warc", WarcCompression.NONE, true));
        assertEquals(3, records().size());
        assertTrue(lab.failures.isEmpty() && lab.rejections.isEmpty(), "a mismatch is not a failure of the run");
        assertEquals(1, lab.notes.size(), lab.notes.toString());
        String f = lab.notes.get(0);
        assertTrue(f.contains("WARC-Payload-Digest mismatch") && f.contains("tampered.warc")
                && f.contains("byte offset") && f.contains("kept"), f);
    }

    @Test
    void aTruncatedWarcKeepsWhatWasReadAndNamesTheOffset() throws Exception {
        Path whole = warc("whole.warc", WarcCompression.NONE, false);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = tmp.resolve("cut.warc");
        // cut inside the response record's payload: the request is whole, the response half there
        int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("Ish bor") + 5;
        Files.write(cut, java.util.Arrays.copyOf(bytes, at));

        collect(cut);

        assertEquals(2, records().size(), lab.failures.toString());
        assertEquals(1, lab.rejections.size(), lab.rejections.toString());
        assertTrue(lab.rejections.get(0).contains("cut.warc") && lab.rejections.get(0).contains("1 bad record"
                + " (truncated or corrupt) at byte offset"), lab.rejections.toString());
        StoredItem partial = records().get(1);
        assertTrue(lab.item(partial.id()).meta().has("readError"));
        assertArrayEquals(java.util.Arrays.copyOf(PAGE, "<html><body>Ish b".length()), raw(partial));
    }

    @Test
    void aRecordWithMissingRepeatedOrMalformedFieldsIsKeptWithItsFaultsNamed() throws Exception {
        String block = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\nIsh bor";
        String damaged = "WARC/1.1\r\n" // no WARC-Type, no WARC-Record-ID (found by WarcImportFuzzTest)
                + "WARC-Date: 2025-06-02T09:13:00Z\r\n"
                + "WARC-Target-URI: http://jobs.example.invalid/ad/1\r\n"
                + "WARC-Target-URI: http://jobs.example.invalid/ad/2\r\n"
                + "WARC-Payload-Digest: sha1:AAAA\r\nWARC-Payload-Digest: sha1:BBBB\r\n"
                + "Content-Type: ;;;\r\n"
                + "Content-Length: " + block.length() + "\r\n\r\n" + block + "\r\n\r\n";
        Path file = tmp.resolve("damaged-fields.warc");
        String typed = damaged.replace("WARC/1.1\r\n", "WARC/1.1\r\nWARC-Type: response\r\n");
        // a block digest jwarc cannot parse stops its reader inside the record: the file is damaged from there on
        String unreadable = typed.replace("WARC-Date", "WARC-Block-Digest: no-colon-here\r\nWARC-Date");
        Files.writeString(file, damaged + typed + unreadable, StandardCharsets.ISO_8859_1);

        collect(file);

        assertEquals(2, records().size(), lab.failures.toString());
        Item untyped = lab.item(records().get(0).id());
        assertFalse(untyped.meta().has("type"));
        assertFalse(untyped.meta().has("recordId"));
        assertTrue(untyped.source().endsWith("damaged-fields.warc#0"), "untyped, so no target: " + untyped.source());
        Item response = lab.item(records().get(1).id());
        assertEquals("response", response.meta().get("type").asText());
        assertEquals("http://jobs.example.invalid/ad/1", response.source(), "the first of repeated fields counts");
        long at = (damaged + typed).length();
        assertEquals(List.of("1 bad record (truncated or corrupt) at byte offset " + at + ": Invalid WARC-Digest; the 2"
                + " records read are kept"), lab.rejections.stream().map(f -> f.substring(f.indexOf(" -> ") + 4))
                .toList());
    }

    @Test
    void aFileTooShortToTellPlainFromGzippedIsDamagedAtOffsetZero() throws Exception {
        Path one = tmp.resolve("one-byte.warc"); // found by WarcImportFuzzTest: jwarc threw EOFException
        Files.write(one, new byte[] {'n'});
        collect(one);
        assertEquals(1, lab.stored.size(), "the file itself is kept");
        assertTrue(lab.rejections.get(0).contains("not a readable WARC file: no record could be read, at byte offset 0:"
                + " too short to be a WARC file"), lab.rejections.toString());
    }

    @Test
    void garbageIsReportedAsCorruptAtOffsetZeroAndTheFileStillKept() throws Exception {
        Path junk = tmp.resolve("junk.warc");
        Files.writeString(junk, "this is not a WARC file at all\r\n\r\n");
        collect(junk);
        assertEquals(1, lab.stored.size());
        assertTrue(lab.rejections.get(0).contains("junk.warc -> not a readable WARC file"), lab.rejections.toString());
    }

    /** One plain record as written by hand (header lines may end as {@code eol} says); fictitious. */
    private static String record(String type, String target, String contentType, String block, String eol,
                                 String... extraHeaders) {
        StringBuilder h = new StringBuilder("WARC/1.0" + eol + "WARC-Type: " + type + eol
                + "WARC-Record-ID: <urn:uuid:" + java.util.UUID.nameUUIDFromBytes((type + target + block).getBytes())
                + ">" + eol + "WARC-Date: 2025-06-02T09:13:00Z" + eol + "WARC-Target-URI: " + target + eol
                + "Content-Type: " + contentType + eol);
        for (String x : extraHeaders) {
            h.append(x).append(eol);
        }
        h.append("Content-Length: ").append(block.getBytes(StandardCharsets.ISO_8859_1).length).append(eol).append(eol);
        return h + block + "\r\n\r\n";
    }

    private static String digest(String algorithm, String hex, byte[] bytes) throws Exception {
        byte[] d = MessageDigest.getInstance(algorithm).digest(bytes);
        String name = algorithm.toLowerCase(java.util.Locale.ROOT).replace("-", "");
        return hex.equals("hex") ? name + ":" + java.util.HexFormat.of().formatHex(d)
                : new WarcDigest(name, d).prefixedBase32();
    }

    private Item recordOfType(String type) {
        return records().stream().map(s -> lab.item(s.id())).filter(i -> type.equals(i.meta().path("type").asText()))
                .findFirst().orElseThrow();
    }

    @Test
    void aRequestRecordsWrongPayloadDigestIsNotedOnTheItemAndInCustodyAndTheRecordKept() throws Exception {
        String body = "q=ish+bor";
        String request = "POST /search HTTP/1.1\r\nHost: jobs.example.invalid\r\nContent-Length: " + body.length()
                + "\r\n\r\n" + body;
        Path file = tmp.resolve("request.warc");
        Files.writeString(file, record("request", "http://jobs.example.invalid/search",
                "application/http; msgtype=request", request, "\r\n",
                "WARC-Block-Digest: " + digest("SHA-1", "base32", request.getBytes(StandardCharsets.ISO_8859_1)),
                "WARC-Payload-Digest: " + digest("SHA-1", "base32", "q=something+else".getBytes())),
                StandardCharsets.ISO_8859_1);

        collect(file);

        Item item = recordOfType("request");
        assertEquals("match", item.meta().at("/digests/WARC-Block-Digest/outcome").asText());
        assertEquals("mismatch", item.meta().at("/digests/WARC-Payload-Digest/outcome").asText());
        assertEquals(digest("SHA-1", "base32", body.getBytes()),
                item.meta().at("/digests/WARC-Payload-Digest/computed").asText());
        assertEquals(1, lab.notes.size(), lab.notes.toString());
        assertTrue(lab.failures.isEmpty() && lab.rejections.isEmpty());
        assertEquals(1, lab.custodyActions("capture.noted"));
    }

    @Test
    void digestsInSha256AndMd5HexAndSha1Base32AreAllChecked() throws Exception {
        String block = "Vakansiya: ofitsiant (fictitious)";
        byte[] b = block.getBytes(StandardCharsets.UTF_8);
        String warc = record("resource", "urn:fictitious:a", "text/plain", block, "\r\n",
                "WARC-Block-Digest: " + digest("SHA-256", "hex", b), "WARC-Payload-Digest: " + digest("MD5", "hex", b))
                + record("resource", "urn:fictitious:b", "text/plain", block, "\r\n",
                "WARC-Block-Digest: " + digest("SHA-256", "base32", b),
                "WARC-Payload-Digest: " + digest("SHA-1", "hex", "tampered".getBytes()));
        Path file = tmp.resolve("forms.warc");
        Files.writeString(file, warc, StandardCharsets.UTF_8);

        collect(file);

        List<Item> items = records().stream().map(s -> lab.item(s.id())).toList();
        assertEquals(2, items.size());
        assertEquals("match", items.get(0).meta().at("/digests/WARC-Block-Digest/outcome").asText());
        assertEquals("match", items.get(0).meta().at("/digests/WARC-Payload-Digest/outcome").asText());
        assertEquals("match", items.get(1).meta().at("/digests/WARC-Block-Digest/outcome").asText());
        assertEquals("mismatch", items.get(1).meta().at("/digests/WARC-Payload-Digest/outcome").asText());
        assertEquals(1, lab.notes.size(), lab.notes.toString());
    }

    @Test
    void headerLinesEndingInCrCrLfAreReadAsWarcioReadsThem() throws Exception {
        String http = "HTTP/1.1 200 OK\r\r\nContent-Type: text/html\r\r\n\r\r\n<p>Ish bor (fictitious)</p>";
        String one = record("response", "http://jobs.example.invalid/ad/7", "application/http; msgtype=response",
                http, "\r\r\n");
        Path file = tmp.resolve("crcrlf.warc");
        Files.writeString(file, one + one.replace("/ad/7", "/ad/8"), StandardCharsets.ISO_8859_1);

        collect(file);

        assertTrue(lab.rejections.isEmpty(), lab.rejections.toString());
        assertEquals(List.of("http://jobs.example.invalid/ad/7", "http://jobs.example.invalid/ad/8"),
                records().stream().map(s -> s.item().source()).toList());
        assertEquals(one.length(), lab.item(records().get(1).id()).meta().get("offset").asLong());
        assertEquals("<p>Ish bor (fictitious)</p>", new String(raw(records().get(0)), StandardCharsets.UTF_8));
    }

    @Test
    void aBadRecordInTheMiddleCostsThatRecordAndTheRestAreKept() throws Exception {
        String good = record("resource", "urn:fictitious:1", "text/plain", "first", "\r\n");
        String bad = record("resource", "urn:fictitious:2", "text/plain", "second", "\r\n")
                .replace("Content-Length: 6", "Content-Length: 6\r\nContent-Length: 7");
        String after = record("resource", "urn:fictitious:3", "text/plain", "third", "\r\n");
        Path file = tmp.resolve("middle.warc");
        Files.writeString(file, good + bad + after, StandardCharsets.ISO_8859_1);

        collect(file);

        assertEquals(List.of("urn:fictitious:1", "urn:fictitious:3"),
                records().stream().map(s -> s.item().source()).toList());
        assertEquals(1, lab.rejections.size(), lab.rejections.toString());
        String r = lab.rejections.get(0);
        assertTrue(r.contains("middle.warc -> 1 bad record (truncated or corrupt) at byte offset " + good.length())
                && r.endsWith("the 2 records read are kept"), r);
    }

    @Test
    void gzipGarbageIsNotAReadableWarcAndTheFileIsKept() throws Exception {
        Path file = tmp.resolve("garbage.warc.gz");
        byte[] bytes = new byte[200];
        new java.util.Random(7).nextBytes(bytes);
        bytes[0] = 0x1f;
        bytes[1] = (byte) 0x8b;
        bytes[2] = 0x08;
        Files.write(file, bytes);

        collect(file);

        assertEquals(1, lab.stored.size(), "the file itself is kept");
        assertEquals(1, lab.rejections.size(), lab.rejections.toString());
        assertTrue(lab.rejections.get(0).contains("garbage.warc.gz -> not a readable WARC file"),
                lab.rejections.toString());
    }

    @Test
    void aMissingFileIsBadInputBeforeAnythingIsStored() {
        TracelabException e = assertThrows(TracelabException.class, () -> collect(tmp.resolve("nope.warc")));
        assertEquals(TracelabException.Failure.BAD_INPUT, e.failure());
        assertTrue(e.getMessage().contains("nope.warc"));
        assertTrue(lab.stored.isEmpty());
    }
}
