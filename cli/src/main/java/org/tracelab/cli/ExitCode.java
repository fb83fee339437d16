package org.tracelab.cli;

/** The exit codes of the command-line contract. */
public final class ExitCode {
    /** All went well. */
    public static final int OK = 0;
    /** A check ran and failed: verify found damage, a grade fell short. */
    public static final int CHECK_FAILED = 1;
    /** Bad usage or bad input. */
    public static final int BAD_INPUT = 2;
    /** Reading or writing, the network, or the case lock failed. */
    public static final int IO = 3;
    /** Only in the shell: the command was stopped with Ctrl-C (128 + SIGINT, as shells report it). */
    public static final int CANCELLED = 130;

    private ExitCode() {
    }
}
