package org.tracelab.core.collect;

/**
 * Progress of work done in stages one after the other (capture, then ingest): a stage's progress starts when it is
 * asked for, and the stage before it ends then.
 */
@FunctionalInterface
public interface ProgressStages {
    /** Reports nothing. */
    ProgressStages NONE = stage -> Progress.NONE;

    /** The progress of the stage {@code name}, which starts now. */
    Progress stage(String name);
}
