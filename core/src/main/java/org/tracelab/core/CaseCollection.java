package org.tracelab.core;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.tracelab.core.collect.CaptureListener;
import org.tracelab.core.collect.CaptureSink;
import org.tracelab.core.collect.CollectionReport;
import org.tracelab.core.collect.CollectionRun;
import org.tracelab.core.collect.ProgressStages;
import org.tracelab.core.collect.StoredItem;
import org.tracelab.core.extract.OcrSettings;
import org.tracelab.core.ingest.IngestAhead;
import org.tracelab.core.ingest.IngestReport;
import org.tracelab.core.items.Tags;

/**
 * A collection run end to end, as the case's rule: its start logged with what was asked, every capture tagged as
 * asked in the capture's own commit group, its end logged with what it did (also when the collector fails; counted
 * once its last captures committed, so none is left out), then the new items ingested unless the run leaves that
 * for later ({@code reindex} extracts items never extracted).
 */
final class CaseCollection {
    private CaseCollection() {
    }

    static CollectionReport run(Case c, CollectionRun run, CaptureListener listener, ProgressStages stages,
                                OcrSettings ocr, boolean ingest) throws IOException {
        List<String> tags = run.tags().stream().map(Tags::checked).distinct().toList();
        String id = run.collector().id();
        Map<String, Object> logged = new LinkedHashMap<>();
        logged.put("targets", run.loggedTargets());
        logged.put("options", run.options());
        logged.put("tags", run.tags());
        // The ingest is readied first, so that what is captured is prepared while the collection goes on.
        try (IngestAhead ahead = ingest ? c.ingestAhead(ocr) : null) {
            Counts counts = new Counts(listener == null ? CaptureListener.NONE : listener,
                    ahead == null ? itemId -> { } : itemId -> c.prepareAhead(ahead, itemId));
            CaptureSink sink = c.startCapture(id, logged, tags, counts);
            try {
                run.collector().collect(run.request(stages.stage("collect " + id)), sink);
            } catch (IOException | RuntimeException e) {
                c.finishCapture(id, () -> counts.outcome(e.getMessage()));
                throw e;
            }
            c.finishCapture(id, () -> counts.outcome(null));
            Optional<IngestReport> ingested = ahead != null ? Optional.of(c.ingest(stages.stage("ingest"), ahead))
                    : Optional.empty();
            return new CollectionReport(counts.stored.get(), counts.bytes.get(), counts.failed.get(),
                    counts.skipped.get(), counts.rejected.get(), ingested);
        }
    }

    /** Counts what the run's captures came to, passing each event on. Called from collector threads. */
    private static final class Counts implements CaptureListener {
        private final CaptureListener next;
        private final LongConsumer captured;
        private final AtomicLong stored = new AtomicLong();
        private final AtomicLong bytes = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private final AtomicLong skipped = new AtomicLong();
        private final AtomicLong rejected = new AtomicLong();

        Counts(CaptureListener next, LongConsumer captured) {
            this.next = next;
            this.captured = captured;
        }

        @Override
        public void stored(StoredItem item) {
            stored.incrementAndGet();
            bytes.addAndGet(item.blob().size());
            captured.accept(item.id());
            next.stored(item);
        }

        @Override
        public void failed(String source, String reason) {
            failed.incrementAndGet();
            next.failed(source, reason);
        }

        @Override
        public void skipped(String source, String reason) {
            skipped.incrementAndGet();
            next.skipped(source, reason);
        }

        @Override
        public void rejected(String source, String reason) {
            rejected.incrementAndGet();
            next.rejected(source, reason);
        }

        @Override
        public void noted(String source, String reason) {
            next.noted(source, reason);
        }

        Map<String, Object> outcome(String error) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("stored", stored.get());
            o.put("bytes", bytes.get());
            o.put("failed", failed.get());
            o.put("skipped", skipped.get());
            if (rejected.get() > 0) {
                o.put("rejected", rejected.get());
            }
            if (error != null) {
                o.put("error", error);
            }
            return o;
        }
    }
}
