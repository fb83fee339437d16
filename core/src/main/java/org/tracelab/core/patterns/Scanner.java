package org.tracelab.core.patterns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.tracelab.core.analysis.CaseAnalyzers;

/**
 * Scores texts by the recruitment indicators of some packs. The core takes (item id, text) pairs, so a case scan, a
 * test over files and a benchmark over generated ads all use the same code; thread-safe.
 */
public final class Scanner {
    /** Best score first; ties by item id, so a ranking is the same on every run. */
    public static final Comparator<ScanResult> RANKING =
            Comparator.comparingDouble(ScanResult::score).reversed().thenComparing(ScanResult::itemId);

    private final IndicatorMatcher matcher;
    private final Analyzer analyzer = CaseAnalyzers.create();

    /** A scanner over the given packs, compiled once. */
    public Scanner(List<IndicatorPack> packs) {
        if (packs.isEmpty()) {
            throw new IllegalArgumentException("no indicator packs to scan with");
        }
        this.matcher = new IndicatorMatcher(packs);
    }

    /** Scores one text. */
    public ScanResult scan(String itemId, String text) {
        List<IndicatorHit> hits = matcher.match(text);
        return new ScanResult(itemId, Scoring.score(hits), hits);
    }

    /**
     * Scores a batch of texts together: they are indexed into a throw-away in-memory Lucene index with the case
     * analyzers, and each indicator query runs once over the batch rather than once per text; only texts that match
     * get passages. Results come for texts with at least one hit, in batch order. Batches are independent, so a
     * caller may scan several on different threads; a few thousand texts per batch is a good size.
     */
    public void scanBatch(List<ScanDocument> batch, Consumer<ScanResult> matched) {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        // No merges and one indexing thread: doc ids stay in the order the texts were added.
        IndexWriterConfig config = new IndexWriterConfig(analyzer).setMergePolicy(NoMergePolicy.INSTANCE)
                .setRAMBufferSizeMB(64);
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
             IndexWriter writer = new IndexWriter(dir, config)) {
            for (ScanDocument d : batch) {
                Document doc = new Document();
                for (String field : matcher.fields()) {
                    doc.add(new Field(field, d.text(), type));
                }
                writer.addDocument(doc);
            }
            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                matcher.matchAll(reader, doc -> batch.get(doc).text(), (doc, hits) ->
                        matched.accept(new ScanResult(batch.get(doc).itemId(), Scoring.score(hits), hits)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory index of a scan batch failed", e);
        }
    }

    /**
     * Scores the documents of an existing index — a case index, whose text fields were analyzed with the case
     * analyzers. The index tells which documents match which indicators (each query runs once); only those documents'
     * texts are then read, through {@code documentAt}, and scanned one by one for the passages.
     *
     * @param documentAt the item id and text of a document, by doc id; empty to skip it (a document without text)
     */
    public void scanIndex(IndexReader reader, IntFunction<Optional<ScanDocument>> documentAt,
                          Consumer<ScanResult> matched) {
        List<Integer> docs = new ArrayList<>();
        matcher.matchAll(reader, doc -> "", (doc, hits) -> docs.add(doc));
        for (int doc : docs) {
            documentAt.apply(doc).map(d -> scan(d.itemId(), d.text())).filter(r -> !r.hits().isEmpty())
                    .ifPresent(matched);
        }
    }

    /** The results at or above {@code minScore}, best first. */
    public static List<ScanResult> rank(List<ScanResult> results, double minScore) {
        List<ScanResult> kept = new ArrayList<>();
        for (ScanResult r : results) {
            if (r.score() >= minScore && !r.hits().isEmpty()) {
                kept.add(r);
            }
        }
        kept.sort(RANKING);
        return kept;
    }
}
