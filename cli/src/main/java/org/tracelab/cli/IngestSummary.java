package org.tracelab.cli;

import org.tracelab.core.ingest.IngestReport;

/** The one line that says what an ingest or reindex run did. */
final class IngestSummary {
    private IngestSummary() {
    }

    /** Prints the summary line and, on stderr, OCR's note when it has one (OCR skipped, languages missing). */
    static void print(IngestReport r, Output out) {
        out.info(of(r));
        r.ocrNote().ifPresent(note -> out.warn("tracelab: " + note));
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
        if (r.ocrRead() > 0) {
            sb.append("; text read by OCR in ").append(r.ocrRead()).append(" item").append(r.ocrRead() == 1 ? "" : "s");
        }
        if (r.unreadable() > 0) {
            sb.append("; ").append(r.unreadable()).append(" stored texts could not be read (run 'tracelab verify')");
        }
        return sb.toString();
    }
}
