package org.tracelab.core.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Hashing;

/** WARC files read in one pass: offsets, gzip members, block and payload digests. Records made here, fictitious. */
class WarcRecordsTest {
    @TempDir
    Path tmp;

    private static final String HTTP_HEAD = "HTTP/1.1 200 \r\nContent-Type: text/html\r\n\r\n";
    private static final String BODY = "<p>Fictitious ad: cooks wanted abroad</p>";

    private static String sha(String s) {
        return HexFormat.of().formatHex(Hashing.sha256().digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] member(String type, String id, String block, String blockDigest, String payloadDigest)
            throws IOException {
        StringBuilder h = new StringBuilder("WARC/1.1\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: <" + id + ">\r\n");
        if (type.equals("request")) {
            h.append("WARC-Concurrent-To: <urn:uuid:response>\r\n");
        }
        h.append("Content-Type: application/http;msgtype=").append(type).append("\r\n");
        if (blockDigest != null) {
            h.append("WARC-Block-Digest: ").append(blockDigest).append("\r\n");
        }
        if (payloadDigest != null) {
            h.append("WARC-Payload-Digest: ").append(payloadDigest).append("\r\n");
        }
        h.append("Content-Length: ").append(block.getBytes(StandardCharsets.UTF_8).length).append("\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write((h + block + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static byte[] request() throws IOException {
        String block = "GET /ad/1 HTTP/1.1\r\nHost: lab.invalid\r\n\r\n";
        return member("request", "urn:uuid:request", block, "sha256:" + sha(block), null);
    }

    private static byte[] response(String payloadDigest) throws IOException {
        String block = HTTP_HEAD + BODY;
        return member("response", "urn:uuid:response", block, "sha256:" + sha(block), payloadDigest);
    }

    private Path file(byte[]... members) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] m : members) {
            all.write(m);
        }
        Path f = tmp.resolve("t.warc.gz");
        Files.write(f, all.toByteArray());
        return f;
    }

    @Test
    void wellFormedRecordsAreFoundAtTheirOffsetsWithTheirDigestsHolding() throws IOException {
        byte[] req = request();
        Path f = file(req, response("sha256:" + sha(BODY)));
        WarcRecords.Result r = WarcRecords.read(f, -1);
        assertEquals(List.of(), r.faults());
        assertEquals(2, r.records().size());
        WarcRecords.Found resp = r.records().get((long) req.length);
        assertEquals("response", resp.type());
        assertEquals("urn:uuid:response", resp.id());
        assertEquals(Files.size(f) - req.length, resp.length());
        assertEquals("urn:uuid:response", r.records().get(0L).concurrentTo());
        assertEquals(HexFormat.of().formatHex(Hashing.sha256().digest(Files.readAllBytes(f))), r.sha256());
    }

    @Test
    void payloadDigestThatDoesNotMatchIsNamedAtItsRecordsOffset() throws IOException {
        byte[] req = request();
        Path f = file(req, response("sha256:" + sha(BODY + " changed")));
        WarcRecords.Result r = WarcRecords.read(f, -1);
        assertEquals(1, r.faults().size());
        assertEquals(req.length, r.faults().get(0).offset());
        assertTrue(r.faults().get(0).expected().startsWith("WARC-Payload-Digest"), r.faults()::toString);
        assertEquals("sha256:" + sha(BODY), r.faults().get(0).found());
    }

    @Test
    void blockDigestOfARequestThatDoesNotMatchIsNamed() throws IOException {
        String block = "GET /ad/1 HTTP/1.1\r\nHost: lab.invalid\r\n\r\n";
        Path f = file(member("request", "urn:uuid:request", block, "sha256:" + sha("GET /other"), null));
        WarcRecords.Result r = WarcRecords.read(f, -1);
        assertEquals(1, r.faults().size());
        assertTrue(r.faults().get(0).expected().startsWith("WARC-Block-Digest"), r.faults()::toString);
    }

    @Test
    void base32DigestsAreReadAsWell() throws IOException {
        String block = "GET /ad/1 HTTP/1.1\r\n\r\n";
        byte[] d = Hashing.sha256().digest(block.getBytes(StandardCharsets.UTF_8));
        String base32 = base32(d);
        Path f = file(member("request", "urn:uuid:request", block, "sha256:" + base32, null));
        assertEquals(List.of(), WarcRecords.read(f, -1).faults());
    }

    @Test
    void damagedMemberIsNamedAndTheRecordAfterItIsStillRead() throws IOException {
        byte[] req = request();
        byte[] resp = response("sha256:" + sha(BODY));
        req[req.length / 2] ^= 0x10;
        Path f = file(req, resp);
        WarcRecords.Result r = WarcRecords.read(f, -1);
        assertEquals(0, r.faults().get(0).offset(), r.faults()::toString);
        assertEquals("response", r.records().get((long) req.length).type(), r.records()::toString);
    }

    @Test
    void prefixHashAtTheSealedLengthTellsBytesAppendedAfterIt() throws IOException {
        byte[] req = request();
        Path sealed = file(req);
        String sealedSha = HexFormat.of().formatHex(Hashing.sha256().digest(Files.readAllBytes(sealed)));
        Path grown = file(req, response("sha256:" + sha(BODY)));
        WarcRecords.Result r = WarcRecords.read(grown, req.length);
        assertEquals(sealedSha, r.sealedPrefixSha256().orElseThrow());
    }

    private static String base32(byte[] bytes) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(alphabet.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(alphabet.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }
}
