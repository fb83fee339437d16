package org.tracelab.samples.classroom;

/**
 * A hand-in the class service will not take, with the HTTP status it answers and the reason in one line.
 */
public final class HandinRefused extends Exception {
    private final int status;

    /** Refuses with {@code status} (a 4xx) and {@code reason}. */
    public HandinRefused(int status, String reason) {
        super(reason);
        if (status < 400 || status > 499) {
            throw new IllegalArgumentException("a refusal is a 4xx, not " + status);
        }
        this.status = status;
    }

    /** The HTTP status: 400 malformed, 403 unknown code, 413 too large, 422 unsafe archive, 429 too often. */
    public int status() {
        return status;
    }
}
