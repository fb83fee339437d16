package org.tracelab.collectors.http;

import java.io.IOException;

/**
 * The network failed while a response body was being read (reset, stall, malformed chunk), as opposed to the
 * evidence store failing while writing it: the first skips one URL, the second ends the run.
 */
final class BodyReadException extends IOException {
    BodyReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
