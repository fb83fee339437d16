package org.tracelab.core.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTruncationReason;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;
import org.tracelab.core.Hashing;
import org.tracelab.core.ToolVersion;
import org.tracelab.core.collect.Header;
import org.tracelab.core.collect.HttpExchange;
import org.tracelab.core.collect.StoredBlob;
import org.tracelab.core.collect.WarcLocation;
import org.tracelab.core.collect.WarcMetadata;
import org.tracelab.core.collect.WarcResource;
import org.tracelab.core.custody.WarcSeal;

/**
 * The case's WARC files (ISO 28500) under its {@code warc/} folder: a {@code request} and a {@code response} record
 * per exchange, each gzipped on its own so a record's offset can be seeked to, with SHA-256 block and payload
 * digests. A file is started on the first record after {@link #close} (each collection run writes its own files)
 * and a new one past {@link #DEFAULT_ROTATE_BYTES}. Shared by a run's threads; records of one exchange are written
 * together, and forced to disk by {@link #sync} before the items that refer to them are committed. Only the case
 * writes here: collectors hand their exchanges to their capture sink.
 */
public final class WarcArchive implements AutoCloseable {
    /** Files are rotated once they reach this size. */
    public static final long DEFAULT_ROTATE_BYTES = 1L << 30;

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS", Locale.ROOT).withZone(ZoneOffset.UTC);
    /**
     * Framing headers that no longer describe the stored payload: HttpClient removes the chunked transfer coding,
     * and a truncated body is shorter than its Content-Length. They are kept under this prefix so the record stays
     * readable by replay tools while nothing received is lost.
     */
    public static final String ORIGINAL_PREFIX = "X-Tracelab-Original-";

    private final Path caseDir;
    private final Path dir;
    private final Clock clock;
    private final long rotateBytes;
    /** Where the bodies are read from to be written: the case's own store, staged blobs too. */
    private final BlobStore blobs;
    private FileChannel channel;
    private WarcWriter writer;
    private String fileName;
    private int sequence;
    /** True when records were written since the last {@link #sync}. */
    private boolean unsynced;
    private final Sealer sealer;

    /** Hears of each file closed, with its length and hash, to log them; called holding no lock of the archive. */
    @FunctionalInterface
    public interface Sealer {
        void sealed(WarcSeal seal) throws IOException;
    }

    /**
     * An archive writing under {@code caseDir/warc}, reading bodies from {@code blobs}, telling {@code sealer} of
     * each file it closes.
     */
    public WarcArchive(Path caseDir, Clock clock, long rotateBytes, BlobStore blobs, Sealer sealer) {
        if (rotateBytes <= 0) {
            throw new IllegalArgumentException("rotateBytes must be positive: " + rotateBytes);
        }
        this.caseDir = caseDir;
        this.dir = caseDir.resolve("warc");
        this.clock = clock;
        this.rotateBytes = rotateBytes;
        this.blobs = blobs;
        this.sealer = sealer;
    }

    /** Writes one or more records to the current file, starting a new one first when due. */
    private interface Records {
        WarcLocation write() throws IOException;
    }

    /**
     * Runs {@code records} on the current file, rotating first when it is due; the file closed by a rotation is
     * sealed outside the archive's monitor, as logging the seal commits the case's group, which syncs this archive.
     */
    private WarcLocation append(Optional<String> userAgent, Records records) throws IOException {
        WarcSeal sealed = null;
        WarcLocation at;
        synchronized (this) {
            if (writer == null || writer.position() >= rotateBytes) {
                sealed = rotate(userAgent);
            }
            unsynced = true;
            at = records.write();
        }
        if (sealed != null) {
            sealer.sealed(sealed);
        }
        return at;
    }

    /**
     * Writes the request and response records of {@code x} and returns where they are. The records
     * are not yet forced to disk: {@link #sync} does that for every record written so far, and the capture sink
     * runs it before it commits the items that point to them.
     */
    public WarcLocation write(HttpExchange x) throws IOException {
        return append(x.http().requestHeaders().stream().filter(h -> h.name().equalsIgnoreCase("User-Agent"))
                .map(Header::value).findFirst(), () -> exchange(x));
    }

    /** Writes a {@code metadata} record and returns where it is; forced to disk like the others by {@link #sync}. */
    public WarcLocation write(WarcMetadata m) throws IOException {
        return append(Optional.empty(), () -> metadata(m));
    }

