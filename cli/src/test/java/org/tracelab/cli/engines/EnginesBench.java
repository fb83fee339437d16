package org.tracelab.cli.engines;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.dupes.Dupes;
import org.tracelab.core.dupes.DuplicateGroup;
import org.tracelab.core.links.Identifier;
import org.tracelab.core.links.ItemIdentifiers;
import org.tracelab.core.links.Links;
import org.tracelab.core.patterns.IndicatorPacks;
import org.tracelab.core.patterns.ScanDocument;
import org.tracelab.core.patterns.Scanner;
import org.tracelab.core.testing.BenchResults;
import org.tracelab.samples.ScenarioGenerator;
import org.tracelab.samples.ScenarioSpec;

/**
 * Speed of the scan, links and dupes engines over a generated scenario (fictitious ads). Not a test: run with
 * {@code -Dtest=EnginesBench -Dtracelab.bench=true -Dtracelab.bench.ads=100000}.
 */
@EnabledIfSystemProperty(named = "tracelab.bench", matches = "true")
class EnginesBench {
    private static final int BATCH = 2_000;

    @TempDir
    Path tmp;

    @Test
    void scanLinksAndDupesOverGeneratedAds() throws IOException {
        BenchResults.requireAssertionsOff();
        int ads = Integer.getInteger("tracelab.bench.ads", 100_000);
        long t0 = System.nanoTime();
        ScenarioGenerator.generate(ScenarioSpec.of(20260, ads), tmp.resolve("scenario"), done -> { });
        LabScenario scenario = LabScenario.read(tmp.resolve("scenario"));
        long t1 = System.nanoTime();
        report("generate-and-read", "generate and read", ads, t1 - t0);

        Scanner scanner = new Scanner(IndicatorPacks.builtIn());
        AtomicInteger flagged = new AtomicInteger();
        AtomicLong hits = new AtomicLong();
        List<ScanDocument> docs = scenario.ads().stream().map(ad -> new ScanDocument(ad.id(), ad.text())).toList();
        IntStream.range(0, (docs.size() + BATCH - 1) / BATCH).parallel().forEach(b ->
                scanner.scanBatch(docs.subList(b * BATCH, Math.min(docs.size(), (b + 1) * BATCH)), r -> {
                    hits.addAndGet(r.hits().size());
                    if (r.score() >= 3) {
                        flagged.incrementAndGet();
                    }
                }));
        long t2 = System.nanoTime();
        report("scan", "scan, all packs, batches of 2,000 on 2 threads (" + flagged + " flagged, " + hits + " hits)",
                ads, t2 - t1);

        List<ItemIdentifiers> items = scenario.ads().stream()
                .map(ad -> new ItemIdentifiers(ad.id(), ad.identifiers().stream().map(Identifier::parse)
                        .collect(Collectors.toSet())))
                .toList();
        long t3 = System.nanoTime();
        int clusters = Links.of(items, t -> true).clusters().size();
        long t4 = System.nanoTime();
        report("links", "links (" + clusters + " clusters)", ads, t4 - t3);

        Dupes dupes = new Dupes(0.8);
        List<Dupes.Fingerprint> prints = scenario.ads().parallelStream().map(ad -> dupes.fingerprint(ad.text()))
                .toList();
        for (int i = 0; i < prints.size(); i++) {
            dupes.add(scenario.ads().get(i).id(), prints.get(i));
        }
        long t5 = System.nanoTime();
        List<DuplicateGroup> groups = dupes.groups();
        long t6 = System.nanoTime();
        report("dupes-fingerprints", "dupes fingerprints, 2 threads", ads, t5 - t4);
        report("dupes-groups", "dupes groups (" + groups.size() + " groups)", ads, t6 - t5);
        System.out.printf("dupes: largest group %,d items, lowest similarity to its centre %.3f%n",
                groups.isEmpty() ? 0 : groups.get(0).items().size(),
                groups.stream().mapToDouble(DuplicateGroup::similarity).min().orElse(1));
    }

    private static void report(String bench, String what, int ads, long nanos) {
        double s = nanos / 1e9;
        System.out.printf("%-60s %,d ads  %8.1f s  %,10.0f ads/s%n", what, ads, s, ads / s);
        BenchResults.record(BenchResults.Figure.alone(bench, ads, "time", s, "s"));
    }
}
