package org.tracelab.core.collect;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
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
        if (TikaMagics.table().map(t -> !t.mayMatch(header)).orElse(false)) {
            return withoutMagic(header, fileName).toString();
        }
        return tika(header, fileName);
    }

    /** Tika's own answer, for the bytes and name. */
    static String tika(byte[] header, String fileName) throws IOException {
        return MimeTypes.getDefaultMimeTypes().detect(new ByteArrayInputStream(header), nameHint(fileName))
                .toString();
    }

    /**
     * What Tika answers for bytes none of its magics match ({@code MimeTypes.detect} and {@code getMimeType}): its
     * text test's {@code text/plain} or {@code application/octet-stream} ({@code application/octet-stream} for no
     * bytes at all), or the name's type when that is the same type or a kind of it (a {@code .csv} name's
     * {@code text/csv} for text). The name's type is Tika's answer for the name alone, which also covers a name it
     * cannot read or ignores.
     */
    private static MediaType withoutMagic(byte[] header, String fileName) throws IOException {
        MimeTypes types = MimeTypes.getDefaultMimeTypes();
        MediaType fromBytes = MediaType.OCTET_STREAM;
        if (header.length > 0) {
            MediaType text = new TextDetector(HEADER_BYTES).detect(new ByteArrayInputStream(header), new Metadata());
            try {
                fromBytes = types.forName(text.toString()).getType();
            } catch (MimeTypeException e) {
                fromBytes = MediaType.OCTET_STREAM; // as Tika falls back to its root type
            }
        }
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