    /** Writes a {@code resource} record and returns where it is; forced to disk like the others by {@link #sync}. */
    public WarcLocation write(WarcResource r) throws IOException {
        return append(Optional.empty(), () -> resource(r));
    }

    private WarcLocation resource(WarcResource r) throws IOException {
        URI id = recordId();
        org.netpreserve.jwarc.WarcResource.Builder b = new org.netpreserve.jwarc.WarcResource.Builder(r.target())
                .recordId(id).date(r.date())
                // The block is the payload: both digests are the blob's own name.
                .setHeader("WARC-Block-Digest", "sha256:" + r.body().id().sha256())
                .setHeader("WARC-Payload-Digest", "sha256:" + r.body().id().sha256());
        if (r.concurrentTo() != null) {
            b.setHeader("WARC-Concurrent-To", "<" + r.concurrentTo() + ">");
        }
        try (InputStream body = blobs.open(r.body().id())) {
            org.netpreserve.jwarc.WarcResource record = b.body(MediaType.parse(r.contentType()),
                    Channels.newChannel(body), r.body().size()).build();
            long offset = writer.position();
            writer.write(record);
            return new WarcLocation(relativeName(), offset, writer.position() - offset, id.toString(), -1,
                    r.target().toString());
        }
    }

    private WarcLocation metadata(WarcMetadata m) throws IOException {
        URI id = recordId();
        org.netpreserve.jwarc.WarcMetadata record = new org.netpreserve.jwarc.WarcMetadata.Builder().recordId(id)
                .date(m.date()).targetURI(m.target()).fields(m.fields())
                .setHeader("WARC-Refers-To", "<" + m.refersTo() + ">").build();
        long offset = writer.position();
        writer.write(record);
        return new WarcLocation(relativeName(), offset, writer.position() - offset, id.toString(), -1);
    }

    /** Forces every record written so far to disk; a rotated file was forced when it was closed. */
    public void sync() throws IOException {
        FileChannel ch;
        synchronized (this) {
            if (!unsynced) {
                return;
            }
            unsynced = false;
            ch = channel;
        }
        if (ch == null) {
            return;
        }
        try {
            ch.force(false);
        } catch (ClosedChannelException rotated) {
            // closed by a rotation or by close(), both of which forced it to disk first
        } catch (IOException | RuntimeException e) {
            synchronized (this) {
                unsynced = true;
            }
            throw e;
        }
    }

    private WarcLocation exchange(HttpExchange x) throws IOException {
        URI responseId = recordId();
        byte[] requestHeader = requestHeader(x);
        long requestLength = requestHeader.length + (x.requestBody() == null ? 0 : x.requestBody().size());
        WarcRequest.Builder request = new WarcRequest.Builder(x.url())
                .recordId(recordId())
                .date(x.date())
                .concurrentTo(responseId)
                .setHeader("WARC-Block-Digest", "sha256:" + blockDigest(requestHeader, x.requestBody()));
        byte[] responseHeader = responseHeader(x);
        long blockLength = responseHeader.length + x.payload().size();
        WarcResponse.Builder response = new WarcResponse.Builder(x.url())
                .recordId(responseId)
                .date(x.date())
                .setHeader("WARC-Block-Digest", "sha256:" + blockDigest(responseHeader, x.payload()))
                .setHeader("WARC-Payload-Digest", "sha256:" + x.payload().id().sha256());
        if (x.http().ip() != null) {
            // A literal address, as the collector recorded it: parsed, never looked up.
            InetAddress ip = InetAddress.getByName(x.http().ip());
            request.ipAddress(ip);
            response.ipAddress(ip);
        }
        if (x.payload().truncated()) {
            response.truncated(WarcTruncationReason.LENGTH);
        }
        try (InputStream requestBlock = blockStream(requestHeader, x.requestBody());
             InputStream responseBlock = blockStream(responseHeader, x.payload())) {
            WarcRequest requestRecord = request.body(MediaType.HTTP_REQUEST, Channels.newChannel(requestBlock),
                    requestLength).build();
            WarcResponse record = response.body(MediaType.HTTP_RESPONSE, Channels.newChannel(responseBlock),
                    blockLength).build();
            long requestOffset = writer.position();
            writer.write(requestRecord);
            long offset = writer.position();
            writer.write(record);
            long length = writer.position() - offset;
            return new WarcLocation(relativeName(), offset, length, responseId.toString(), requestOffset);
        }
    }

