package org.tracelab.core;

/**
 * Whether the person at the terminal has asked the work in hand to stop (Ctrl-C in the shell). Long work asks it
 * only where stopping leaves the case as it was: between searches' document blocks, between items.
 */
@FunctionalInterface
public interface Cancellation {
    /** Never asked to stop: a one-shot command, which Ctrl-C ends with its process. */
    Cancellation NONE = () -> false;

    /** True once stopping has been asked for. */
    boolean requested();

    /** Throws {@link TracelabException.Failure#CANCELLED} when stopping has been asked for. */
    default void check(String what) {
        if (requested()) {
            throw TracelabException.cancelled(what);
        }
    }
}
