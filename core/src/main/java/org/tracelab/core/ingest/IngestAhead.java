package org.tracelab.core.ingest;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.tracelab.core.collect.Progress;
import org.tracelab.core.extract.TextExtractor;
import org.tracelab.core.index.CaseIndex;
import org.tracelab.core.items.Item;

/**
 * One ingest run's index, extractor and threads, readied before the run so that a collection's captures are
 * prepared (extracted, their entities found, their texts analysed) while the collection still captures: the
 * import keeps a core and a half busy, and the extraction worker's start, its first documents and the language
 * models' loading would otherwise come after it, with the preparers idle. Only preparing happens early; what the
 * run records, in the database and in the index, it records in item order after the capture ends, as without it.
 *
 * <p>Offered documents are taken while they fit what the run holds ahead ({@link Ingest#AHEAD_BYTES} of pages and
 * plain text, {@link Ingest#LOOKAHEAD} documents for the worker, {@link Ingest#MAX_AHEAD} in all); the rest are
 * left to the run. The run takes what was prepared into its own window as it reaches each item, so until then
 * these are held beside it: twice the window's bound at most, for the first documents of a run.
 */
public final class IngestAhead implements AutoCloseable {
    private final Ingest owner;
    private final CaseIndex index;
    private final Supplier<TextExtractor> starter;
    private final IngestThreads threads = new IngestThreads();
    private final ExecutorService preparers = threads.pool(Ingest.PREPARERS, "tracelab-ingest-prepare");
    private final ExecutorService worker = threads.pool(TextExtractor.WORKERS, "tracelab-ingest-prepare-worker");
    private final IndexingLane indexing;
    private final Map<Long, Ingest.Pending> offered = new ConcurrentHashMap<>();
    private TextExtractor extractor;
    private long bytes;
    private int forWorker;
    private boolean stopped;

    IngestAhead(Ingest owner, CaseIndex index, Supplier<TextExtractor> starter) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.index = Objects.requireNonNull(index, "index");
        this.starter = Objects.requireNonNull(starter, "starter");
        this.indexing = new IndexingLane(index, threads);
    }

    /**
     * Starts preparing item {@code id}, just captured, if it fits what is held ahead; reads the case, so the caller
     * holds it. Never fails: a document not taken here, for any reason, is prepared by the run.
     */
    public synchronized void offer(long id) {
        if (stopped || offered.size() >= Ingest.MAX_AHEAD) {
            return;
        }
        try {
            Optional<Item> item = owner.item(id);
            if (item.isEmpty()) {
                return;
            }
            Item i = item.get();
            boolean here = TextExtractor.likelyInProcess(Ingest.nameOf(i.source()), i.contentTypeIfKnown(),
                    i.size());
            if (here ? bytes + Math.max(1, i.size()) > Ingest.AHEAD_BYTES : forWorker >= Ingest.LOOKAHEAD) {
                return;
            }
            Ingest.Pending p = owner.submit(i, this, true);
            offered.put(id, p);
            if (p.here()) {
                bytes += p.weight();
            } else {
                forWorker++;
            }
        } catch (SQLException | RuntimeException e) {
            // Left to the run, which reports what goes wrong with the item.
        }
    }

    /**
     * Runs the ingest this readies: extracts the items never extracted, taking what was prepared ahead, and brings
     * the index in step, as {@link Ingest#run(boolean, boolean, org.tracelab.core.collect.Progress)} does.
     */
    public IngestReport run(Progress progress) throws IOException, SQLException {
        return owner.run(this, false, false, progress);
    }

    /** What was offered for item {@code id} and is being (or was) prepared, handed over to the run. */
    Optional<Ingest.Pending> take(long id) {
        return Optional.ofNullable(offered.remove(id));
    }

    /** Whether documents offered ahead are still to be taken by the run. */
    boolean holdsOffers() {
        return !offered.isEmpty();
    }

    Ingest owner() {
        return owner;
    }

    CaseIndex index() {
        return index;
    }

    /** The run's extractor, started at its first use (its worker process only with the first document for it). */
    synchronized TextExtractor extractor() {
        if (extractor == null) {
            extractor = starter.get();
        }
        return extractor;
    }

    ExecutorService preparers() {
        return preparers;
    }

    ExecutorService worker() {
        return worker;
    }

    IngestThreads threads() {
        return threads;
    }

    IndexingLane indexing() {
        return indexing;
    }

    /**
     * Ends preparing: the threads stop, the worker process with them, and whatever was offered and never taken is
     * dropped (its member spools removed). The index stays open for the run's commit.
     */
    synchronized void stopPreparing() {
        if (stopped) {
            return;
        }
        stopped = true;
        preparers.shutdownNow();
        worker.shutdownNow();
        indexing.close();
        for (Ingest.Pending p : offered.values()) {
            drop(p.prepared());
        }
        offered.clear();
        if (extractor != null) {
            extractor.close();
        }
    }

    private static void drop(Future<Ingest.Prepared> f) {
        if (!f.cancel(true) && f.state() == Future.State.SUCCESS) {
            f.resultNow().extraction().close();
        }
    }

    /** Stops preparing if the run did not, and closes the index without committing what the run did not commit. */
    @Override
    public void close() throws IOException {
        try {
            stopPreparing();
        } finally {
            index.close();
        }
    }
}
