package org.tracelab.core.imagehash;

import java.util.Objects;

/**
 * A picture that is not hashed, and why: too large to decode within the limits, damaged, or in a format no decoder
 * reads. Recorded with the item so that the refusal is evidence too.
 */
public final class ImageRefused extends Exception {
    /** What kind of refusal, as the case records it. */
    public enum Kind {
        /** Its header names more pixels than the limit; nothing was decoded. */
        TOO_LARGE,
        /** A decoder read it and failed or warned: truncated, corrupt. */
        DAMAGED,
        /** No decoder reads this format (e.g. a vector picture, or not a picture at all). */
        UNSUPPORTED
    }

    private final Kind kind;

    public ImageRefused(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public ImageRefused(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** The kind of refusal. */
    public Kind kind() {
        return kind;
    }
}
