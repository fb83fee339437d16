package org.tracelab.core.ingest;

/**
 * What one ingest or reindex run did.
 *
 * @param extracted items whose text was extracted in this run
 * @param failed    of those, items whose extraction failed or was cut (each marked and logged)
 * @param members   archive members and attachments stored as new items
 * @param entities  entity mentions found
 * @param indexed   items in the index at the end
 * @param rebuilt   true when the index was rebuilt from the stored texts
 * @param unreadable stored texts that could not be read back while rebuilding (run verify)
 * @param ocrRead   items some of whose text OCR read
 * @param ocrNote   the one line saying that OCR was skipped or read fewer languages than asked, and what to install
 */
public record IngestReport(long extracted, long failed, long members, long entities, long indexed, boolean rebuilt,
                           long unreadable, long ocrRead, java.util.Optional<String> ocrNote) {
    public IngestReport {
        if (extracted < 0 || failed < 0 || members < 0 || entities < 0 || indexed < 0 || unreadable < 0
                || ocrRead < 0) {
            throw new IllegalArgumentException("negative count in ingest report");
        }
        java.util.Objects.requireNonNull(ocrNote, "ocrNote");
    }
}
