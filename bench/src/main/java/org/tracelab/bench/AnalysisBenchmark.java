package org.tracelab.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import org.tracelab.core.analysis.CaseAnalyzers;

/** One ad through the case index's analysis of every text field (script-neutral, Russian and English stemmed). */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AnalysisBenchmark {
    @Param({"uz-latn", "uz-cyrl", "ru", "en"})
    String language;

    private String ad;
    private Analyzer analyzer;

    @Setup
    public void load() {
        ad = Ads.of(language);
        analyzer = CaseAnalyzers.create();
    }

    @TearDown
    public void close() {
        analyzer.close();
    }

    @Benchmark
    public void analyseAllTextFields(Blackhole tokens) throws IOException {
        for (String field : CaseAnalyzers.TEXT_FIELDS) {
            // The stream is the analyzer's reusable one: closed here so the next field may take it.
            try (TokenStream ts = analyzer.tokenStream(field, ad)) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    tokens.consume(term.length());
                }
                ts.end();
            }
        }
    }
}
