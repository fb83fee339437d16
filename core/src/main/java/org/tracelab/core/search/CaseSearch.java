package org.tracelab.core.search;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.tracelab.core.TracelabException;
import org.tracelab.core.index.IndexFields;
import org.tracelab.core.ingest.EntityFinder;

/**
 * One search of a case: parses the query (before touching the index, so a bad query is told even without one),
 * adds the filters, runs it and highlights the hits.
 */
public final class CaseSearch {
    private final IndexView index;
    private final EntityFinder entities;
    private final CaseTags tags;
    private final SimilarPictures pictures;

    /**
     * A search of the case whose index is {@code index}, whose tags, for {@code tag:} and {@code --tag} alike, are
     * {@code tags}, and whose pictures, for {@code image:}, are {@code pictures}.
     */
    public CaseSearch(IndexView index, EntityFinder entities, CaseTags tags, SimilarPictures pictures) {
        this.index = Objects.requireNonNull(index, "index");
        this.entities = Objects.requireNonNull(entities, "entities");
        this.tags = Objects.requireNonNull(tags, "tags");
        this.pictures = Objects.requireNonNull(pictures, "pictures");
    }

    /** Runs {@code request}. */
    public SearchResults run(SearchRequest request) {
        Analyzer analyzer = IndexFields.analyzer();
        CaseQueryParser parser = new CaseQueryParser(analyzer, entities, tags, pictures);
        Query query = parser.parse(request.query());
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST);
        filter(b, IndexFields.LANG, request.lang());
        filter(b, IndexFields.HOST, request.host());
        filter(b, IndexFields.KIND, request.kind());
        if (request.since() != null || request.until() != null) {
            long from = request.since() == null ? Long.MIN_VALUE : request.since().toEpochMilli();
            long to = request.until() == null ? Long.MAX_VALUE : request.until().toEpochMilli();
            b.add(LongField.newRangeQuery(IndexFields.CAPTURED, from, to), BooleanClause.Occur.FILTER);
        }
        if (request.entity() != null) {
            int colon = request.entity().indexOf(':');
            if (colon <= 0 || colon == request.entity().length() - 1) {
                throw TracelabException.badInput("--entity " + request.entity(),
                        "give TYPE:VALUE, e.g. phone:+998901234567");
            }
            b.add(parser.entityQuery(request.entity().substring(0, colon), request.entity().substring(colon + 1)),
                    BooleanClause.Occur.FILTER);
        }
        if (request.tag() != null) {
            List<BytesRef> ids = tags.itemsTagged(request.tag()).stream().map(id -> new BytesRef(Long.toString(id)))
                    .toList();
            b.add(ids.isEmpty() ? new MatchNoDocsQuery("no item has tag " + request.tag())
                    : new TermInSetQuery(IndexFields.ID, ids), BooleanClause.Occur.FILTER);
        }
        Query filtered = b.build();
        return index.ask(searcher -> {
            SearchResults r = searcher.search(request.query(), filtered, query, request.limit(),
                    request.exactCount());
            if (r.total() > 0) {
                return r;
            }
            return new SearchResults(r.query(), r.total(), r.totalExact(), r.hits(), emptyFilters(request, searcher));
        });
    }

    /** The filters of {@code request} that no item of the case passes, each with the values the case has. */
    private List<EmptyFilter> emptyFilters(SearchRequest request, CaseSearcher searcher) {
        List<EmptyFilter> out = new ArrayList<>();
        emptyKeyword(out, searcher, "--lang", IndexFields.LANG, request.lang());
        emptyKeyword(out, searcher, "--host", IndexFields.HOST, request.host());
        emptyKeyword(out, searcher, "--kind", IndexFields.KIND, request.kind());
        if (request.tag() != null && tags.itemsTagged(request.tag()).isEmpty()) {
            out.add(new EmptyFilter("--tag", request.tag(), tags.names()));
        }
        return out;
    }

    private static void emptyKeyword(List<EmptyFilter> out, CaseSearcher searcher, String option, String field,
                                     String value) {
        if (value != null && !searcher.has(field, IndexFields.keyword(value))) {
            out.add(new EmptyFilter(option, value, searcher.values(field)));
        }
    }

    /** The ids of every item matching {@code query} (no filters), ascending; parsed first, like {@link #run}. */
    public SortedSet<Long> matching(String query) {
        Analyzer analyzer = IndexFields.analyzer();
        Query q = new CaseQueryParser(analyzer, entities, tags, pictures).parse(query);
        return index.ask(searcher -> searcher.ids(q));
    }

    private static void filter(BooleanQuery.Builder b, String field, String value) {
        if (value != null) {
            b.add(new TermQuery(new Term(field, IndexFields.keyword(value))), BooleanClause.Occur.FILTER);
        }
    }
}
