package org.tracelab.collectors.warc;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Passes an HTTP message through unchanged and digests its payload: the bytes after the blank line that ends its
 * header (CR LF CR LF, or LF LF as lenient readers accept), which is what {@code WARC-Payload-Digest} covers for a
 * record holding an HTTP message. Closing it does not close the stream beneath.
 */
final class HttpPayloadDigest extends FilterInputStream {
    private final MessageDigest digest;
    /** The last four bytes of the header seen, to find its end. */
    private int tail;
    private boolean inPayload;

    HttpPayloadDigest(InputStream in, MessageDigest digest) {
        super(in);
        this.digest = digest;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            take((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        for (int i = 0; i < n; i++) {
            if (inPayload) {
                digest.update(b, off + i, n - i);
                break;
            }
            take(b[off + i]);
        }
        return n;
    }

    private void take(byte b) {
        if (inPayload) {
            digest.update(b);
            return;
        }
        tail = (tail << 8) | (b & 0xff);
        inPayload = tail == 0x0d0a0d0a || (tail & 0xffff) == 0x0a0a;
    }

    @Override
    public long skip(long n) throws IOException {
        // skipped bytes would not be digested
        long done = 0;
        while (done < n && read() >= 0) {
            done++;
        }
        return done;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() {
        // the WARC reader owns the stream beneath
    }
}
