package org.tracelab.core.verify;

import java.util.List;

/**
 * What {@code verify} checked and what it found.
 *
 * @param items      items checked
 * @param blobs      distinct blobs re-hashed
 * @param bytes      bytes re-hashed (blobs and WARC files)
 * @param logEntries custody entries walked
 * @param warcFiles  WARC files checked
 * @param problems   everything found wrong, in the order found
 * @param gaps       what the case cannot prove (an older case's entries lack the hashes, a WARC file was never
 *                   sealed, a quick run skipped the WARC contents); these do not fail verification
 */
public record VerifyReport(long items, long blobs, long bytes, long logEntries, long warcFiles,
                           List<Problem> problems, List<String> gaps) {
    public VerifyReport {
        problems = List.copyOf(problems);
        gaps = List.copyOf(gaps);
    }

    public boolean holds() {
        return problems.isEmpty();
    }
}
