package org.tracelab.collectors.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
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
import org.tracelab.core.custody.WarcSeal;

/**
 * The WARC files (ISO 28500) of one run under the case's {@code warc/} folder: a {@code request} and a
 * {@code response} record per exchange, each gzipped on its own so a record's offset can be seeked to, with SHA-256
 * block and payload digests. A new file is started past {@link #DEFAULT_ROTATE_BYTES}. Shared by the run's
 * threads; records of one exchange are written together, and forced to disk by {@link #sync} before the items
 * that refer to them are committed.
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
    static final String ORIGINAL_PREFIX = "X-Tracelab-Original-";

    private final Path caseDir;
    private final Path dir;
    private final Clock clock;
    private final long rotateBytes;
    private final Sealer sealer;
    private FileChannel channel;
    private WarcWriter writer;
    private String fileName;
    private int sequence;
    /** True when records were written since the last {@link #sync}. */
    private boolean unsynced;

    /** Hears of each file closed, with its length and hash, to log them; called holding no lock of the archive. */
    @FunctionalInterface
    public interface Sealer {
        void sealed(WarcSeal seal) throws IOException;
    }

    /** An archive writing under {@code caseDir/warc}, telling {@code sealer} of each file it closes. */
    public WarcArchive(Path caseDir, Clock clock, long rotateBytes, Sealer sealer) {
        if (rotateBytes <= 0) {
            throw new IllegalArgumentException("rotateBytes must be positive: " + rotateBytes);
        }
        this.caseDir = caseDir;
        this.dir = caseDir.resolve("warc");
        this.clock = clock;
        this.rotateBytes = rotateBytes;
        this.sealer = sealer;
    }

    /**
     * Writes the request and response records of {@code x} and returns where they are. The records
     * are not yet forced to disk: {@link #sync} does that for every record written so far, and the capture sink
     * runs it before it commits the items that point to them.
     */
    WarcLocation write(Exchange x) throws IOException {
        WarcSeal sealed = null;
        WarcLocation at;
        synchronized (this) {
            if (writer == null || writer.position() >= rotateBytes) {
                sealed = rotate();
            }
            unsynced = true;
            at = append(x);
        }
        // Logged outside the archive's monitor: logging commits the case's group, which syncs this archive.
        if (sealed != null) {
            sealer.sealed(sealed);
        }
        return at;
    }

    /** Forces every record written so far to disk; a rotated file was forced when it was closed. */
    void sync() throws IOException {
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

    private WarcLocation append(Exchange x) throws IOException {
        URI responseId = recordId();
        byte[] requestHeader = requestHeader(x);
        WarcRequest.Builder request = new WarcRequest.Builder(x.url())
                .recordId(recordId())
                .date(x.date())
                .concurrentTo(responseId)
                .setHeader("WARC-Block-Digest", "sha256:" + sha256(requestHeader))
                .body(MediaType.HTTP_REQUEST, requestHeader);
        byte[] responseHeader = responseHeader(x);
        long blockLength = responseHeader.length + x.payload().size();
        WarcResponse.Builder response = new WarcResponse.Builder(x.url())
                .recordId(responseId)
                .date(x.date())
                .setHeader("WARC-Block-Digest", "sha256:" + blockDigest(responseHeader, x))
                .setHeader("WARC-Payload-Digest", "sha256:" + x.payload().id().sha256());
        if (x.ip() != null) {
            request.ipAddress(x.ip());
            response.ipAddress(x.ip());
        }
        if (x.payload().truncated()) {
            response.truncated(WarcTruncationReason.LENGTH);
        }
        try (InputStream block = blockStream(responseHeader, x)) {
            WarcResponse record = response.body(MediaType.HTTP_RESPONSE, Channels.newChannel(block), blockLength)
                    .build();
            long requestOffset = writer.position();
            writer.write(request.build());
            long offset = writer.position();
            writer.write(record);
            long length = writer.position() - offset;
            return new WarcLocation(caseDir.relativize(dir.resolve(fileName)).toString().replace('\\', '/'), offset,
                    length, responseId.toString(), requestOffset);
        }
    }

    /** Closes the current file, if any, and starts the next; returns the closed file's seal. */
    private WarcSeal rotate() throws IOException {
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
        fields.put("http-header-user-agent", List.of(UserAgent.header()));
        fields.put("robots", List.of("see the custody log of the case"));
        writer.write(new Warcinfo.Builder().recordId(recordId()).date(clock.instant()).filename(fileName)
                .fields(fields).build());
        return sealed;
    }

    private static URI recordId() {
        return URI.create("urn:uuid:" + UUID.randomUUID());
    }

    private static byte[] requestHeader(Exchange x) {
        HttpRequest.Builder b = new HttpRequest.Builder("GET", x.requestTarget());
        x.requestHeaders().forEach(h -> b.addHeader(h.getKey(), h.getValue()));
        return b.build().serializeHeader();
    }

    private static byte[] responseHeader(Exchange x) {
        // HttpClient does not expose the reason phrase; HTTP/1.1 allows it to be empty, which beats inventing one.
        HttpResponse.Builder b = new HttpResponse.Builder(x.status(), "");
        for (Map.Entry<String, String> h : x.responseHeaders()) {
            String name = h.getKey();
            boolean stale = name.equalsIgnoreCase("Transfer-Encoding")
                    || (x.payload().truncated() && name.equalsIgnoreCase("Content-Length"));
            b.addHeader(stale ? ORIGINAL_PREFIX + name : name, h.getValue());
        }
        return b.build().serializeHeader();
    }

    private static InputStream blockStream(byte[] header, Exchange x) throws IOException {
        return new SequenceInputStream(new ByteArrayInputStream(header), x.payloadBytes().open());
    }

    /** The block digest needs the payload read once more: the blob's hash covers the payload only. */
    private static String blockDigest(byte[] header, Exchange x) throws IOException {
        MessageDigest sha = Hashing.sha256();
        try (InputStream in = blockStream(header, x)) {
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

    private static String sha256(byte[] bytes) {
        MessageDigest sha = Hashing.sha256();
        sha.update(bytes);
        return hex(sha);
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

    /** Closes the current file and logs its seal. */
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
