package org.tracelab.collectors.http;

import java.util.Objects;

/**
 * Where a capture's response record lies: the WARC file relative to the case folder, the byte offset of the
 * (gzip member of the) record, its compressed length, and its {@code WARC-Record-ID}.
 */
public record WarcLocation(String file, long offset, long length, String recordId) {
    public WarcLocation {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(recordId, "recordId");
        if (offset < 0 || length <= 0) {
            throw new IllegalArgumentException("bad WARC extent " + offset + "+" + length + " in " + file);
        }
    }
}
