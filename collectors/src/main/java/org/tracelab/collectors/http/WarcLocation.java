package org.tracelab.collectors.http;

import java.util.Objects;

/**
 * Where a capture's records lie: the WARC file relative to the case folder, the byte offset of the (gzip member of
 * the) response record, its compressed length, its {@code WARC-Record-ID}, and the byte offset of the request record,
 * which is written just before the response and so ends where the response begins.
 */
public record WarcLocation(String file, long offset, long length, String recordId, long requestOffset) {
    public WarcLocation {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(recordId, "recordId");
        if (offset < 0 || length <= 0 || requestOffset < 0 || requestOffset >= offset) {
            throw new IllegalArgumentException("bad WARC extent " + requestOffset + ", " + offset + "+" + length
                    + " in " + file);
        }
    }
}
