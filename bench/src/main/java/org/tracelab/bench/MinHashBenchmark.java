package org.tracelab.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tracelab.core.dupes.Dupes;
import org.tracelab.core.dupes.MinHash;
import org.tracelab.core.dupes.Shingles;

/** The near-duplicate fingerprint of one ad: its shingles, and the MinHash signature's band keys alone. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MinHashBenchmark {
    @Param({"uz-latn", "ru"})
    String language;

    private String ad;
    private int[] shingles;
    private Dupes dupes;
    private MinHash minHash;

    @Setup
    public void load() {
        ad = Ads.of(language);
        shingles = new Shingles().of(ad);
        dupes = new Dupes(0.8);
        minHash = new MinHash(0.8);
    }

    @Benchmark
    public Dupes.Fingerprint shinglesAndSignature() {
        return dupes.fingerprint(ad);
    }

    @Benchmark
    public int[] signatureBandKeys() {
        return minHash.bandKeys(shingles);
    }
}
