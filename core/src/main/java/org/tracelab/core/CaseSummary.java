package org.tracelab.core;

import java.util.Optional;
import org.tracelab.core.custody.CustodyEntry;

/**
 * Counts and facts for {@code case info}.
 *
 * @param items        items held
 * @param blobs        distinct blobs they refer to
 * @param capturedSize bytes captured, summed over items
 * @param diskSize     bytes the case folder takes on disk: its blobs as the database records them, every other file
 *                     as it is
 * @param logEntries   custody log entries
 * @param tags         tag assignments
 * @param notes        notes
 * @param lastEntry    the newest custody entry
 */
public record CaseSummary(CaseManifest manifest, long items, long blobs, long capturedSize, long diskSize,
                          long logEntries, long tags, long notes, Optional<CustodyEntry> lastEntry) {
}
