package org.tracelab.shared.node;

import java.util.List;
import org.opensearch.index.analysis.PreBuiltAnalyzerProviderFactory;
import org.opensearch.indices.analysis.PreBuiltCacheFactory;
import org.opensearch.plugins.AnalysisPlugin;
import org.opensearch.plugins.Plugin;
import org.tracelab.core.analysis.CaseAnalyzers;

/**
 * Tracelab's analyzers inside OpenSearch, the very classes a case index uses (same Lucene), so that a query finds the
 * same items in the shared index as in the case: {@code tracelab_text} (Uzbek across scripts and apostrophes, folded),
 * {@code tracelab_ru} (Russian stemming), {@code tracelab_en} (English stemming), each with an {@code _index} twin
 * that also indexes a word joined to digits as the word, as the case index does.
 */
public final class TracelabAnalysisPlugin extends Plugin implements AnalysisPlugin {
    @Override
    public List<PreBuiltAnalyzerProviderFactory> getPreBuiltAnalyzerProviderFactories() {
        return List.of(
                analyzer("tracelab_text", CaseAnalyzers.TEXT, false),
                analyzer("tracelab_text_index", CaseAnalyzers.TEXT, true),
                analyzer("tracelab_ru", CaseAnalyzers.TEXT_RU, false),
                analyzer("tracelab_ru_index", CaseAnalyzers.TEXT_RU, true),
                analyzer("tracelab_en", CaseAnalyzers.TEXT_EN, false),
                analyzer("tracelab_en_index", CaseAnalyzers.TEXT_EN, true));
    }

    private static PreBuiltAnalyzerProviderFactory analyzer(String name, String field, boolean indexing) {
        return new PreBuiltAnalyzerProviderFactory(name, PreBuiltCacheFactory.CachingStrategy.ONE,
                () -> CaseAnalyzers.forField(field, indexing));
    }
}
