package org.tracelab.cli;

import org.tracelab.core.collect.Progress;
import org.tracelab.core.collect.ProgressStages;

/** One progress bar per stage of a long command, each line ended when the next stage starts. */
final class StagedBars implements ProgressStages, AutoCloseable {
    private final Output out;
    private ProgressBar current;

    StagedBars(Output out) {
        this.out = out;
    }

    @Override
    public synchronized Progress stage(String name) {
        close();
        current = out.progress(name);
        return current;
    }

    /** Ends the last stage's bar. */
    @Override
    public synchronized void close() {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
