package org.tracelab.cli;

import org.tracelab.core.Cancellation;

/** Ctrl-C in the shell while a command runs: asks that command to stop, and is cleared before the next one. */
final class Interruption implements Cancellation {
    private volatile boolean requested;

    void request() {
        requested = true;
    }

    void clear() {
        requested = false;
    }

    @Override
    public boolean requested() {
        return requested;
    }
}
