package org.tracelab.core;

/**
 * A failure Tracelab can explain in one line; {@link #failure()} tells the command line which exit code it means.
 * The message is made one line here, for every caller: it often quotes the input (a pack's value, a query's token,
 * a file name), which may hold line breaks or terminal escapes (control characters are written as escapes).
 */
public class TracelabException extends RuntimeException {
    /** What kind of failure, so the caller can choose an exit code without parsing messages. */
    public enum Failure {
        /** The user's input (argument, file, query, profile) is wrong. */
        BAD_INPUT,
        /** Reading or writing files, the database or the network failed. */
        IO,
        /** Another process holds the case for writing. */
        LOCKED,
        /** A check failed: the case does not verify, so what was asked of it is refused. */
        CHECK_FAILED,
        /** The person who started the work asked it to stop (Ctrl-C in the shell). */
        CANCELLED
    }

    private final Failure failure;

    public TracelabException(Failure failure, String message) {
        super(Printable.of(message));
        this.failure = failure;
    }

    public TracelabException(Failure failure, String message, Throwable cause) {
        super(Printable.of(message), cause);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }

    /** Bad input, naming the input and what is wrong with it. */
    public static TracelabException badInput(String input, String problem) {
        return new TracelabException(Failure.BAD_INPUT, input + ": " + problem);
    }

    /** An I/O failure, naming what was being read or written. */
    public static TracelabException io(String what, Throwable cause) {
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new TracelabException(Failure.IO, what + ": " + reason, cause);
    }

    /** The work on {@code what} stopped because the person who started it asked (Ctrl-C in the shell). */
    public static TracelabException cancelled(String what) {
        return new TracelabException(Failure.CANCELLED, what + ": cancelled (Ctrl-C); what the case recorded before"
                + " stays in it");
    }
}
