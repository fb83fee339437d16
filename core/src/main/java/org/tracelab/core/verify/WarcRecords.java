package org.tracelab.core.verify;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.tracelab.core.Hashing;

/**
 * Reads a gzipped WARC file whose records are gzip members of their own (as Tracelab writes them) in one pass:
 * each member's offset and length, its CRC, each record's headers, and its block and payload digests recomputed;
 * and the SHA-256 of the whole file, and of its first {@code sealedBytes} bytes, on the way.
 *
 * <p>A member that cannot be read is a fault at its offset; reading goes on at the next gzip header, so one damaged
 * record hides no other.
 */
public final class WarcRecords {
    /** WARC and HTTP header sections longer than this are taken for damage. */
    private static final int MAX_HEADER = 1 << 20;
    private static final byte[] END_OF_HEADER = {'\r', '\n', '\r', '\n'};

    /** One record as found: where, what, and whether its digests hold. */
    record Found(long offset, long length, String type, String id, String concurrentTo, String payloadDigest) {
    }

    /** A record that could not be read or whose digest does not hold. */
    record Fault(long offset, String expected, String found) {
    }

    /** What one pass found. */
    record Result(long bytes, String sha256, Optional<String> sealedPrefixSha256, Map<Long, Found> records,
                  List<Fault> faults) {
    }

    private WarcRecords() {
    }

    /**
     * Reads all of {@code file} and names each record that cannot be read or whose digest does not hold.
     *
     * @param name how the problems name the file, e.g. its path inside a bag
     */
    public static List<Problem> problems(Path file, String name) throws IOException {
        List<Problem> out = new ArrayList<>();
        for (Fault f : read(file, -1).faults()) {
            out.add(new Problem(Problem.Kind.WARC_RECORD_DAMAGED, name + " at offset " + f.offset(), f.expected(),
                    f.found()));
        }
        return out;
    }

    /**
     * Reads all of {@code file}.
     *
     * @param sealedBytes the length whose prefix hash to report as well, or -1
     */
    static Result read(Path file, long sealedBytes) throws IOException {
        try (FileChannel ch = FileChannel.open(file)) {
            Input in = new Input(ch, sealedBytes);
            Map<Long, Found> records = new LinkedHashMap<>();
            List<Fault> faults = new ArrayList<>();
            long start = 0;
            while (in.position() < in.size()) {
                in.seek(start);
                try {
                    Found f = member(in, start, faults);
                    records.put(start, f);
                    start = in.position();
                } catch (Damage d) {
                    faults.add(new Fault(start, "a whole gzip member holding one WARC record", d.getMessage()));
                    start = in.nextGzipHeader(start + 1);
                }
            }
            in.hashRest();
            return new Result(in.size(), in.sha256(), in.prefixSha256(), records, faults);
        }
    }

    /** Reads one gzip member starting at {@code offset}: the header, the deflated record, the trailer. */
    private static Found member(Input in, long offset, List<Fault> faults) throws IOException, Damage {
        if (in.read() != 0x1f || in.read() != 0x8b || in.read() != 8) {
            throw new Damage("no gzip header");
        }
        int flags = in.read();
        if (flags < 0 || (flags & 0xe0) != 0) {
            throw new Damage("gzip flags " + flags);
        }
        in.skip(6); // modification time, extra flags, operating system: not part of the record
        if ((flags & 4) != 0) {
            int xlen = in.read() | (in.read() << 8);
            in.skip(xlen);
        }
        if ((flags & 8) != 0) {
            in.skipZeroTerminated();
        }
        if ((flags & 16) != 0) {
            in.skipZeroTerminated();
        }
        if ((flags & 2) != 0) {
            in.skip(2);
        }
        RecordParser record = new RecordParser();
        CRC32 crc = new CRC32();
        long inflated = in.inflate((b, off, len) -> {
            crc.update(b, off, len);
            record.accept(b, off, len);
        });
        long wantCrc = in.readIntLe();
        long wantSize = in.readIntLe();
        if (wantCrc != crc.getValue() || wantSize != (inflated & 0xffffffffL)) {
            throw new Damage("gzip CRC or length differs from its content");
        }
        return record.finish(offset, in.position() - offset, faults);
    }

