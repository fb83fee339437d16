package org.tracelab.core;

import java.io.IOException;

/**
 * Takes the records of a walk through a case, one at a time: its items ({@link Case#forEachItem}) or its custody
 * entries ({@link Case#forEachCustodyEntry}). Exports write each record as it comes, so a sink may fail with the
 * writer's IOException; that ends the walk and reaches the walk's caller as it was thrown.
 */
@FunctionalInterface
public interface RecordSink<T> {
    /** Takes the next record. */
    void accept(T record) throws IOException;
}
