package org.tracelab.core.collect;

import java.util.Objects;
import java.util.Optional;
import org.tracelab.core.ingest.IngestReport;

/**
 * What a collection run did: captures committed, their bytes, sources that failed or were skipped by the rules of
 * collection, inputs rejected as bad ({@link CaptureSink#rejected}), and the ingest that followed (none when the
 * run left it for later).
 */
public record CollectionReport(long stored, long bytes, long failed, long skipped, long rejected,
                               Optional<IngestReport> ingested) {
    public CollectionReport {
        if (stored < 0 || bytes < 0 || failed < 0 || skipped < 0 || rejected < 0) {
            throw new IllegalArgumentException("negative count in a collection report");
        }
        Objects.requireNonNull(ingested, "ingested");
    }
}