    /** Bytes inflated from a member, in order. */
    @FunctionalInterface
    private interface Sink {
        void accept(byte[] b, int off, int len) throws Damage;
    }

    /** A member or record that cannot be read; the message says what was wrong. */
    private static final class Damage extends Exception {
        Damage(String message) {
            super(message, null, false, false);
        }
    }

    /** Parses one WARC record from its inflated bytes, hashing its block and its HTTP payload as they pass. */
    private static final class RecordParser {
        private byte[] head = new byte[8192];
        private int headLength;
        private Map<String, String> headers;
        private long remaining = -1;
        private int trailer;
        private long extra;
        private MessageDigest block;
        private MessageDigest payload;
        private boolean http;
        private byte[] httpHead;
        private int httpHeadLength;
        private boolean inPayload;

        void accept(byte[] b, int off, int len) throws Damage {
            int i = off;
            int end = off + len;
            while (i < end) {
                if (headers == null) {
                    if (headLength == head.length) {
                        if (head.length >= MAX_HEADER) {
                            throw new Damage("WARC header longer than " + MAX_HEADER + " bytes");
                        }
                        head = java.util.Arrays.copyOf(head, head.length * 2);
                    }
                    head[headLength++] = b[i++];
                    if (endsWithBlankLine(head, headLength)) {
                        startBlock();
                    }
                } else if (remaining > 0) {
                    int n = (int) Math.min(remaining, end - i);
                    block(b, i, n);
                    i += n;
                    remaining -= n;
                } else if (trailer < 4) {
                    if (b[i++] != (trailer % 2 == 0 ? '\r' : '\n')) {
                        throw new Damage("record not followed by CRLF CRLF");
                    }
                    trailer++;
                } else {
                    extra += end - i;
                    i = end;
                }
            }
        }

        private void startBlock() throws Damage {
            String text = new String(head, 0, headLength, StandardCharsets.UTF_8);
            String[] lines = text.split("\r\n");
            if (!lines[0].startsWith("WARC/1.")) {
                throw new Damage("no WARC version line");
            }
            headers = new LinkedHashMap<>();
            for (int k = 1; k < lines.length; k++) {
                int colon = lines[k].indexOf(':');
                if (lines[k].isEmpty()) {
                    continue;
                }
                if (colon <= 0) {
                    throw new Damage("WARC header line without a name");
                }
                headers.put(lines[k].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[k].substring(colon + 1).strip());
            }
            try {
                remaining = Long.parseLong(headers.getOrDefault("content-length", ""));
            } catch (NumberFormatException e) {
                throw new Damage("no Content-Length");
            }
            if (remaining < 0) {
                throw new Damage("negative Content-Length");
            }
            if (headers.containsKey("warc-block-digest")) {
                block = Hashing.sha256();
            }
            String type = headers.getOrDefault("content-type", "");
            http = headers.containsKey("warc-payload-digest") && type.startsWith("application/http");
            if (http) {
                payload = Hashing.sha256();
                httpHead = new byte[4096];
            }
        }

        private void block(byte[] b, int off, int len) throws Damage {
            if (block != null) {
                block.update(b, off, len);
            }
            if (!http) {
                return;
            }
            if (inPayload) {
                payload.update(b, off, len);
                return;
            }
            for (int k = off; k < off + len; k++) {
                if (httpHeadLength == httpHead.length) {
                    if (httpHead.length >= MAX_HEADER) {
                        throw new Damage("HTTP header longer than " + MAX_HEADER + " bytes");
                    }
                    httpHead = java.util.Arrays.copyOf(httpHead, httpHead.length * 2);
                }
                httpHead[httpHeadLength++] = b[k];
                if (endsWithBlankLine(httpHead, httpHeadLength)) {
                    inPayload = true;
                    payload.update(b, k + 1, off + len - k - 1);
                    return;
                }
            }
        }

