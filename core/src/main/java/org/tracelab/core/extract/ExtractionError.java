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
        UNREADABLE,
        /** The container holds more members than the limit; the rest were skipped. */
        MEMBER_LIMIT,
        /** The container sits deeper in containers than the limit; its members were not unpacked. */
        DEPTH_LIMIT,
        /** One member could not be read (encrypted, corrupt) and was skipped; the others were kept. */
        MEMBER_SKIPPED
    }

    public ExtractionError {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        message = message.isBlank() ? kind.name().toLowerCase(java.util.Locale.ROOT) : message.strip();
    }

    /** True when some text or members were kept despite the problem (a cut, not a failure). */
    public boolean partial() {
        return switch (kind) {
            case WRITE_LIMIT, ZIP_BOMB, MEMBER_LIMIT, DEPTH_LIMIT, MEMBER_SKIPPED -> true;
            default -> false;
        };
    }

    /** As the case records it: {@code kind} and {@code message}. */
    public java.util.Map<String, String> asMap() {
        return java.util.Map.of("kind", kind.name(), "message", message);
    }
}
