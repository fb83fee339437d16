package org.tracelab.core.collect;

/** Hears of each capture as it is committed, e.g. to print it. Called from collector threads. */
public interface CaptureListener {
    CaptureListener NONE = new CaptureListener() {
    };

    default void stored(StoredItem item) {
    }

    default void failed(String source, String reason) {
    }

    default void skipped(String source, String reason) {
    }

    /** An input given to the run is itself bad; see {@link CaptureSink#rejected}. */
    default void rejected(String source, String reason) {
    }

    /** A finding about a kept capture; see {@link CaptureSink#noted}. */
    default void noted(String source, String reason) {
    }
}