        Found finish(long offset, long length, List<Fault> faults) throws Damage {
            if (headers == null || remaining != 0 || trailer < 4) {
                throw new Damage("record cut short");
            }
            if (extra > 0) {
                throw new Damage(extra + " bytes after the record in its gzip member");
            }
            String type = headers.getOrDefault("warc-type", "");
            check(offset, "WARC-Block-Digest", headers.get("warc-block-digest"), block, faults);
            String declaredPayload = headers.get("warc-payload-digest");
            if (http) {
                if (!inPayload) {
                    faults.add(new Fault(offset, "an HTTP message in the " + type + " record",
                            "no end of its HTTP header"));
                } else {
                    check(offset, "WARC-Payload-Digest", declaredPayload, payload, faults);
                }
            }
            return new Found(offset, length, type, bare(headers.get("warc-record-id")),
                    bare(headers.get("warc-concurrent-to")), declaredPayload);
        }

        private static void check(long offset, String name, String declared, MessageDigest computed,
                                  List<Fault> faults) {
            if (declared == null || computed == null) {
                return;
            }
            byte[] got = computed.digest();
            Optional<byte[]> want = Digest.decode(declared, got.length);
            if (want.isEmpty()) {
                faults.add(new Fault(offset, name + " of the form sha256:HEX or BASE32", declared));
            } else if (!java.util.Arrays.equals(want.get(), got)) {
                faults.add(new Fault(offset, name + " " + declared,
                        "sha256:" + HexFormat.of().formatHex(got)));
            }
        }

        private static String bare(String id) {
            if (id == null) {
                return null;
            }
            return id.startsWith("<") && id.endsWith(">") ? id.substring(1, id.length() - 1) : id;
        }
    }

    private static boolean endsWithBlankLine(byte[] b, int length) {
        if (length < 4) {
            return false;
        }
        for (int k = 0; k < 4; k++) {
            if (b[length - 4 + k] != END_OF_HEADER[k]) {
                return false;
            }
        }
        return true;
    }

    /** A declared SHA-256 digest, hex or base32, as bytes. */
    static final class Digest {
        private Digest() {
        }