    /** The current file's name relative to the case folder, with '/' on every platform: the case is portable. */
    private String relativeName() {
        return caseDir.relativize(dir.resolve(fileName)).toString().replace('\\', '/');
    }

    /** Closes the current file, if any, and starts the next; returns the closed file's seal. */
    private WarcSeal rotate(Optional<String> userAgent) throws IOException {
        WarcSeal sealed = closeCurrent();
        Files.createDirectories(dir);
        String stamp = STAMP.format(clock.instant());
        while (true) {
            String name = "tracelab-" + stamp + "-" + String.format(Locale.ROOT, "%05d", sequence++) + ".warc.gz";
            try {
                channel = FileChannel.open(dir.resolve(name), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                fileName = name;
                break;
            } catch (FileAlreadyExistsException taken) {
                // another run started in the same millisecond: take the next number
            }
        }
        writer = new WarcWriter(channel, WarcCompression.GZIP);
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("software", List.of("Tracelab/" + ToolVersion.version()));
        fields.put("format", List.of("WARC File Format 1.1"));
        fields.put("conformsTo", List.of("https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"));
        userAgent.ifPresent(ua -> fields.put("http-header-user-agent", List.of(ua)));
        fields.put("robots", List.of("see the custody log of the case"));
        writer.write(new Warcinfo.Builder().recordId(recordId()).date(clock.instant()).filename(fileName)
                .fields(fields).build());
        return sealed;
    }

    private static URI recordId() {
        return URI.create("urn:uuid:" + UUID.randomUUID());
    }

    private static byte[] requestHeader(HttpExchange x) {
        HttpRequest.Builder b = new HttpRequest.Builder(x.http().method(), requestTarget(x.url()));
        x.http().requestHeaders().forEach(h -> b.addHeader(h.name(), h.value()));
        return b.build().serializeHeader();
    }

    private static String requestTarget(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }

    private static byte[] responseHeader(HttpExchange x) {
        // HttpClient does not expose the reason phrase; HTTP/1.1 allows it to be empty, which beats inventing one.
        HttpResponse.Builder b = new HttpResponse.Builder(x.http().status(), "");
        for (Header h : x.http().headers()) {
            String name = h.name();
            boolean stale = name.equalsIgnoreCase("Transfer-Encoding")
                    || (x.payload().truncated() && name.equalsIgnoreCase("Content-Length"));
            b.addHeader(stale ? ORIGINAL_PREFIX + name : name, h.value());
        }
        return b.build().serializeHeader();
    }

    /** A record's block: its HTTP header, then the stored body, if any; the caller closes it. */
    private InputStream blockStream(byte[] header, StoredBlob body) throws IOException {
        InputStream head = new ByteArrayInputStream(header);
        return body == null ? head : new SequenceInputStream(head, blobs.open(body.id()));
    }

    /** The block digest needs the body read once more: the blob's hash covers the body only. */
    private String blockDigest(byte[] header, StoredBlob body) throws IOException {
        MessageDigest sha = Hashing.sha256();
        try (InputStream in = blockStream(header, body)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
            }
        }
        return hex(sha);
    }

    /**
     * Hex, the form the blob names use. jwarc's digest builders write padded base32, whose '=' is not allowed in a
     * WARC 1.1 token (its own validator says so), hence the headers are set as text.
     */
    private static String hex(MessageDigest sha) {
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Forces and closes the current file; returns its seal, or null when no file was open. */
    private WarcSeal closeCurrent() throws IOException {
        if (writer == null) {
            return null;
        }
        channel.force(true);
        unsynced = false;
        writer.close();
        writer = null;
        channel = null;
        return seal(dir.resolve(fileName));
    }

    /**
     * The closed file's length and hash, which the custody log records ({@code warc-sealed}) so that {@code verify}
     * notices any record appended or removed since: a file closed is never written again.
     */
    private WarcSeal seal(Path file) throws IOException {
        return WarcSeal.of(caseDir, file);
    }

    /** Closes the current file and has it sealed; the next record starts a new one. */
    @Override
    public void close() throws IOException {
        WarcSeal sealed;
        synchronized (this) {
            sealed = closeCurrent();
        }
        if (sealed != null) {
            sealer.sealed(sealed);
        }
    }
}
