package org.tracelab.collectors.warc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * Where reading a damaged WARC file can go on: the next place after a fault where a record may start, a gzip member
 * header in a gzipped file, a {@code WARC/1.} version line in a plain one. So a record cut short or corrupt in the
 * middle of a file costs that record, not every record after it. A payload that happens to hold such bytes may be
 * read as a record; only damaged files are searched this way.
 */
final class RecordStarts {
    private static final byte[] GZIP = {0x1f, (byte) 0x8b, 0x08};
    private static final byte[] PLAIN = "\nWARC/1.".getBytes(StandardCharsets.US_ASCII);
    private static final int CHUNK = 1 << 16;

    private RecordStarts() {
    }

    /** Whether the file starts as a gzip member does. */
    static boolean gzipped(FileChannel channel) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(2);
        while (head.hasRemaining() && channel.read(head, head.position()) > 0) {
            // read until two bytes or the end
        }
        return head.position() == 2 && head.get(0) == GZIP[0] && head.get(1) == GZIP[1];
    }

    /** The first place at or after {@code from} where a record may start, or -1 when there is none. */
    static long next(FileChannel channel, long from, boolean gzip) throws IOException {
        byte[] pattern = gzip ? GZIP : PLAIN;
        int lead = gzip ? 0 : 1; // the plain pattern starts with the line end before the record
        long size = channel.size();
        ByteBuffer buf = ByteBuffer.allocate(CHUNK + pattern.length);
        for (long at = Math.max(0, from - lead); at < size; at += CHUNK) {
            buf.clear();
            while (buf.hasRemaining() && channel.read(buf, at + buf.position()) > 0) {
                // fill the window, or stop at the end of the file
            }
            byte[] b = buf.array();
            int n = buf.position();
            for (int i = 0; i + pattern.length <= n && i < CHUNK; i++) {
                if (matches(b, i, pattern) && at + i + lead >= from) {
                    return at + i + lead;
                }
            }
        }
        return -1;
    }

    private static boolean matches(byte[] b, int i, byte[] pattern) {
        for (int k = 0; k < pattern.length; k++) {
            if (b[i + k] != pattern[k]) {
                return false;
            }
        }
        return true;
    }
}
