package org.tracelab.shared.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Case;
import org.tracelab.core.Json;
import org.tracelab.core.search.SearchRequest;
import org.tracelab.samples.ScenarioGenerator;
import org.tracelab.samples.ScenarioSpec;
import org.tracelab.shared.CrossCaseSearch;
import org.tracelab.shared.LocalNode;
import org.tracelab.shared.SharedCluster;
import org.tracelab.shared.SharedIndex;

/**
 * The shared index's speed on generated (fictitious) ads: publish rate of real cases (collected from the generator's
 * ad pages), and the latency of the same queries on the shared index (over HTTP, every case) and on one case's own
 * index (in process), in the same run. Not a test: run with {@code -Dtest=SharedIndexBench -Dtracelab.bench=true
 * [-Dtracelab.bench.ads=2000] [-Dtracelab.bench.cases=2] [-Dtracelab.bench.copy=CASE]}: with {@code copy}, a copy of
 * that existing case (left as it is) is published as the first case, and only the others are generated. The publish
 * figures give the CPU time of the publisher (this JVM) and of the node beside the wall time.
 *
 * <p>With {@code -Dtracelab.bench.url=URL -Dtracelab.bench.published=CASE} the bench uses a node already running
 * there, to which CASE is already published (nothing is started, generated or published), and with
 * {@code -Dtracelab.bench.copies=N} it first makes N more cases in the index as copies of the first one's documents,
 * each under its own case id and name (read once, written N times, over the REST API: the node has no reindex
 * module), so ten published cases of 100,000 ads cost one publish; {@code -Dtracelab.bench.copyMinutes=M} starts no
 * copy after M minutes (whole copies only), and {@code -Dtracelab.bench.firstCopy=K} adds copies K to N to
 * an index holding the earlier ones. The copies hold the same identifiers, so
 * {@code entities --shared --min-cases 2} then finds every identifier of the case in every copy: its worst case.
 */
@EnabledIfSystemProperty(named = "tracelab.bench", matches = "true")
class SharedIndexBench {
    private static final List<String> QUERIES = List.of("ishga", "\"tajriba shart emas\"", "работа", "виза",
            "hotel", "dubai OR dubayda", "yosh~1", "\"bepul turar joy\"~3");
    private static final int WARM = 10;
    private static final int TIMED = 50;

