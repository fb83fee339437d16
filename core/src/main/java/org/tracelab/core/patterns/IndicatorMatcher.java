package org.tracelab.core.patterns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.tracelab.core.TracelabException;
import org.tracelab.core.analysis.CaseAnalyzers;

/**
 * Finds which indicators of a set of packs match a text, with the passages, by indexing the text alone in a
 * {@link MemoryIndex} with the case analyzers — no case needed. Thread-safe: each call builds its own index.
 */
public final class IndicatorMatcher {
    /**
     * A wildcard inside a phrase expands to one clause per matching term; over a case of 100,000 ads that passes
     * Lucene's default limit of 1,024 and the scan would fail. The expansion is bounded by the vocabulary of one
     * case, so the limit is raised for this process rather than the queries weakened.
     */
    static final int MAX_CLAUSES = 1 << 18;

    static {
        if (IndexSearcher.getMaxClauseCount() < MAX_CLAUSES) {
            IndexSearcher.setMaxClauseCount(MAX_CLAUSES);
        }
    }

    private static final Comparator<Span> BY_START = Comparator.comparingInt(Span::start).thenComparingInt(Span::end);

    private final Analyzer analyzer;
    private final List<CompiledIndicator> indicators;
    private final Set<String> fields;

    /** Compiles every query of the packs; a query that does not parse is bad input naming the pack and id. */
    public IndicatorMatcher(List<IndicatorPack> packs) {
        this.analyzer = CaseAnalyzers.create();
        List<CompiledIndicator> compiled = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        for (IndicatorPack pack : packs) {
            used.add(pack.language().field());
            for (Indicator i : pack.indicators()) {
                compiled.add(CompiledIndicator.compile(i, pack, analyzer));
            }
        }
        this.indicators = List.copyOf(compiled);
        this.fields = Set.copyOf(used);
    }

    /** The compiled indicators, in pack order. */
    public List<CompiledIndicator> indicators() {
        return indicators;
    }

    /**
     * The indicators that match {@code text}, one hit per indicator id (an id matched by several packs, as in a
     * mixed-language ad, merges its passages), in pack order.
     */
    public List<IndicatorHit> match(String text) {
        IndexSearcher searcher = index(text, fields);
        Map<String, Indicator> first = new LinkedHashMap<>();
        Map<String, Set<Span>> spans = new LinkedHashMap<>();
        for (CompiledIndicator ci : indicators) {
            List<Span> found = find(searcher, ci);
            if (found != null) {
                first.putIfAbsent(ci.indicator().id(), ci.indicator());
                spans.computeIfAbsent(ci.indicator().id(), k -> new TreeSet<>(BY_START)).addAll(found);
            }
        }
        List<IndicatorHit> hits = new ArrayList<>();
        first.forEach((id, indicator) ->
                hits.add(new IndicatorHit(indicator, Passages.of(text, List.copyOf(spans.get(id))))));
        return hits;
    }

