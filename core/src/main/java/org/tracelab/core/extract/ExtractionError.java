package org.tracelab.core.extract;

import java.util.Objects;

/** Why an extraction failed or was cut short, as a value the caller stores on the item instead of an exception. */
public record ExtractionError(Kind kind, String message) {
    /** The families of failure a caller may want to count or retry differently. */
    public enum Kind {
        /** The text reached the write limit; what was extracted before it is kept. */
        WRITE_LIMIT,
        /** The document took longer than the per-document time limit; the worker was killed. */
        TIMEOUT,
        /** The document unpacks to far more than it weighs (zip bomb) or nests too deep. */
        ZIP_BOMB,
        /** The document is encrypted and no password is known. */
        ENCRYPTED,
        /** The parser rejected the document (corrupt, truncated, unsupported). */
        PARSE_FAILED,
        /** The worker ran out of heap on this document and was restarted. */
        OUT_OF_MEMORY,
        /** The worker process died on this document and was restarted. */
        WORKER_CRASHED,
        /** The document could not be read from disk. */
        UNREADABLE
    }

    public ExtractionError {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        message = message.isBlank() ? kind.name().toLowerCase(java.util.Locale.ROOT) : message.strip();
    }

    /** True when some text or members were kept despite the problem (a cut, not a failure). */
    public boolean partial() {
        return kind == Kind.WRITE_LIMIT || kind == Kind.ZIP_BOMB;
    }
}
