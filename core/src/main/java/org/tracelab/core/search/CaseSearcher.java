package org.tracelab.core.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.NIOFSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.tracelab.core.Cancellation;
import org.tracelab.core.TracelabException;
import org.tracelab.core.analysis.CaseAnalyzers;
import org.tracelab.core.analysis.CommonGrams;
import org.tracelab.core.CaseFolder;
import org.tracelab.core.collect.BlobId;
import org.tracelab.core.index.CaseIndex;
import org.tracelab.core.index.IndexFields;
import org.tracelab.core.index.IndexFormat;
import org.tracelab.core.ingest.TextPieces;
import org.tracelab.core.store.BlobStore;

/**
 * The reader's side of a case index: runs a query and highlights each hit's passages from its stored text. Opens
 * the index read-only, so it can search while a writer collects.
 */
public final class CaseSearcher implements AutoCloseable {
    /** Matches a search counts one by one unless asked to count them all: Lucene's own default. */
    public static final int COUNTED_EXACTLY = 1_000;
    /** Passages shown per hit. */
    static final int PASSAGES = 2;
    /** Characters of a text read back to highlight; matches further in count, but show no passage. */
    static final int HIGHLIGHT_CHARS = 200_000;
    private static final int HIGHLIGHT_BYTES = 4 * HIGHLIGHT_CHARS;
    /** Length a passage aims at. */
    static final int PASSAGE_CHARS = 160;
    /** The stored fields a hit shows. */
    private static final Set<String> HIT_FIELDS = Set.of(IndexFields.ID, IndexFields.KIND, IndexFields.SOURCE,
            IndexFields.LANG, IndexFields.CAPTURED, IndexFields.TITLE, IndexFields.TEXT_SHA256,
            IndexFields.MAIN_SHA256, IndexFields.MAIN_PIECES, IndexFields.CAPTURE);

    private final Directory directory;
    private final DirectoryReader reader;
    private final ExecutorService threads;
    private final IndexSearcher searcher;
    private final BlobStore blobs;
    /** Highlights with the words of a text; {@link #grams} with its common grams too. */
    private final UnifiedHighlighter words;
    private final UnifiedHighlighter grams;
    private Cancellation cancellation = Cancellation.NONE;

    private CaseSearcher(Directory directory, DirectoryReader reader, BlobStore blobs) {
        this.directory = directory;
        this.reader = reader;
        this.threads = PerCoreSearcher.newPool();
        this.searcher = new PerCoreSearcher(reader, threads);
        this.blobs = blobs;
        // A word joined to digits is found by the word alone: the highlighter marks it as the index holds it.
        Analyzer joined = IndexFields.highlightingAnalyzer();
        this.words = highlighter(joined);
        // Texts analysed as the index holds them, common grams included, for a query naming them (exact phrases).
        this.grams = highlighter(CommonGrams.forIndexing(joined));
    }

