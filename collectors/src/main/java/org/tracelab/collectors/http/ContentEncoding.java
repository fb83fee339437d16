package org.tracelab.collectors.http;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Undoes a response's {@code Content-Encoding} so its content can be read (links, ads, feeds, sitemaps); the stored
 * body stays exactly as received. Tracelab asks for no encoding, but some servers compress whatever is asked.
 * Decoding is bounded and lenient: at most the capture's byte limit comes out, and damaged compressed data ends the
 * content where the damage starts instead of failing the run.
 */
final class ContentEncoding {
    private ContentEncoding() {
    }

    /**
     * The content of {@code body}, decoded from {@code encoding} (gzip, x-gzip or deflate; null, identity or an
     * encoding the JDK cannot undo, such as br, leaves the bytes as they are).
     */
    static InputStream decode(InputStream body, String encoding, long maxBytes) throws IOException {
        if (encoding == null) {
            return body;
        }
        InputStream decoded;
        try {
            decoded = switch (encoding.strip().toLowerCase(Locale.ROOT)) {
                case "gzip", "x-gzip" -> new GZIPInputStream(body);
                case "deflate" -> new InflaterInputStream(body);
                default -> null;
            };
        } catch (ZipException | EOFException notCompressed) {
            // Says gzip, is not: nothing of it can be read as content. The raw bytes are evidence all the same.
            body.close();
            return InputStream.nullInputStream();
        }
        return decoded == null ? body : new Bounded(decoded, maxBytes);
    }

    /** Ends at {@code limit} bytes or at damage in the compressed data, whichever comes first. */
    private static final class Bounded extends FilterInputStream {
        private long left;

        Bounded(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            try {
                int n = in.read(b, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            } catch (ZipException | EOFException damaged) {
                left = 0;
                return -1;
            }
        }

        @Override
        public long skip(long n) throws IOException {
            return super.skip(Math.min(n, Math.max(left, 0)));
        }
    }
}
