package org.tracelab.core.collect;

import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MimeTypes;

/**
 * The media type of bytes that came with no Content-Type of their own (local files): Tika's magic numbers and
 * file-name patterns, without its parsers, so an import does not load what extraction needs.
 */
public final class MediaTypes {
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
        if (PlainHtmlPage.named(fileName)) {
            // Most pages a lab imports are plain HTML: told from their first bytes without Tika's ~850 magics, with
            // the answer Tika's magic would give (PlainHtmlPage says why).
            in.mark(PlainHtmlPage.HEADER_BYTES);
            byte[] header;
            try {
                header = in.readNBytes(PlainHtmlPage.HEADER_BYTES);
            } finally {
                in.reset();
            }
            if (PlainHtmlPage.is(header)) {
                return "text/html";
            }
        }
        Metadata hint = new Metadata();
        if (fileName != null) {
            hint.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        return MimeTypes.getDefaultMimeTypes().detect(in, hint).toString();
    }
}