    /**
     * Runs every indicator once over a whole index whose fields were analyzed with {@link CaseAnalyzers} and indexed
     * with offsets — a batch of texts, or a case index — and reports, for each document that matched anything, its
     * hits with passages. Queries are rewritten once per index instead of once per text, which is what makes a
     * million-ad scan affordable.
     *
     * @param textOf the text of a document (by its doc id in {@code reader}), for the passages
     * @param out    receives (doc id, hits) for each document with at least one hit, in doc id order
     */
    public void matchAll(IndexReader reader, IntFunction<String> textOf, BiConsumer<Integer, List<IndicatorHit>> out) {
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setQueryCache(null);
        Map<Integer, Map<String, Indicator>> firstByDoc = new TreeMap<>();
        Map<Integer, Map<String, Set<Span>>> spansByDoc = new HashMap<>();
        try {
            for (CompiledIndicator ci : indicators) {
                Weight weight = searcher.createWeight(rewritten(searcher, ci), ScoreMode.COMPLETE_NO_SCORES, 1f);
                for (LeafReaderContext leaf : reader.leaves()) {
                    Scorer scorer = weight.scorer(leaf);
                    if (scorer == null) {
                        continue;
                    }
                    DocIdSetIterator docs = scorer.iterator();
                    for (int d = docs.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.nextDoc()) {
                        List<Span> found = spans(weight.matches(leaf, d));
                        if (found == null) {
                            continue;
                        }
                        int doc = leaf.docBase + d;
                        firstByDoc.computeIfAbsent(doc, k -> new LinkedHashMap<>())
                                .putIfAbsent(ci.indicator().id(), ci.indicator());
                        spansByDoc.computeIfAbsent(doc, k -> new HashMap<>())
                                .computeIfAbsent(ci.indicator().id(), k -> new TreeSet<>(BY_START)).addAll(found);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the index failed", e);
        }
        firstByDoc.forEach((doc, first) -> {
            String text = textOf.apply(doc);
            List<IndicatorHit> hits = new ArrayList<>();
            // A case index holds the title after the text (index format 2), so a match in it lies past the text's end:
            // the hit counts, but shows no passage.
            first.forEach((id, indicator) -> hits.add(new IndicatorHit(indicator, Passages.of(text,
                    spansByDoc.get(doc).get(id).stream().filter(s -> s.end() <= text.length()).toList()))));
            out.accept(doc, hits);
        });
    }

    /** The analyzed fields the indicators search, to index for {@link #matchAll}. */
    public Set<String> fields() {
        return fields;
    }

    /** Whether one compiled indicator matches {@code text}: what {@code patterns test} checks per example. */
    public boolean matches(CompiledIndicator indicator, String text) {
        return find(index(text, Set.of(indicator.field())), indicator) != null;
    }

    private IndexSearcher index(String text, Set<String> wanted) {
        MemoryIndex index = new MemoryIndex(true, false);
        for (String field : wanted) {
            index.addField(field, text, analyzer);
        }
        IndexSearcher searcher = index.createSearcher();
        searcher.setQueryCache(null);
        return searcher;
    }

    /** The indicator's query rewritten for {@code searcher}. */
    private static Query rewritten(IndexSearcher searcher, CompiledIndicator ci) throws IOException {
        try {
            return searcher.rewrite(ci.query());
        } catch (IllegalArgumentException e) {
            // The complex-phrase parser accepts some phrases (a fuzzy word inside quotes) that it can only refuse
            // when they are rewritten against text that holds their words: the pack is at fault, not the scan.
            throw cannotBeMatched(ci, e.getMessage());
        }
    }

    private static TracelabException cannotBeMatched(CompiledIndicator ci, String why) {
        String reason = why == null ? "" : why.lines().findFirst().orElse("");
        String query = ci.indicator().query().replaceAll("\\R", " ");
        return TracelabException.badInput("indicator " + ci.indicator().id(), "query '" + query + "' cannot be matched: "
                + reason);
    }

    /** The matched spans, or null when the indicator does not match; an empty list if offsets are unknown. */
    private static List<Span> find(IndexSearcher searcher, CompiledIndicator ci) {
        try {
            Weight weight = searcher.createWeight(rewritten(searcher, ci), ScoreMode.COMPLETE_NO_SCORES, 1f);
            LeafReaderContext leaf = searcher.getIndexReader().leaves().get(0);
            return spans(weight.matches(leaf, 0));
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory index failed", e);
        }
    }

    private static List<Span> spans(Matches matches) throws IOException {
        if (matches == null) {
            return null;
        }
        List<Span> spans = new ArrayList<>();
        for (String field : matches) {
            MatchesIterator it = matches.getMatches(field);
            while (it != null && it.next()) {
                if (it.startOffset() >= 0) {
                    spans.add(new Span(it.startOffset(), it.endOffset()));
                }
            }
        }
        return spans;
    }
}
