package org.tracelab.core.verify;

import java.util.List;

/**
 * What {@code verify} checked and what it found.
 *
 * @param items      items checked
 * @param blobs      distinct blobs re-hashed
 * @param bytes      bytes re-hashed
 * @param logEntries custody entries walked
 * @param problems   everything found wrong, in the order found
 */
public record VerifyReport(long items, long blobs, long bytes, long logEntries, List<Problem> problems) {
    public VerifyReport {
        problems = List.copyOf(problems);
    }

    public boolean holds() {
        return problems.isEmpty();
    }
}
