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
        assertEquals(1, lab.failures.size(), lab.failures.toString());
        String f = lab.failures.get(0);
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
        assertTrue(lab.failures.stream().anyMatch(f -> f.contains("cut.warc") && f.contains("truncated or corrupt at"
                + " byte offset")), lab.failures.toString());
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
        assertEquals(List.of("WARC file truncated or corrupt at byte offset " + at + ": Invalid WARC-Digest; the 2"
                + " records read before it are kept"), lab.failures.stream().map(f -> f.substring(f.indexOf("WARC file")))
                .toList());
    }

    @Test
    void aFileTooShortToTellPlainFromGzippedIsDamagedAtOffsetZero() throws Exception {
        Path one = tmp.resolve("one-byte.warc"); // found by WarcImportFuzzTest: jwarc threw EOFException
        Files.write(one, new byte[] {'n'});
        collect(one);
        assertEquals(1, lab.stored.size(), "the file itself is kept");
        assertTrue(lab.failures.get(0).contains("byte offset 0: too short to be a WARC file"), lab.failures.toString());
    }

    @Test
    void garbageIsReportedAsCorruptAtOffsetZeroAndTheFileStillKept() throws Exception {
        Path junk = tmp.resolve("junk.warc");
        Files.writeString(junk, "this is not a WARC file at all\r\n\r\n");
        collect(junk);
        assertEquals(1, lab.stored.size());
        assertTrue(lab.failures.get(0).contains("byte offset 0"), lab.failures.toString());
    }

    @Test
    void aMissingFileIsBadInputBeforeAnythingIsStored() {
        TracelabException e = assertThrows(TracelabException.class, () -> collect(tmp.resolve("nope.warc")));
        assertEquals(TracelabException.Failure.BAD_INPUT, e.failure());
        assertTrue(e.getMessage().contains("nope.warc"));
        assertTrue(lab.stored.isEmpty());
    }
}
