package org.tracelab.collectors.warc;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTargetRecord;
import org.tracelab.core.collect.CaptureSink;
import org.tracelab.core.collect.FileFacts;
import org.tracelab.core.collect.NewItem;
import org.tracelab.core.collect.Progress;
import org.tracelab.core.collect.StoredBlob;
import org.tracelab.core.collect.StoredItem;

/**
 * Imports one WARC file: the file itself first, as a {@code file} item, then every record in it as a
 * {@code warc-record} item whose parent is the file. A response's blob is its HTTP payload, any other record's its
 * whole block. Every block and payload digest a record declares is recomputed (requests too) and a mismatch is
 * noted, the record kept all the same. Header lines are read leniently, as warcio reads them (CR CR LF ends). A record
 * cut short or corrupt is reported with its byte offset and reading goes on at the next record start after it, so
 * the file is rejected as bad input, in one line saying how many records were bad, but every readable record is kept.
 */
final class WarcImport {
    /** What importing one file did. */
    record Outcome(int records, int digestMismatches, boolean damaged) {
    }

    private final CaptureSink sink;
    private final Clock clock;
    private final Progress progress;

    WarcImport(CaptureSink sink, Clock clock, Progress progress) {
        this.sink = sink;
        this.clock = clock;
        this.progress = progress;
    }

    Outcome run(Path file) throws IOException {
        StoredItem fileItem = storeFile(file);
        Damage damage = new Damage();
        int[] counts = {0, 0}; // records, digest mismatches
        try (FileChannel channel = FileChannel.open(file)) {
            boolean gzip = RecordStarts.gzipped(channel);
            long start = 0;
            while (start >= 0) {
                channel.position(start);
                WarcReader reader = reader(channel, start, damage);
                // Not closed: closing a reader closes the channel, which the next reader, after damage, reads on.
                start = reader == null ? RecordStarts.next(channel, start + 1, gzip)
                        : readRecords(reader, channel, gzip, file, fileItem, damage, counts);
            }
        }
        if (!damage.isEmpty()) {
            sink.rejected(file.toString(), damage.describe(counts[0]));
        }
        return new Outcome(counts[0], counts[1], !damage.isEmpty());
    }

    /**
     * Imports records until the file ends, or until damage; then returns where reading may go on (the next record
     * start found after the damage), or -1 when the file is read to its end.
     */
    private long readRecords(WarcReader reader, FileChannel channel, boolean gzip, Path file, StoredItem fileItem,
                             Damage damage, int[] counts) throws IOException {
        List<String> warnings = new ArrayList<>();
        reader.onWarning(warnings::add);
        while (true) {
            Optional<WarcRecord> next;
            try {
                next = reader.next();
            } catch (IOException | RuntimeException e) {
                // jwarc reads a record's length and block digest with sole() and parses the digest as it reads: a
                // repeated Content-Length or an unparsable digest throws mid-record, after which the reader's place
                // is unknown; reading goes on at the next record start found.
                damage.add(reader.position(), e);
                return RecordStarts.next(channel, reader.position() + 1, gzip);
            }
            if (next.isEmpty()) {
                return -1;
            }
            Recorded r = importRecord(file, reader.position(), next.get(), fileItem.id(), warnings);
            warnings.clear();
            counts[0]++;
            progress.advance(1);
            counts[1] += noteMismatches(file, r);
            if (r.fault().isPresent()) {
                damage.add(r.offset(), r.fault().get());
                return RecordStarts.next(channel, r.offset() + 1, gzip);
            }
        }
    }

    /** Tells of each digest that does not match, on the item (its metadata has them all) and in the custody log. */
    private int noteMismatches(Path file, Recorded r) throws IOException {
        int n = 0;
        for (Map.Entry<String, DigestCheck> e : r.checks().entrySet()) {
            DigestCheck check = e.getValue();
            if (check.mismatch()) {
                n++;
                sink.noted(r.item().item().source(), e.getKey() + " mismatch in " + file + " at byte offset "
                        + r.offset() + ": declared " + check.declared() + ", computed " + check.computed()
                        + "; the record is kept as item " + r.item().id());
            }
        }
        return n;
    }

    /**
     * A reader of the file from {@code start}, or null when none can start there: jwarc reads the first bytes to
     * tell a gzipped file from a plain one and throws {@code EOFException} when there are fewer (found by fuzzing),
     * and a gzip header it cannot inflate throws too. Lenient, as warcio is: header lines may end in CR CR LF.
     */
    private static WarcReader reader(FileChannel channel, long start, Damage damage) throws IOException {
        try {
            WarcReader reader = new WarcReader(channel);
            reader.setLenient(true);
            reader.calculateBlockDigest();
            return reader;
        } catch (EOFException tooShort) {
            damage.add(start, new IOException(start == 0 ? "too short to be a WARC file" : "cut short", tooShort));
            return null;
        } catch (IOException | RuntimeException unreadable) {
            damage.add(start, unreadable);
            return null;
        }
    }

    private record Recorded(StoredItem item, long offset, Map<String, DigestCheck> checks,
                            Optional<IOException> fault) {
    }

    private StoredItem storeFile(Path file) throws IOException {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("name", file.getFileName().toString());
        meta.put("role", "WARC file as received, before its records were imported");
        NewItem item = NewItem.of("file", file.toAbsolutePath().toString(), clock.instant(), WarcCollector.ID,
                "application/warc", null, meta).with(new FileFacts(file.toAbsolutePath().toString(),
                Files.getLastModifiedTime(file).toInstant().toString()));
        try (InputStream in = Files.newInputStream(file)) {
            return sink.store(item, in);
        }
    }

