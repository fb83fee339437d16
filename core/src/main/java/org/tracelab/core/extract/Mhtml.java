package org.tracelab.core.extract;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;

/**
 * A saved web page in MHTML ({@code multipart/related}, as Chrome's "Save as MHTML" and Internet Explorer write it):
 * its parts decoded from quoted-printable or base64 into files, the page's HTML part found, the rest (images, style
 * sheets, frames) kept as members. Read without Tika: the page part is then extracted like any page (main text,
 * charset, the identifiers of its markup), not as the MIME source around it.
 *
 * @param subject  the snapshot's {@code Subject} (Chrome writes the page's title there)
 * @param location the {@code Snapshot-Content-Location} (the page's URL), when given
 * @param page     the HTML part, or empty when the file has none
 * @param others   every other part, in order
 * @param skipped  parts past the limits of count or size, not spooled
 */
record Mhtml(Optional<String> subject, Optional<String> location, Optional<Part> page, List<Part> others,
             int skipped) {
    /** A name with one of these extensions is read as MHTML whatever its first bytes say. */
    static final List<String> EXTENSIONS = List.of("mht", "mhtml");
    /** The media type reported for a saved page. */
    static final String TYPE = "multipart/related";
    private static final int SNIFF_BYTES = 8192;
    private static final Pattern START = Pattern.compile("(?i)[;\\s]start\\s*=\\s*\"?<?([^\">;]+)>?\"?");

    /**
     * One part of the page, decoded.
     *
     * @param contentType its {@code Content-Type} header as written (a charset only when the part names one)
     * @param location    its {@code Content-Location} (a URL), or its {@code Content-ID}, or {@code part-N}
     * @param file        the decoded bytes
     * @param size        bytes in {@code file}
     */
    record Part(String contentType, String location, Path file, long size) {
        String mediaType() {
            return contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        }
    }

    Mhtml {
        others = List.copyOf(others);
    }

    /**
     * Whether the file is a saved page: named {@code .mht}/{@code .mhtml}, or served as {@code multipart/related},
     * or, when nothing declared a type, starting with MIME headers that say {@code multipart/related}.
     */
    static boolean looksLike(Path file, String name, Optional<String> declaredType) throws IOException {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        int q = n.indexOf('?');
        n = q >= 0 ? n.substring(0, q) : n;
        for (String ext : EXTENSIONS) {
            if (n.endsWith("." + ext)) {
                return true;
            }
        }
        if (declaredType.isPresent()) {
            // a web capture says what it is: most are pages, which are then not opened twice
            return declaredType.get().toLowerCase(Locale.ROOT).strip().startsWith(TYPE);
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        String s = new String(head, StandardCharsets.ISO_8859_1);
        int end = s.indexOf("\r\n\r\n");
        end = end < 0 ? s.indexOf("\n\n") : end;
        if (end < 0) {
            return false;
        }
        String headers = s.substring(0, end).toLowerCase(Locale.ROOT);
        // a MIME message's header, not a page that mentions multipart/related in its text
        return headers.contains("mime-version:") && headers.matches("(?s).*content-type:\\s*multipart/related.*");
    }

    /**
     * Reads {@code file} into parts decoded under {@code dir} (created), at most {@code maxParts} and
     * {@code maxBytes} of decoded bytes in all; the caller deletes the files.
     */
    static Mhtml read(Path file, Path dir, int maxParts, long maxBytes) throws IOException {
        Files.createDirectories(dir);
        MimeTokenStream tokens = new MimeTokenStream(MimeConfig.PERMISSIVE);
        String subject = null;
        String location = null;
        String start = null;
        List<Part> parts = new ArrayList<>();
        int skipped = 0;
        long spooled = 0;
        int depth = 0;
        String partType = null;
        String partLocation = null;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            tokens.parse(in);
            for (EntityState state = tokens.getState(); state != EntityState.T_END_OF_STREAM; state = tokens.next()) {
                switch (state) {
                    case T_START_BODYPART -> {
                        depth++;
                        partType = null;
                        partLocation = null;
                    }
                    case T_END_BODYPART -> depth--;
                    case T_FIELD -> {
                        Field f = tokens.getField();
                        String name = f.getName().toLowerCase(Locale.ROOT);
                        String body = f.getBody() == null ? "" : f.getBody().strip();
                        if (depth == 0) {
                            switch (name) {
                                case "subject" -> subject = DecoderUtil.decodeEncodedWords(body,
                                        DecodeMonitor.SILENT);
                                case "snapshot-content-location" -> location = body;
                                case "content-type" -> start = startOf(body);
                                default -> { }
                            }
                        } else if (name.equals("content-type")) {
                            partType = body;
                        } else if (name.equals("content-location")
                                || name.equals("content-id") && partLocation == null) {
                            partLocation = body;
                        }
                    }
                    case T_BODY -> {
                        if (depth == 0) {
                            break; // a message with no parts: not a saved page
                        }
                        if (parts.size() >= maxParts) {
                            skipped++;
                            break;
                        }
                        Path out = dir.resolve(String.format("%05d.part", parts.size()));
                        long size = copyWithin(tokens.getDecodedInputStream(), out, maxBytes - spooled);
                        if (size < 0) {
                            Files.deleteIfExists(out);
                            skipped++;
                            break;
                        }
                        spooled += size;
                        String type = partType == null || partType.isBlank() ? "text/plain" : partType;
                        String where = partLocation == null || partLocation.isBlank() ? "part-" + parts.size()
                                : partLocation;
                        parts.add(new Part(type, where, out, size));
                    }
                    default -> { }
                }
            }
        } catch (MimeException e) {
            throw new IOException("not readable as MIME: " + e.getMessage(), e);
        }
        Optional<Part> page = root(parts, start);
        List<Part> others = new ArrayList<>(parts);
        page.ifPresent(others::remove);
        return new Mhtml(Optional.ofNullable(subject).filter(x -> !x.isBlank()),
                Optional.ofNullable(location).filter(x -> !x.isBlank()), page, others, skipped);
    }

    /**
     * The page part of a saved page, decoded into its characters (its own charset, else its markup's), at most
     * {@code maxBytes} of it; empty when it has none. Reads the file again without keeping the other parts.
     */
    static Optional<String> pageHtml(Path file, long maxBytes) throws IOException {
        Path dir = Files.createTempDirectory("tracelab-mhtml-");
        try {
            Mhtml m = read(file, dir, Integer.MAX_VALUE, Long.MAX_VALUE);
            if (m.page().isEmpty()) {
                return Optional.empty();
            }
            Part p = m.page().get();
            byte[] bytes;
            try (InputStream in = Files.newInputStream(p.file())) {
                bytes = in.readNBytes((int) Math.min(maxBytes, Integer.MAX_VALUE - 8));
            }
            return Optional.of(new String(bytes, PageCharset.of(bytes, Optional.of(p.contentType())).charset()));
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /** The part the {@code start} parameter names, else the first HTML part. */
    private static Optional<Part> root(List<Part> parts, String start) {
        if (start != null) {
            for (Part p : parts) {
                if (p.location().replaceAll("[<>]", "").equals(start)) {
                    return Optional.of(p);
                }
            }
        }
        return parts.stream().filter(p -> p.mediaType().equals("text/html")
                || p.mediaType().equals("application/xhtml+xml")).findFirst();
    }

    private static String startOf(String contentType) {
        Matcher m = START.matcher(contentType);
        return m.find() ? m.group(1).strip() : null;
    }

    /** Copies at most {@code allowed} bytes; returns the size, or -1 when the part holds more. */
    private static long copyWithin(InputStream in, Path file, long allowed) throws IOException {
        long written = 0;
        byte[] buf = new byte[64 << 10];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int n; (n = in.read(buf)) != -1; ) {
                written += n;
                if (written > allowed) {
                    return -1;
                }
                out.write(buf, 0, n);
            }
        }
        return written;
    }
}
