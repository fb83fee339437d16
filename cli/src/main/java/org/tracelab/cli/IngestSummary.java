package org.tracelab.cli;

import org.tracelab.core.ingest.IngestReport;

/** The one line that says what an ingest or reindex run did. */
final class IngestSummary {
    private IngestSummary() {
    }

    static String of(IngestReport r) {
        StringBuilder sb = new StringBuilder("extracted text of ").append(r.extracted()).append(" item")
                .append(r.extracted() == 1 ? "" : "s");
        if (r.failed() > 0) {
            sb.append(" (").append(r.failed()).append(" failed or cut; see 'tracelab show ID')");
        }
        if (r.members() > 0) {
            sb.append(", ").append(r.members()).append(" archive member").append(r.members() == 1 ? "" : "s")
                    .append(" stored as items");
        }
        sb.append(", ").append(r.entities()).append(" entit").append(r.entities() == 1 ? "y" : "ies").append(" found; ")
                .append(r.indexed()).append(" item").append(r.indexed() == 1 ? "" : "s").append(" in the index");
        if (r.rebuilt()) {
            sb.append(" (rebuilt)");
        }
        if (r.unreadable() > 0) {
            sb.append("; ").append(r.unreadable()).append(" stored texts could not be read (run 'tracelab verify')");
        }
        return sb.toString();
    }
}