    private static UnifiedHighlighter highlighter(Analyzer analyzer) {
        return UnifiedHighlighter.builderWithoutSearcher(analyzer)
                .withMaxLength(HIGHLIGHT_CHARS)
                .withFormatter(new PassageMarker())
                .withMaxNoHighlightPassages(0)
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.ROOT), PASSAGE_CHARS, 0.5f))
                .build();
    }

    /** Opens the index of the case in {@code caseDir}, its files mapped; bad input, saying how to make one, if none. */
    public static CaseSearcher open(Path caseDir, BlobStore blobs) {
        return open(caseDir, blobs, true);
    }

    /**
     * Opens the index of the case in {@code caseDir}, its files mapped into memory when {@code mapped}, else read
     * with plain positional reads. Mapping serves a searcher that is kept and asked many times; for one question
     * it costs more than it saves: Lucene then sets up its native {@code madvise} through the foreign-function
     * linker, about 300 classes and 6 ms of a 300 ms command (docs/BENCHMARKS.md, start-up, session 13).
     */
    public static CaseSearcher open(Path caseDir, BlobStore blobs, boolean mapped) {
        Path dir = caseDir.resolve(CaseFolder.INDEX);
        try {
            if (!Files.isDirectory(dir)) {
                throw noIndex(caseDir);
            }
            Directory directory = mapped ? FSDirectory.open(dir) : new NIOFSDirectory(dir);
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
                return new CaseSearcher(directory, reader, blobs);
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
     * Bad input when the index was written in another format: an older one folds Russian differently, so its
     * answers would differ from a new one's; rebuilding it is the user's call (it reads
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

    /** Stops the next searches, between blocks of documents, when {@code c} says so. */
    void cancelWhen(Cancellation c) {
        this.cancellation = c;
        searcher.setTimeout(c == Cancellation.NONE ? null : c::requested);
    }

    /** Whether this searcher maps the index's files (see {@link #open(Path, BlobStore, boolean)}). */
    boolean mapped() {
        return !(directory instanceof NIOFSDirectory);
    }

    /** Whether the index on disk is still the one this searcher reads (no writer has committed since). */
    boolean isCurrent() {
        try {
            return reader.isCurrent();
        } catch (IOException e) {
            throw TracelabException.io("checking the index in " + directory, e);
        }
    }

    /**
     * The best {@code limit} hits of {@code query}, each with passages highlighting {@code highlight}'s terms;
     * matches counted to the end when {@code exactCount}, else up to {@link #COUNTED_EXACTLY}.
     */
    public SearchResults search(String text, Query query, Query highlight, int limit, boolean exactCount) {
        try {
            // One pass ranks and counts: a separate count() walks every match of a phrase or conjunction again.
            // Counting every match visits every match; past the threshold Lucene may skip blocks of documents that
            // cannot enter the top hits (block-max WAND), where a conjunction of common words spends its time at
            // 1,000,000 ads. Each slice counts its own matches up to the threshold, so more may be counted exactly.
            // Twice the hits asked for are ranked: a page and the ad read out of it are one hit, not two.
            int ranked = limit > Integer.MAX_VALUE / 2 ? limit : 2 * limit;
            TopDocs top = searcher.search(query, new TopScoreDocCollectorManager(ranked,
                    exactCount ? Integer.MAX_VALUE : COUNTED_EXACTLY));
            // A search stopped part-way has counted and ranked part of the case: no answer rather than a wrong one.
            cancellation.check("search " + text);
            boolean exact = top.totalHits.relation() == TotalHits.Relation.EQUAL_TO;
            // Past the threshold Lucene's count depends on what it skipped; the threshold is the stable lower bound.
            long total = exact ? top.totalHits.value() : COUNTED_EXACTLY;
            StoredFields stored = searcher.storedFields();
            // Stored fields are read here, one reader for all; each hit's passages are then highlighted on its own
            // thread: analysing 20 texts again costs as much as matching at 100,000 ads.
            List<Callable<SearchHit>> tasks = new ArrayList<>(limit);
            Map<String, Integer> captureHit = new HashMap<>();
            Map<Integer, List<Long>> alsoMatched = new HashMap<>();
            UnifiedHighlighter highlighter = CommonGrams.named(highlight) ? grams : words;
            for (ScoreDoc sd : top.scoreDocs) {
                Document doc = stored.document(sd.doc, HIT_FIELDS);
                String capture = doc.get(IndexFields.CAPTURE) == null ? doc.get(IndexFields.ID)
                        : doc.get(IndexFields.CAPTURE);
                Integer at = captureHit.get(capture);
                if (at != null) {
                    alsoMatched.computeIfAbsent(at, k -> new ArrayList<>()).add(Long.parseLong(doc.get(IndexFields.ID)));
                    continue;
                }
                if (tasks.size() == limit) {
                    continue; // ranked only to find the rest of the shown captures' items
                }
                captureHit.put(capture, tasks.size());
                tasks.add(() -> new SearchHit(Long.parseLong(doc.get(IndexFields.ID)), sd.score,
                        doc.get(IndexFields.KIND), doc.get(IndexFields.SOURCE), doc.get(IndexFields.LANG),
                        Instant.ofEpochMilli(captured(doc)), Optional.ofNullable(doc.get(IndexFields.TITLE)),
                        passages(highlighter, doc, highlight), List.of()));
            }
            List<SearchHit> hits = new ArrayList<>(searcher.getTaskExecutor().invokeAll(tasks));
            alsoMatched.forEach((i, ids) -> {
                SearchHit h = hits.get(i);
                for (long id : ids) {
                    h = h.with(id);
                }
                hits.set(i, h);
            });
            return new SearchResults(text, total, exact, hits, List.of());
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

    /** Whether any document holds {@code value} in the keyword field {@code field}. */
    boolean has(String field, String value) {
        try {
            return reader.docFreq(new Term(field, value)) > 0;
        } catch (IOException e) {
            throw TracelabException.io("reading the index", e);
        }
    }

    /** The values of the keyword field {@code field}, sorted. */
    List<String> values(String field) {
        List<String> out = new ArrayList<>();
        try {
            Terms terms = MultiTerms.getTerms(reader, field);
            if (terms != null) {
                TermsEnum it = terms.iterator();
                for (BytesRef t = it.next(); t != null; t = it.next()) {
                    out.add(t.utf8ToString());
                }
            }
        } catch (IOException e) {
            throw TracelabException.io("reading the index", e);
        }
        return out;
    }

    private static long captured(Document doc) {
        IndexableField f = doc.getField(IndexFields.CAPTURED);
        return f == null ? 0 : f.numericValue().longValue();
    }

    /**
     * Passages from the first text field whose analysis matches: from a page's main text when the match is there,
     * else from its full text (a footer's phone is still found, and shown where it is); none when only fields other
     * than text matched.
     */
    private List<String> passages(UnifiedHighlighter highlighter, Document doc, Query highlight) throws IOException {
        String pieces = doc.get(IndexFields.MAIN_PIECES);
        String main = pieces != null ? readPieces(doc.get(IndexFields.TEXT_SHA256), pieces)
                : readText(doc.get(IndexFields.MAIN_SHA256));
        if (!main.isEmpty()) {
            List<String> found = passages(highlighter, main, highlight);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return passages(highlighter, readText(doc.get(IndexFields.TEXT_SHA256)), highlight);
    }

    @SuppressWarnings("unchecked")
    private List<String> passages(UnifiedHighlighter highlighter, String content, Query highlight)
            throws IOException {
        if (content.isEmpty()) {
            return List.of();
        }
        for (String field : CaseAnalyzers.TEXT_FIELDS) {
            Object marked = highlighter.highlightWithoutSearcher(field, highlight, content, PASSAGES);
            if (marked instanceof List<?> list && !list.isEmpty()) {
                return (List<String>) list;
            }
        }
        return List.of();
    }

    /**
     * A main text stored as pieces of the full text ({@link IndexFields#MAIN_PIECES}), as {@link #readText} would give
     * it: its first {@link #HIGHLIGHT_CHARS} chars; empty when the text is gone or a piece lies outside it.
     */
    private String readPieces(String textSha256, String written) throws IOException {
        Optional<TextPieces> pieces = TextPieces.parse(written);
        if (textSha256 == null || pieces.isEmpty()) {
            return ""; // verify names a damaged index
        }
        try (InputStream in = blobs.open(new BlobId(textSha256))) {
            // A char before the last piece's end takes at most 3 bytes (4 for a pair of 2), so these hold them all.
            String text = new String(in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, 3L * pieces.get().end())),
                    StandardCharsets.UTF_8);
            String main = pieces.get().end() <= text.length() ? pieces.get().in(text) : "";
            return main.length() > HIGHLIGHT_CHARS ? main.substring(0, HIGHLIGHT_CHARS) : main;
        } catch (NoSuchFileException e) {
            return ""; // verify names the missing blob; the hit still shows
        }
    }

    private String readText(String sha256) throws IOException {
        if (sha256 == null) {
            return "";
        }
        try (InputStream in = blobs.open(new BlobId(sha256))) {
            // A char takes at most 4 bytes, so these bytes hold HIGHLIGHT_CHARS whole chars whenever they are cut
            // short; decoding them at once costs far less than a reader's buffers for a one-paragraph ad.
            String text = new String(in.readNBytes(HIGHLIGHT_BYTES), StandardCharsets.UTF_8);
            return text.length() > HIGHLIGHT_CHARS ? text.substring(0, HIGHLIGHT_CHARS) : text;
        } catch (NoSuchFileException e) {
            return ""; // verify names the missing blob; the hit still shows
        }
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