        static Optional<byte[]> decode(String declared, int length) {
            int colon = declared.indexOf(':');
            if (colon < 0 || !declared.substring(0, colon).equalsIgnoreCase("sha256")) {
                return Optional.empty();
            }
            String v = declared.substring(colon + 1);
            if (v.length() == length * 2) {
                try {
                    return Optional.of(HexFormat.of().parseHex(v.toLowerCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
            return base32(v, length);
        }

        private static Optional<byte[]> base32(String v, int length) {
            String s = v.replace("=", "").toUpperCase(Locale.ROOT);
            byte[] out = new byte[s.length() * 5 / 8];
            long buffer = 0;
            int bits = 0;
            int n = 0;
            for (char c : s.toCharArray()) {
                int d = c >= 'A' && c <= 'Z' ? c - 'A' : c >= '2' && c <= '7' ? c - '2' + 26 : -1;
                if (d < 0) {
                    return Optional.empty();
                }
                buffer = (buffer << 5) | d;
                bits += 5;
                if (bits >= 8) {
                    out[n++] = (byte) (buffer >> (bits - 8));
                    bits -= 8;
                }
            }
            return n == length ? Optional.of(out) : Optional.empty();
        }
    }

    /**
     * The file through one buffer, with the position of each byte known; every byte is hashed once, in order, as
     * it is first read, whatever seeking back a resynchronisation does.
     */
    private static final class Input {
        private final FileChannel ch;
        private final long size;
        private final long sealedBytes;
        private final ByteBuffer buf = ByteBuffer.allocate(1 << 17);
        private final MessageDigest sha = Hashing.sha256();
        private final Inflater inflater = new Inflater(true);
        private MessageDigest prefix;
        private long bufStart;
        private long hashed;

        Input(FileChannel ch, long sealedBytes) throws IOException {
            this.ch = ch;
            this.size = ch.size();
            this.sealedBytes = sealedBytes;
            buf.limit(0);
            if (sealedBytes == 0) {
                prefix = clone(sha);
            }
        }

        long size() {
            return size;
        }

        long position() {
            return bufStart + buf.position();
        }

        void seek(long pos) throws IOException {
            if (pos >= bufStart && pos <= bufStart + buf.limit()) {
                buf.position((int) (pos - bufStart));
                return;
            }
            fill(pos);
        }

        /** Makes at least one byte available unless at the end; false at the end. */
        private boolean available() throws IOException {
            if (buf.hasRemaining()) {
                return true;
            }
            long pos = position();
            if (pos >= size) {
                return false;
            }
            fill(pos);
            return buf.hasRemaining();
        }

        private void fill(long pos) throws IOException {
            buf.clear();
            ch.position(pos);
            while (buf.hasRemaining() && ch.read(buf) > 0) {
                // fill as much as the file gives
            }
            buf.flip();
            bufStart = pos;
            hashUpTo(bufStart + buf.limit());
        }

        private void hashUpTo(long end) {
            if (end <= hashed || bufStart > hashed) {
                return;
            }
            int from = (int) (hashed - bufStart);
            int to = (int) (end - bufStart);
            if (sealedBytes > hashed && sealedBytes <= end) {
                int cut = (int) (sealedBytes - bufStart);
                sha.update(buf.array(), from, cut - from);
                prefix = clone(sha);
                from = cut;
            }
            sha.update(buf.array(), from, to - from);
            hashed = end;
        }

        void hashRest() throws IOException {
            while (hashed < size) {
                fill(hashed);
            }
        }

        String sha256() {
            return HexFormat.of().formatHex(sha.digest());
        }

        Optional<String> prefixSha256() {
            return prefix == null ? Optional.empty() : Optional.of(HexFormat.of().formatHex(prefix.digest()));
        }

        int read() throws IOException {
            return available() ? buf.get() & 0xff : -1;
        }

        long readIntLe() throws IOException, Damage {
            long v = 0;
            for (int k = 0; k < 4; k++) {
                int b = read();
                if (b < 0) {
                    throw new Damage("gzip trailer cut short");
                }
                v |= (long) b << (8 * k);
            }
            return v;
        }

        void skip(long n) throws IOException, Damage {
            for (long k = 0; k < n; k++) {
                if (read() < 0) {
                    throw new Damage("gzip header cut short");
                }
            }
        }

        void skipZeroTerminated() throws IOException, Damage {
            int b;
            do {
                b = read();
                if (b < 0) {
                    throw new Damage("gzip header cut short");
                }
            } while (b != 0);
        }

        /** Inflates one raw deflate stream from here into {@code out}; returns the bytes inflated. */
        long inflate(Sink out) throws IOException, Damage {
            inflater.reset();
            byte[] chunk = new byte[1 << 16];
            long total = 0;
            try {
                while (!inflater.finished()) {
                    if (inflater.needsInput()) {
                        if (!available()) {
                            throw new Damage("deflate stream cut short");
                        }
                        inflater.setInput(buf.array(), buf.position(), buf.remaining());
                        buf.position(buf.limit());
                    }
                    int n = inflater.inflate(chunk);
                    if (n > 0) {
                        out.accept(chunk, 0, n);
                        total += n;
                    } else if (inflater.needsDictionary()) {
                        throw new Damage("deflate stream needs a dictionary");
                    }
                }
            } catch (DataFormatException e) {
                throw new Damage("deflate data invalid: " + e.getMessage());
            }
            // Give back what the inflater was handed beyond the end of its stream.
            buf.position(buf.position() - inflater.getRemaining());
            return total;
        }

        /** The offset of the next gzip header at or after {@code from}, or the end of the file. */
        long nextGzipHeader(long from) throws IOException {
            seek(from);
            int a = read();
            int b = read();
            int c;
            long at = from;
            while ((c = read()) >= 0) {
                if (a == 0x1f && b == 0x8b && c == 8) {
                    return at;
                }
                a = b;
                b = c;
                at++;
            }
            return size;
        }

        private static MessageDigest clone(MessageDigest d) {
            try {
                return (MessageDigest) d.clone();
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("SHA-256 digests can be cloned", e);
            }
        }
    }
}
