package org.tracelab.collectors.warc;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Ends, instead of failing, when the stream beneath it breaks (a WARC cut short, a corrupt gzip member), so the
 * bytes read until then can still be stored: from a damaged WARC, what could be read is evidence too. The fault is
 * kept for the caller to report. Closing it does not close the stream beneath, which the WARC reader owns.
 */
final class SalvagingStream extends FilterInputStream {
    private IOException fault;

    SalvagingStream(InputStream in) {
        super(in);
    }

    /** The failure that ended the stream early, if one did. */
    Optional<IOException> fault() {
        return Optional.ofNullable(fault);
    }

    @Override
    public int read() throws IOException {
        if (fault != null) {
            return -1;
        }
        try {
            return super.read();
        } catch (IOException e) {
            fault = e;
            return -1;
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (fault != null) {
            return -1;
        }
        try {
            return super.read(b, off, len);
        } catch (IOException e) {
            fault = e;
            return -1;
        }
    }

    @Override
    public void close() {
        // the WARC reader owns the stream beneath
    }
}
