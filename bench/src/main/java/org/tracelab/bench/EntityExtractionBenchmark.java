package org.tracelab.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tracelab.core.entities.Entity;
import org.tracelab.core.entities.EntityExtractor;

/** Entities (phones written every way, handles, emails, URLs, wallets) found in one recruitment ad. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EntityExtractionBenchmark {
    @Param({"uz-latn", "uz-cyrl", "ru", "en"})
    String language;

    private String ad;
    private EntityExtractor extractor;

    @Setup
    public void load() {
        ad = Ads.of(language);
        extractor = new EntityExtractor("UZ");
    }

    @Benchmark
    public List<Entity> extract() {
        return extractor.extract(ad);
    }
}
