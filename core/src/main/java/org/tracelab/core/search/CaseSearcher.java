package org.tracelab.core.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.tracelab.core.TracelabException;
import org.tracelab.core.index.CaseIndex;
import org.tracelab.core.index.IndexFormat;
import org.tracelab.core.index.IndexFields;
import org.tracelab.core.store.BlobStore;

/**
 * The reader's side of a case index: runs a query and highlights each hit's passages from its stored text. Opens
 * the index read-only, so it can search while a writer collects.
 */
public final class CaseSearcher implements AutoCloseable {
    /** The stored fields a hit shows. */
    private static final Set<String> HIT_FIELDS = Set.of(IndexFields.ID, IndexFields.KIND, IndexFields.SOURCE,
            IndexFields.LANG, IndexFields.CAPTURED, IndexFields.TITLE, IndexFields.TEXT_SHA256);

    private final Directory directory;
    private final DirectoryReader reader;
    private final ExecutorService threads;
    private final IndexSearcher searcher;
    private final BlobTextHighlighter highlighter;

    private CaseSearcher(Directory directory, DirectoryReader reader, BlobStore blobs, Analyzer analyzer) {
        this.directory = directory;
        this.reader = reader;
        this.threads = PerCoreSearcher.newPool();
        this.searcher = new PerCoreSearcher(reader, threads);
        // Highlighting on one thread: its per-field term statistics gain nothing from being spread over cores.
        this.highlighter = new BlobTextHighlighter(new IndexSearcher(reader), analyzer, blobs);
    }

    /** Opens the index of the case in {@code caseDir}; bad input, saying how to make one, when there is none. */
    public static CaseSearcher open(Path caseDir, BlobStore blobs, Analyzer analyzer) {
        Path dir = caseDir.resolve(CaseIndex.FOLDER);
        try {
            if (!Files.isDirectory(dir)) {
                throw noIndex(caseDir);
            }
            Directory directory = FSDirectory.open(dir);
            try {
                if (!DirectoryReader.indexExists(directory)) {
                    throw noIndex(caseDir);
                }
                DirectoryReader reader = DirectoryReader.open(directory);
                try {
                    checkFormat(caseDir, reader);
                } catch (RuntimeException e) {
                    reader.close();
                    throw e;
                }
                return new CaseSearcher(directory, reader, blobs, analyzer);
            } catch (IOException | RuntimeException e) {
                directory.close();
                throw e;
            }
        } catch (IOException e) {
            throw TracelabException.io("opening the index of " + caseDir + " (run 'tracelab reindex')", e);
        }
    }

    private static TracelabException noIndex(Path caseDir) {
        return TracelabException.badInput(caseDir.toString(), "the case has no index; run 'tracelab reindex'");
    }

    /**
     * Bad input when the index was written in another format: an older one has no offsets to highlight from and
     * folds Russian differently, so its answers would be wrong or slow; rebuilding it is the user's call (it reads
     * every text again), hence a message rather than a silent rebuild in a read-only command.
     */
    private static void checkFormat(Path caseDir, DirectoryReader reader) throws IOException {
        int format = IndexFormat.of(reader.getIndexCommit());
        if (format != IndexFormat.CURRENT) {
            throw TracelabException.badInput(caseDir.toString(), "the index is in format "
                    + (format < 0 ? "unknown" : Integer.toString(format)) + ", this Tracelab reads format "
                    + IndexFormat.CURRENT + "; run 'tracelab reindex'");
        }
    }

    /** The best {@code limit} hits of {@code query}, each with passages highlighting {@code highlight}'s terms. */
    public SearchResults search(String text, Query query, Query highlight, int limit) {
        try {
            // One pass ranks and counts: a separate count() walks every match of a phrase or conjunction again.
            TopDocs top = searcher.search(query, new TopScoreDocCollectorManager(limit, Integer.MAX_VALUE));
            long total = top.totalHits.value();
            StoredFields stored = searcher.storedFields();
            // All hits in one call: the highlighter builds each field's weight once for them, not once per hit.
            List<List<String>> passages = highlighter.passages(top.scoreDocs, highlight);
            List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
            for (int i = 0; i < top.scoreDocs.length; i++) {
                ScoreDoc sd = top.scoreDocs[i];
                Document doc = stored.document(sd.doc, HIT_FIELDS);
                hits.add(new SearchHit(Long.parseLong(doc.get(IndexFields.ID)), sd.score, doc.get(IndexFields.KIND),
                        doc.get(IndexFields.SOURCE), doc.get(IndexFields.LANG), Instant.ofEpochMilli(captured(doc)),
                        Optional.ofNullable(doc.get(IndexFields.TITLE)), passages.get(i)));
            }
            return new SearchResults(text, total, hits);
        } catch (IOException e) {
            throw TracelabException.io("searching the index", e);
        }
    }

    /** The ids of every item that matches {@code query}, in ascending order; no scores, no passages. */
    public SortedSet<Long> ids(Query query) {
        SortedSet<Long> out = new TreeSet<>();
        try {
            // Walk the matching documents of each segment: no ranking, so no queue as large as the index.
            Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
            for (LeafReaderContext leaf : reader.leaves()) {
                Scorer scorer = weight.scorer(leaf);
                if (scorer == null) {
                    continue;
                }
                Bits live = leaf.reader().getLiveDocs();
                StoredFields stored = leaf.reader().storedFields();
                DocIdSetIterator it = scorer.iterator();
                for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
                    if (live == null || live.get(d)) {
                        out.add(Long.parseLong(stored.document(d, Set.of(IndexFields.ID)).get(IndexFields.ID)));
                    }
                }
            }
        } catch (IOException e) {
            throw TracelabException.io("searching the index", e);
        }
        return out;
    }

    private static long captured(Document doc) {
        IndexableField f = doc.getField(IndexFields.CAPTURED);
        return f == null ? 0 : f.numericValue().longValue();
    }

    @Override
    public void close() {
        threads.shutdown();
        try {
            reader.close();
            directory.close();
        } catch (IOException e) {
            throw TracelabException.io("closing the index", e);
        }
    }
}