    @Test
    void publishRateAndSearchLatency(@TempDir Path tmp) throws Exception {
        int ads = Integer.getInteger("tracelab.bench.ads", 2000);
        String given = System.getProperty("tracelab.bench.url", "");
        String published = System.getProperty("tracelab.bench.published", "");
        int cases = given.isBlank() ? Integer.getInteger("tracelab.bench.cases", 2) : 0;
        int copies = Integer.getInteger("tracelab.bench.copies", 0);
        String copy = System.getProperty("tracelab.bench.copy", "");
        SharedCli cli = new SharedCli(tmp.resolve("node"))
                .with(LocalNode.ENV_JAVA_OPTS, System.getProperty("tracelab.bench.nodeOpts", "-Xms1g -Xmx1g"));
        String url = given;
        if (given.isBlank()) {
            SharedCli.Run start = cli.run("--json", "shared", "start", "--port", "0");
            assertEquals(0, start.code(), start::toString);
            url = Json.parse(start.out().strip()).path("url").asText();
        } else {
            assertTrue(!published.isBlank(), "tracelab.bench.url needs tracelab.bench.published=CASE");
        }
        try {
            List<Path> dirs = new ArrayList<>();
            if (!published.isBlank()) {
                dirs.add(Path.of(published));
            }
            for (int k = 0; k < cases; k++) {
                Path dir = tmp.resolve("case-" + k);
                long t0 = System.nanoTime();
                if (k == 0 && !copy.isBlank()) {
                    copyCase(Path.of(copy), dir);
                    System.out.printf(Locale.ROOT, "BENCH case %d copied from %s in %.1f s%n", k, copy,
                            (System.nanoTime() - t0) / 1e9);
                } else {
                    Path scenario = tmp.resolve("scenario-" + k);
                    ScenarioGenerator.generate(ScenarioSpec.of(4100 + k, ads), scenario, done -> { });
                    assertEquals(0, cli.run("case", "init", dir.toString(), "--name", "Bench " + k
                            + " (fictitious)", "--examiner", "Bench", "--purpose", "Benchmark (fictitious data)").code());
                    SharedCli.Run collect = cli.inCase(dir, "-q", "collect", "file",
                            scenario.resolve("site").resolve("ads").toString());
                    assertEquals(0, collect.code(), collect::toString);
                    System.out.printf(Locale.ROOT, "BENCH case %d collected in %.1f s%n", k,
                            (System.nanoTime() - t0) / 1e9);
                }
                double load0 = loadAverage();
                long p0 = System.nanoTime();
                long own0 = ownCpuNanos();
                ProcessHandle node = nodeOf(cli);
                long node0 = node.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
                SharedCli.Run publish = cli.inCase(dir, "--json", "-q", "shared", "publish", "--shared", url);
                double s = (System.nanoTime() - p0) / 1e9;
                double own = (ownCpuNanos() - own0) / 1e9;
                double nodeCpu = (node.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L) - node0)
                        / 1e9;
                assertEquals(0, publish.code(), publish::toString);
                long sent = Json.parse(publish.out().strip()).path("sent").asLong();
                System.out.printf(Locale.ROOT, "BENCH publish case %d: %,d items in %.1f s = %.0f items/s; CPU "
                        + "publisher %.1f s, node %.1f s; load average %.1f -> %.1f%n", k, sent, s, sent / s, own,
                        nodeCpu, load0, loadAverage());
                long r0 = System.nanoTime();
                SharedCli.Run again = cli.inCase(dir, "--json", "-q", "shared", "publish", "--shared", url);
                System.out.printf(Locale.ROOT, "BENCH re-publish (no-op) case %d: %.1f s, %s%n", k,
                        (System.nanoTime() - r0) / 1e9, again.out().strip());
                dirs.add(dir);
            }
            if (copies > 0) {
                double load0 = loadAverage();
                long c0 = System.nanoTime();
                int first = Integer.getInteger("tracelab.bench.firstCopy", 1);
                int made = IndexCopies.make(url, caseIdOf(dirs.get(0)), first, copies,
                        java.time.Duration.ofMinutes(Long.getLong("tracelab.bench.copyMinutes", 600)));
                System.out.printf(Locale.ROOT, "BENCH %d of %d copies of case 0 made in the index in %.1f s; load "
                        + "average %.1f -> %.1f%n", made, copies, (System.nanoTime() - c0) / 1e9, load0, loadAverage());
            }
            long nodePid = Long.getLong("tracelab.bench.nodePid", 0L);
            if (nodePid > 0) {
                // Every thread of the node: a niced publish left them at nice 10, and the case's searches run at 0.
                Process renice = new ProcessBuilder("sh", "-c", "renice -n 0 -p $(ls /proc/" + nodePid + "/task)")
                        .redirectErrorStream(true).start();
                assertEquals(0, renice.waitFor(), new String(renice.getInputStream().readAllBytes()));
            }
            System.out.println("BENCH shared index: " + IndexCopies.describe(url));
            CrossCaseSearch shared = new CrossCaseSearch(SharedIndex.connect(SharedCluster.at(url, java.util.Map.of())));
            try (Case one = Case.openForReading(dirs.get(0), Clock.systemUTC())) {
                System.out.println("BENCH query | case p50 ms | case p99 ms | shared p50 ms | shared p99 ms | "
                        + "case hits | shared hits (all cases)");
                for (String q : QUERIES) {
                    long[] inCase = time(() -> one.search(new SearchRequest(q, null, null, null, null, null, null,
                            null, 20, false)).total());
                    long[] across = time(() -> shared.search(q, 20).total());
                    System.out.printf(Locale.ROOT, "BENCH %s | %.1f | %.1f | %.1f | %.1f | %d | %d%n", q,
                            pct(inCase, 50), pct(inCase, 99), pct(across, 50), pct(across, 99),
                            one.search(new SearchRequest(q, null, null, null, null, null, null, null, 20, false))
                                    .total(), shared.search(q, 20).total());
                }
            }
            for (int round = 1; round <= Integer.getInteger("tracelab.bench.entityRounds", 1); round++) {
                double load0 = loadAverage();
                long e0 = System.nanoTime();
                List<CrossCaseSearch.SharedEntity> found = shared.entities(null, 2);
                System.out.printf(Locale.ROOT, "BENCH entities --shared --min-cases 2 (round %d): %d identifiers, "
                        + "%d case-forms, in %.2f s; load average %.1f -> %.1f%n", round, found.size(),
                        found.stream().mapToLong(e -> e.cases().stream().mapToLong(c -> c.forms().size()).sum()).sum(),
                        (System.nanoTime() - e0) / 1e9, load0, loadAverage());
            }
        } finally {
            if (given.isBlank()) {
                cli.run("shared", "stop");
            }
        }
    }

    /** The local node running on the bench's data folder. */
    private static ProcessHandle nodeOf(SharedCli cli) {
        SharedCli.Run status = cli.run("--json", "shared", "status");
        assertEquals(0, status.code(), status::toString);
        return ProcessHandle.of(Json.parse(status.out().strip()).path("pid").asLong()).orElseThrow();
    }

    /** A case's id in the shared index, as its publish names it: the hash of its case.init entry. */
    private static String caseIdOf(Path dir) throws Exception {
        try (Case c = Case.openForReading(dir, Clock.systemUTC())) {
            return c.lastCustodyEntry("case.init").orElseThrow().hash();
        }
    }

    /** Copies a case folder, leaving the original as it is (another bench may use it). */
    private static void copyCase(Path from, Path to) throws Exception {
        Process p = new ProcessBuilder("cp", "-a", from.toString(), to.toString()).inheritIO().start();
        assertEquals(0, p.waitFor(), "cp -a " + from + " " + to);
    }

    private static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private interface Work {
        long run() throws Exception;
    }

    private static long[] time(Work w) throws Exception {
        for (int i = 0; i < WARM; i++) {
            w.run();
        }
        long[] t = new long[TIMED];
        for (int i = 0; i < TIMED; i++) {
            long t0 = System.nanoTime();
            w.run();
            t[i] = System.nanoTime() - t0;
        }
        Arrays.sort(t);
        return t;
    }

    private static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