    private Recorded importRecord(Path file, long offset, WarcRecord record, long parentId, List<String> warnings)
            throws IOException {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("warcFile", file.getFileName().toString());
        meta.put("offset", offset);
        // A record without a WARC-Type or WARC-Record-ID is damaged, not unreadable: it is kept, and the lack shows.
        LenientHeaders fields = new LenientHeaders(record);
        fields.type().ifPresent(type -> meta.put("type", type));
        record.headers().first("WARC-Record-ID").ifPresent(id -> meta.put("recordId", id));
        meta.put("headers", pairs(record.headers().map()));
        if (!warnings.isEmpty()) {
            meta.put("readerWarnings", List.copyOf(warnings));
        }
        String contentType = fields.contentType().map(Object::toString).orElse(null);
        Map<String, DigestCheck> checks = new LinkedHashMap<>();
        StoredBlob blob;
        SalvagingStream source;
        if (record instanceof WarcResponse response && fields.isHttp()) {
            HttpResponse http;
            try {
                http = response.http();
            } catch (IOException notHttp) {
                http = null;
                meta.put("httpParseError", String.valueOf(notHttp.getMessage()));
            }
            if (http != null) {
                meta.put("stored", "payload");
                Map<String, Object> status = new LinkedHashMap<>(); // a status line may lack its reason (null)
                status.put("status", http.status());
                status.put("reason", http.reason());
                status.put("headers", pairs(http.headers().map()));
                meta.put("http", status);
                contentType = http.headers().first("Content-Type").orElse(null);
                Optional<WarcDigest> declared = fields.payloadDigest();
                Optional<MessageDigest> digester = DigestCheck.digester(declared);
                source = new SalvagingStream(http.body().stream());
                InputStream in = digester.<InputStream>map(d -> new DigestInputStream(source, d)).orElse(source);
                blob = sink.storeBlob(in, Long.MAX_VALUE);
                checks.put("WARC-Payload-Digest", payloadCheck(record, fields, declared, digester, source));
            } else {
                meta.put("stored", "rest of block after an unreadable HTTP header");
                source = new SalvagingStream(record.body().stream());
                blob = sink.storeBlob(source, Long.MAX_VALUE);
            }
        } else {
            // Every other record's payload is its block, an HTTP request's its body after the header (as warcio
            // and jwarc compute WARC-Payload-Digest): digested as the block is stored, so each digest is checked.
            meta.put("stored", "block");
            source = new SalvagingStream(record.body().stream());
            Optional<WarcDigest> declared = fields.payloadDigest();
            Optional<MessageDigest> digester = DigestCheck.digester(declared);
            InputStream in = source;
            if (digester.isPresent()) {
                in = fields.isHttp() ? new HttpPayloadDigest(source, digester.get())
                        : new DigestInputStream(source, digester.get());
            }
            blob = sink.storeBlob(in, Long.MAX_VALUE);
            checks.put("WARC-Payload-Digest", payloadCheck(record, fields, declared, digester, source));
        }
        checks.put("WARC-Block-Digest", blockCheck(record, fields, source));
        Map<String, Object> digests = new LinkedHashMap<>();
        checks.forEach((name, check) -> digests.put(name, check.meta()));
        meta.put("digests", digests);
        source.fault().ifPresent(f -> meta.put("readError", "record cut short: " + f.getMessage()));
        if (!fields.faults().isEmpty()) {
            meta.put("headerFaults", fields.faults());
        }

        Optional<String> target = record instanceof WarcTargetRecord ? fields.target() : Optional.empty();
        String itemSource = target.orElse(file.toAbsolutePath() + "#" + offset);
        Instant date = record.headers().first("WARC-Date").isPresent() ? safeDate(record) : clock.instant();
        NewItem item = NewItem.of(WarcCollector.KIND, itemSource, date, WarcCollector.ID, contentType, parentId,
                meta);
        return new Recorded(sink.record(item, blob), offset, checks, source.fault());
    }

    private static DigestCheck payloadCheck(WarcRecord record, LenientHeaders fields, Optional<WarcDigest> declared,
                                            Optional<MessageDigest> digester, SalvagingStream source) {
        if (declared.isEmpty()) {
            return DigestCheck.absent(record, "WARC-Payload-Digest");
        }
        // A revisit's payload digest names the payload of the record it revisits, which it does not hold.
        if (digester.isEmpty() || source.fault().isPresent() || fields.type().filter("revisit"::equals).isPresent()) {
            return DigestCheck.unchecked(declared.get());
        }
        return DigestCheck.of(declared.get(), new WarcDigest(digester.get()));
    }

    private static DigestCheck blockCheck(WarcRecord record, LenientHeaders fields, SalvagingStream source)
            throws IOException {
        Optional<WarcDigest> declared = fields.blockDigest();
        if (declared.isEmpty()) {
            return DigestCheck.absent(record, "WARC-Block-Digest");
        }
        if (source.fault().isPresent()) {
            return DigestCheck.unchecked(declared.get());
        }
        Optional<WarcDigest> computed;
        try {
            computed = record.calculatedBlockDigest();
        } catch (IOException cutShort) {
            return DigestCheck.unchecked(declared.get());
        }
        return computed.map(c -> DigestCheck.of(declared.get(), c)).orElse(DigestCheck.unchecked(declared.get()));
    }

    private Instant safeDate(WarcRecord record) {
        try {
            return record.date();
        } catch (RuntimeException unparsable) {
            return clock.instant();
        }
    }

    private static List<List<String>> pairs(Map<String, List<String>> headers) {
        List<List<String>> out = new ArrayList<>();
        headers.forEach((name, values) -> values.forEach(v -> out.add(List.of(name, v))));
        return out;
    }
}
