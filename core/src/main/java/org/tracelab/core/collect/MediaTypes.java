package org.tracelab.core.collect;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.apache.tika.detect.TextDetector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;

/**
 * The media type of bytes that came with no Content-Type of their own (local files): Tika's magic numbers and
 * file-name patterns, without its parsers, so an import does not load what extraction needs.
 */
public final class MediaTypes {
    /** How much of a file Tika's magic reads ({@code MimeTypes.getMinLength()}), so the same bytes are looked at. */
    static final int HEADER_BYTES = 64 * 1024;
    /**
     * The types whose magic match Tika's loop looks into further (an XML root, an HTML magic), so that only Tika
     * tells what they become.
     */
    static final Set<String> XML_ROOTED = Set.of("application/xml", "text/html");

    private MediaTypes() {
    }

    /**
     * The media type of the stream's first bytes and {@code fileName}, e.g. {@code text/plain} or
     * {@code application/pdf}; {@code application/octet-stream} when neither tells.
     *
     * @param in a stream that supports mark and reset; it is read a little and reset, not closed
     * @param fileName the name the bytes had, or null
     * @throws IOException when reading the stream fails
     */
    public static String detect(InputStream in, String fileName) throws IOException {
        if (!in.markSupported()) {
            throw new IllegalArgumentException("detecting a media type needs a stream that supports mark and reset");
        }
        in.mark(HEADER_BYTES);
        byte[] header;
        try {
            header = in.readNBytes(HEADER_BYTES);
        } finally {
            in.reset();
        }
        return detect(header, fileName);
    }

    /** The media type of a file whose first {@link #HEADER_BYTES} bytes (or all, if shorter) are {@code header}. */
    static String detect(byte[] header, String fileName) throws IOException {
        if (PlainHtmlPage.named(fileName) && PlainHtmlPage.is(header)) {
            // Most pages a lab imports are plain HTML: told without Tika's magics, with the answer Tika's magic would
            // give (PlainHtmlPage says why).
            return "text/html";
        }
        List<String> magic = TikaMagics.table().flatMap(t -> t.magicTypes(header)).orElse(null);
        if (magic == null || magic.size() == 1 && XML_ROOTED.contains(magic.get(0))) {
            return tika(header, fileName);
        }
        MimeTypes types = MimeTypes.getDefaultMimeTypes();
        if (magic.isEmpty() || header.length == 0) {
            return named(fromText(header, types), fileName, types).toString();
        }
        try {
            return named(types.forName(magic.get(0)).getType(), fileName, types).toString();
        } catch (MimeTypeException e) {
            return tika(header, fileName); // a type Tika's table names but cannot parse: Tika decides
        }
    }

    /** Tika's own answer, for the bytes and name. */
    static String tika(byte[] header, String fileName) throws IOException {
        return MimeTypes.getDefaultMimeTypes().detect(new ByteArrayInputStream(header), nameHint(fileName))
                .toString();
    }

    /**
     * What Tika's magic loop gives bytes none of its magics match ({@code MimeTypes.getMimeType}): its text test's
     * {@code text/plain} or {@code application/octet-stream} ({@code application/octet-stream} for no bytes at all).
     */
    private static MediaType fromText(byte[] header, MimeTypes types) throws IOException {
        if (header.length == 0) {
            return MediaType.OCTET_STREAM;
        }
        MediaType text = new TextDetector(HEADER_BYTES).detect(new ByteArrayInputStream(header), new Metadata());
        try {
            return types.forName(text.toString()).getType();
        } catch (MimeTypeException e) {
            return MediaType.OCTET_STREAM; // as Tika falls back to its root type
        }
    }

    /**
     * What Tika's {@code MimeTypes.detect} answers when its magic loop gave one type: the name's type when that is
     * the same type or a kind of it (a {@code .csv} name's {@code text/csv} for text), else the type from the bytes.
     * The name's type is Tika's answer for the name alone, which also covers a name it cannot read or ignores.
     */
    private static MediaType named(MediaType fromBytes, String fileName, MimeTypes types) throws IOException {
        if (fileName == null) {
            return fromBytes;
        }
        MediaType fromName = types.detect(null, nameHint(fileName));
        boolean narrows = !fromName.equals(MediaType.OCTET_STREAM) && (fromName.equals(fromBytes)
                || types.getMediaTypeRegistry().isSpecializationOf(fromName, fromBytes));
        return narrows ? fromName : fromBytes;
    }

    private static Metadata nameHint(String fileName) {
        Metadata hint = new Metadata();
        if (fileName != null) {
            hint.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        return hint;
    }
}
