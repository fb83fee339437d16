package org.tracelab.core.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.tracelab.core.analysis.CaseAnalyzers;
import org.tracelab.core.index.IndexFields;
import org.tracelab.core.store.BlobId;
import org.tracelab.core.store.BlobStore;

/**
 * Highlights a hit's passages in its extracted text, read from the blob store (the index does not store it), with
 * the matches' places taken from the text fields' postings, which hold each term's offsets: the text is not
 * analysed again, which used to be two thirds of a search's time.
 */
final class BlobTextHighlighter extends UnifiedHighlighter {
    /** Passages shown per hit. */
    static final int PASSAGES = 2;
    /** Characters of a text read back to highlight; matches further in count, but show no passage. */
    static final int HIGHLIGHT_CHARS = 200_000;
    private static final int HIGHLIGHT_BYTES = 4 * HIGHLIGHT_CHARS;
    /** Length a passage aims at. */
    static final int PASSAGE_CHARS = 160;

    private final BlobStore blobs;

    BlobTextHighlighter(IndexSearcher searcher, Analyzer analyzer, BlobStore blobs) {
        super(UnifiedHighlighter.builder(searcher, analyzer)
                .withMaxLength(HIGHLIGHT_CHARS)
                .withFormatter(new PassageMarker())
                .withMaxNoHighlightPassages(0)
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.ROOT), PASSAGE_CHARS, 0.5f)));
        this.blobs = blobs;
    }

    /**
     * Passages of each hit, in the order given, from the first text field whose terms of {@code highlight} it holds;
     * none when only fields other than text matched.
     */
    List<List<String>> passages(ScoreDoc[] hits, Query highlight) throws IOException {
        List<List<String>> out = new ArrayList<>(Collections.nCopies(hits.length, List.of()));
        List<Integer> left = new ArrayList<>();
        for (int i = 0; i < hits.length; i++) {
            left.add(i);
        }
        // One field at a time, each for the hits the fields before it did not mark: matching a hit's terms in a
        // field (a weight on its own reader, per hit and field) is most of the highlighting, and text marks nearly
        // every hit.
        for (String field : CaseAnalyzers.TEXT_FIELDS) {
            if (left.isEmpty()) {
                break;
            }
            int[] docs = left.stream().mapToInt(i -> hits[i].doc).toArray();
            Object[] marked = highlightFieldsAsObjects(new String[] {field}, highlight, docs, new int[] {PASSAGES})
                    .get(field);
            List<Integer> unmarked = new ArrayList<>();
            for (int j = 0; j < docs.length; j++) {
                if (marked[j] instanceof List<?> list && !list.isEmpty()) {
                    out.set(left.get(j), strings(list));
                } else {
                    unmarked.add(left.get(j));
                }
            }
            left = unmarked;
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(List<?> passages) {
        return (List<String>) passages; // what PassageMarker makes
    }

    /** Each document's text from its blob, the same for every text field (each holds the whole text). */
    @Override
    protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter,
                                                   int cacheCharsThreshold) throws IOException {
        List<CharSequence[]> out = new ArrayList<>();
        for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
            String sha256 = getIndexSearcher().storedFields().document(doc, Set.of(IndexFields.TEXT_SHA256))
                    .get(IndexFields.TEXT_SHA256);
            CharSequence[] values = new CharSequence[fields.length];
            Arrays.fill(values, readText(sha256));
            out.add(values);
        }
        return out;
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
}
