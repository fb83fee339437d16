package org.tracelab.core.verify;

/** Hears how far verification is, e.g. to draw progress. */
public interface VerifyListener {
    VerifyListener NONE = new VerifyListener() {
    };

    /** Called once the number of bytes to re-hash is known. */
    default void started(long blobs, long bytes) {
    }

    /** Called after each blob is re-hashed. */
    default void blobChecked(long bytes) {
    }
}
