package org.tracelab.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Case;
import org.tracelab.core.CaseManifest;
import org.tracelab.core.collect.CaptureSink;
import org.tracelab.core.collect.NewItem;
import org.tracelab.core.collect.Progress;
import org.tracelab.core.export.bag.BagReport;
import org.tracelab.core.export.bag.BagVerifier;
import org.tracelab.core.testing.BenchResults;

/**
 * Seconds to export a bag of {@code tracelab.bench.items} (default 100,000) fictitious items, against
 * {@code sha256sum} over the same payload files. Not a test: run with
 * {@code -Dtest=BagBench -Dtracelab.bench=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "tracelab.bench", matches = "true")
class BagBench {
    @TempDir
    Path tmp;

    @Test
    void bagOfManyItemsAgainstSha256sum() throws Exception {
        BenchResults.requireAssertionsOff();
        int n = Integer.getInteger("tracelab.bench.items", 100_000);
        SplittableRandom rnd = new SplittableRandom(42);
        long t0 = System.nanoTime();
        try (Case c = Case.create(tmp.resolve("case"), CaseManifest.create("Bench (fictitious)", "Bench",
                "Benchmark of bag export, fictitious data", "UZ", Instant.now()), Clock.systemUTC())) {
            CaptureSink sink = c.startCapture("file", Map.of(), null);
            for (int i = 0; i < n; i++) {
                byte[] b = new byte[512 + rnd.nextInt(3072)];
                rnd.nextBytes(b);
                sink.store(NewItem.of("file", "/fictitious/ad-" + i + ".bin", Instant.now(), "file", null, null,
                        Map.of()), new ByteArrayInputStream(b));
            }
            c.finishCapture("file", Map.of());
            double made = (System.nanoTime() - t0) / 1e9;

            Path bag = tmp.resolve("bag");
            long t1 = System.nanoTime();
            ExportResult r = Exports.bag(c, bag, null, null, Progress.NONE);
            double export = (System.nanoTime() - t1) / 1e9;
            assertEquals(n, r.records());

            long t2 = System.nanoTime();
            Process p = new ProcessBuilder("sh", "-c", "find data -type f -print0 | xargs -0 sha256sum > /dev/null")
                    .directory(bag.toFile()).inheritIO().start();
            assertEquals(0, p.waitFor());
            double sha256sum = (System.nanoTime() - t2) / 1e9;

            long t3 = System.nanoTime();
            BagReport v = new BagVerifier(bag).run(Progress.NONE);
            double verify = (System.nanoTime() - t3) / 1e9;
            assertTrue(v.holds(), () -> v.problems().toString());
            System.out.printf("BagBench: %d items (%.1f MB): made in %.1f s; export bag %.1f s; sha256sum over the "
                    + "payload %.1f s; verify --bag %.1f s%n", n, r.bytes() / 1e6, made, export, sha256sum, verify);
            BenchResults.record(new BenchResults.Figure("bag-export", n, "time", export, "sha256sum", sha256sum, "s"));
            BenchResults.record(BenchResults.Figure.alone("bag-verify", n, "time", verify, "s"));
        }
    }
}
