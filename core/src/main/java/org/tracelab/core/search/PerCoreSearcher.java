package org.tracelab.core.search;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;

/**
 * An {@link IndexSearcher} that cuts the index into one slice per core, so that one query's matching runs on every
 * core. Lucene's default slices hold up to 250,000 documents: a case of 100,000 ads would stay on one core and one of
 * 1,000,000 would get slices of uneven size. Here a segment larger than its share is split into partitions.
 */
final class PerCoreSearcher extends IndexSearcher {
    /** Threads a search uses: the cores this process may run on. */
    static final int THREADS = Runtime.getRuntime().availableProcessors();

    PerCoreSearcher(IndexReader reader, ExecutorService executor) {
        super(reader, executor);
    }

    /** A pool of {@link #THREADS} daemon threads for a searcher; the caller shuts it down. */
    static ExecutorService newPool() {
        // daemons: a search that fails never keeps the command from exiting
        return Executors.newFixedThreadPool(THREADS,
                Thread.ofPlatform().name("tracelab-search-", 1).daemon().factory());
    }

    @Override
    protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
        long docs = 0;
        for (LeafReaderContext leaf : leaves) {
            docs += leaf.reader().maxDoc();
        }
        int perSlice = (int) Math.max(1, (docs + THREADS - 1) / THREADS);
        return slices(leaves, perSlice, Integer.MAX_VALUE, true);
    }
}
