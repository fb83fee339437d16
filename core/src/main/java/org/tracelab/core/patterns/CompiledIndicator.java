package org.tracelab.core.patterns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.complexPhrase.ComplexPhraseQueryParser;
import org.apache.lucene.search.Query;
import org.tracelab.core.TracelabException;
import org.tracelab.core.search.QueryDepth;

/**
 * An indicator with its query parsed against its pack's field.
 *
 * @param field the analyzed field the query searches
 */
public record CompiledIndicator(Indicator indicator, String field, Query query) {
    public CompiledIndicator {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(query, "query");
    }

    /**
     * Parses an indicator's query in classic Lucene syntax with wildcards allowed inside phrases
     * ({@code "earn* month*"~4}, Lucene's complex-phrase parser): default operator AND (every word must be there),
     * a word that the analyzer splits (an e-mail, {@code wa.me}) becomes a phrase.
     */
    public static CompiledIndicator compile(Indicator indicator, IndicatorPack pack, Analyzer analyzer) {
        String field = pack.language().field();
        if (QueryDepth.firstTooDeep(indicator.query()) >= 0) {
            throw TracelabException.badInput(pack.origin(), "indicator " + indicator.id()
                    + ": bad query: parentheses nested deeper than " + QueryDepth.MAX);
        }
        QueryParser parser = new ComplexPhraseQueryParser(field, analyzer);
        parser.setDefaultOperator(QueryParser.Operator.AND);
        parser.setSplitOnWhitespace(true);
        parser.setAutoGeneratePhraseQueries(true);
        parser.setAllowLeadingWildcard(false);
        try {
            Query query = parser.parse(indicator.query());
            // Phrases with wildcards are checked only when rewritten: rewrite once here so a bad phrase is an error
            // naming the pack, not a failure in the middle of a scan.
            new MemoryIndex().createSearcher().rewrite(query);
            return new CompiledIndicator(indicator, field, query);
        } catch (IllegalArgumentException e) {
            throw TracelabException.badInput(pack.origin(), "indicator " + indicator.id() + ": bad query '"
                    + indicator.query().replaceAll("\\R", " ") + "': " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory index failed", e);
        } catch (ParseException e) {
            throw badQuery(pack, indicator, e);
        } catch (RuntimeException e) {
            // The complex-phrase parser reports some faults inside a phrase (a field there) as a bare RuntimeException.
            if (e.getCause() instanceof ParseException p) {
                throw badQuery(pack, indicator, p);
            }
            throw e;
        }
    }

    private static TracelabException badQuery(IndicatorPack pack, Indicator indicator, ParseException e) {
        String reason = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        return TracelabException.badInput(pack.origin(), "indicator " + indicator.id() + ": bad query '"
                + indicator.query().replaceAll("\\R", " ") + "': " + reason);
    }
}
