package org.tracelab.cli.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.tracelab.core.Hashing;
import org.tracelab.core.collect.BlobId;
import org.tracelab.core.index.CaseIndex;
import org.tracelab.core.index.IndexFields;
import org.tracelab.core.index.IndexedItem;
import org.tracelab.core.ingest.CaseEntities;
import org.tracelab.core.ingest.DerivedText;
import org.tracelab.core.items.Item;
import org.tracelab.core.search.CaseQueryParser;
import org.tracelab.core.search.CaseSearcher;
import org.tracelab.core.search.SearchResults;
import org.tracelab.core.store.BlobStore;
import org.tracelab.core.testing.BenchResults;
import org.tracelab.samples.ScenarioGenerator;
import org.tracelab.samples.ScenarioSpec;

/**
 * Search latency against ripgrep over the same generated (fictitious) ads: phrase, proximity and boolean queries in
 * Uzbek, Russian and English, searched the way {@code tracelab search} does (top 20 with highlighted passages) with
 * the index opened once and warmed, and by {@code rg -l -i} over one file per ad, timed per query as a process.
 * Not a test: run with {@code -Dtest=SearchBench -Dtracelab.bench=true [-Dtracelab.bench.sizes=100000,1000000]}.
 *
 * <p>Each size is built once under {@code target/search-bench/N} ({@code -Dtracelab.bench.dir=DIR} moves it):
 * generated scenario → ad texts → blobs, files and a case index through {@link CaseIndex}; later runs reuse it.
 */
@EnabledIfSystemProperty(named = "tracelab.bench", matches = "true")
class SearchBench {
    private static final int LIMIT = 20;
    private static final int WARM_RUNS = 20;
    private static final int TIMED_RUNS = 60;
    private static final int RG_RUNS = 3;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** A query in Lucene syntax and the closest regex for {@code rg -l -i} ({@code -U} when it spans lines). */
    record BenchQuery(String kind, String lang, String lucene, String regex, boolean multiline) {
    }

    static final List<BenchQuery> QUERIES = List.of(
            new BenchQuery("phrase", "uz", "\"tajriba shart emas\"",
                    "tajriba\\s+shart\\s+emas|тажриба\\s+шарт\\s+эмас", false),
            new BenchQuery("phrase", "ru", "\"опыт не нужен\"", "опыт\\s+не\\s+нужен", false),
            new BenchQuery("phrase", "en", "\"free housing\"", "free\\s+housing", false),
            new BenchQuery("proximity", "uz", "\"viza rasmiylashtiramiz\"~6",
                    "viza(\\s+\\S+){0,6}\\s+rasmiylashtiramiz|виза(\\s+\\S+){0,6}\\s+расмийлаштирамиз", false),
            new BenchQuery("proximity", "ru", "\"визу оформим\"~4", "виз\\w*(\\s+\\S+){0,4}\\s+оформ\\w*", false),
            new BenchQuery("proximity", "en", "\"visa permit\"~5", "visa(\\s+\\S+){0,5}\\s+permit", false),
            new BenchQuery("boolean", "uz", "ovqat AND bepul",
                    "(?s)((ovqat|овқат).*(bepul|бепул)|(bepul|бепул).*(ovqat|овқат))", true),
            new BenchQuery("boolean", "ru", "бесплатно AND (жильё OR проживание)",
                    "(?s)(бесплатн.*(жиль|прожив)|(жиль|прожив).*бесплатн)", true),
            new BenchQuery("boolean", "en", "visa AND (tickets OR ticket)",
                    "(?s)(visa.*tickets?|tickets?.*visa)", true));

    @Test
    void searchLatencyAgainstRipgrep() throws IOException, InterruptedException {
        BenchResults.requireAssertionsOff();
        // bench/run passes one size as tracelab.bench.ads; by hand, tracelab.bench.sizes lists several.
        String sizes = System.getProperty("tracelab.bench.ads",
                System.getProperty("tracelab.bench.sizes", "100000,1000000"));
        for (String size : sizes.split(",")) {
            int ads = Integer.parseInt(size.strip());
            Path dir = Path.of(System.getProperty("tracelab.bench.dir", "target/search-bench"), Integer.toString(ads))
                    .toAbsolutePath();
            build(ads, dir);
            measure(ads, dir);
        }
    }

    /** Generates the ads and writes texts, blobs and index, unless an earlier run finished doing so. */
    private static void build(int ads, Path dir) throws IOException {
        Path ready = dir.resolve("ready");
        if (Files.exists(ready)) {
            System.out.printf("BENCH reusing %s (%s ads)%n", dir, Files.readString(ready).strip());
            return;
        }
        if (Files.exists(dir)) {
            throw new IOException(dir + " holds an unfinished build; delete it and run again");
        }
        long t0 = System.nanoTime();
        Path scenario = dir.resolve("scenario");
        ScenarioGenerator.generate(ScenarioSpec.of(20261, ads), scenario, done -> { });
        long t1 = System.nanoTime();
        System.out.printf("BENCH generated %,d ads in %.1f s%n", ads, (t1 - t0) / 1e9);

        Path caseDir = dir.resolve("case");
        BlobStore blobs = new BlobStore(caseDir.resolve("blobs"));
        blobs.create();
        Path files = dir.resolve("files");
        AtomicLong ids = new AtomicLong();
        try (CaseIndex index = CaseIndex.open(caseDir);
             Stream<Path> pages = Files.list(scenario.resolve("site").resolve("ads"))) {
            Iterator<Path> it = pages.filter(p -> !p.getFileName().toString().startsWith("page-")).iterator();
            List<Path> batch = new ArrayList<>();
            while (it.hasNext()) {
                batch.add(it.next());
                if (batch.size() == 2_000 || !it.hasNext()) {
                    batch.parallelStream().forEach(p -> add(p, ids.incrementAndGet(), index, blobs, files));
                    batch.clear();
                }
            }
            index.commit(ids.get());
        }
        long t2 = System.nanoTime();
        System.out.printf("BENCH indexed %,d ads, wrote blobs and files in %.1f s (%.0f ads/s)%n", ids.get(),
                (t2 - t1) / 1e9, ids.get() / ((t2 - t1) / 1e9));
        deleteTree(scenario); // the pages are no longer needed; the texts are in files/ and blobs/
        Files.writeString(ready, ids.get() + "\n");
    }

    /** One ad page: its text as a blob (the case's highlighting reads it), as a file for rg, and in the index. */
    private static void add(Path page, long id, CaseIndex index, BlobStore blobs, Path files) {
        try {
            Document doc = Jsoup.parse(page.toFile());
            String text = doc.select("h1.ad-title").text() + "\n" + doc.select("div.ad-body").text() + "\n"
                    + doc.select("div.ad-contact").text() + "\n";
            String lang = doc.selectFirst("html").attr("lang");
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            BlobId blob = BlobId.ofDigest(Hashing.sha256().digest(bytes));
            // The bench writes blobs without BlobStore's fsyncs: it measures search, not durable ingest.
            writeOnce(blobs.path(blob), bytes);
            writeOnce(files.resolve(Long.toString(id / 1_000)).resolve(id + ".txt"), bytes);
            Instant captured = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(id);
            Item item = new Item(id, "http-response", ScenarioGenerator.PLACEHOLDER_BASE + "ads/" + page.getFileName(),
                    captured, "bench", blob, bytes.length, "text/html", null, false, null);
            DerivedText derived = new DerivedText(id, blob, bytes.length, "text/plain", lang, Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), "jsoup", Optional.empty(), Optional.empty(),
                    0, captured);
            index.put(new IndexedItem(item, derived, text, List.of()));
        } catch (IOException e) {
            throw new UncheckedIOException(page.toString(), e);
        }
    }

    private static void writeOnce(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        try {
            Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException same) {
            // one text, two ads: the blob is named by its hash and already holds these bytes
        }
    }

    private static void measure(int ads, Path dir) throws IOException, InterruptedException {
        Path caseDir = dir.resolve("case");
        BlobStore blobs = new BlobStore(caseDir.resolve("blobs"));
        Analyzer analyzer = IndexFields.analyzer();
        CaseEntities entities = new CaseEntities("UZ");
        Map<String, List<Double>> tracelabMs = new TreeMap<>();
        Map<String, List<Double>> rgMs = new TreeMap<>();
        // On a shared machine wall time waits for a core; CPU time does not: that of this thread and of the search
        // threads, on which a query's slices and highlighting run.
        Map<String, List<Double>> cpuMs = new TreeMap<>();
        // -Dtracelab.bench.rg=false times Tracelab alone, e.g. under a profiler
        boolean withRipgrep = Boolean.parseBoolean(System.getProperty("tracelab.bench.rg", "true"));
        System.out.printf("BENCH %,d ads, load average %s%n", ads,
                Files.readString(Path.of("/proc/loadavg")).strip());
        System.out.printf("BENCH %-10s %-4s %-40s %8s %8s %10s %10s %10s%n", "kind", "lang", "query", "hits",
                "rg files", "median ms", "cpu ms", "rg median");
        try (CaseSearcher searcher = CaseSearcher.open(caseDir, blobs)) {
            for (BenchQuery q : QUERIES) {
                SearchResults results = null;
                for (int i = 0; i < WARM_RUNS; i++) {
                    results = search(searcher, analyzer, entities, q);
                }
                double[] times = new double[TIMED_RUNS];
                double[] cpu = new double[TIMED_RUNS];
                for (int i = 0; i < TIMED_RUNS; i++) {
                    long c = searchCpuNanos();
                    long t = System.nanoTime();
                    results = search(searcher, analyzer, entities, q);
                    times[i] = (System.nanoTime() - t) / 1e6;
                    cpu[i] = (searchCpuNanos() - c) / 1e6;
                }
                cpuMs.computeIfAbsent(q.kind(), k -> new ArrayList<>()).addAll(Arrays.stream(cpu).boxed().toList());
                tracelabMs.computeIfAbsent(q.kind(), k -> new ArrayList<>()).addAll(Arrays.stream(times).boxed()
                        .toList());
                long rgHits = withRipgrep ? ripgrep(q, dir.resolve("files")) : -1; // warms the page cache
                double[] rgTimes = new double[withRipgrep ? RG_RUNS : 1];
                for (int i = 0; withRipgrep && i < RG_RUNS; i++) {
                    long t = System.nanoTime();
                    ripgrep(q, dir.resolve("files"));
                    rgTimes[i] = (System.nanoTime() - t) / 1e6;
                }
                rgMs.computeIfAbsent(q.kind(), k -> new ArrayList<>()).addAll(Arrays.stream(rgTimes).boxed().toList());
                System.out.printf("BENCH %-10s %-4s %-40s %8d %8d %10.2f %10.2f %10.0f%n", q.kind(), q.lang(),
                        q.lucene(), results.total(), rgHits, percentile(times, 50), percentile(cpu, 50),
                        percentile(rgTimes, 50));
            }
        }
        for (String kind : tracelabMs.keySet()) {
            double[] t = tracelabMs.get(kind).stream().mapToDouble(Double::doubleValue).toArray();
            double[] r = rgMs.get(kind).stream().mapToDouble(Double::doubleValue).toArray();
            double[] c = cpuMs.get(kind).stream().mapToDouble(Double::doubleValue).toArray();
            System.out.printf("BENCH search-%-9s %,9d ads: median %.2f ms (rg %.0f ms, %.0fx), p99 %.2f ms (rg %.0f ms),"
                    + " CPU median %.2f ms p99 %.2f ms%n", kind, ads, percentile(t, 50), percentile(r, 50),
                    percentile(r, 50) / percentile(t, 50), percentile(t, 99), percentile(r, 99), percentile(c, 50),
                    percentile(c, 99));
            if (withRipgrep) {
                result("search-" + kind, ads, "median", percentile(t, 50), percentile(r, 50));
                result("search-" + kind, ads, "p99", percentile(t, 99), percentile(r, 99));
            }
            result("search-" + kind, ads, "median-cpu", percentile(c, 50), Double.NaN);
        }
    }

    private static SearchResults search(CaseSearcher searcher, Analyzer analyzer, CaseEntities entities,
                                        BenchQuery q) {
        Query query = new CaseQueryParser(analyzer, entities).parse(q.lucene());
        return searcher.search(q.lucene(), query, query, LIMIT, false);
    }

    /** Runs {@code rg -l -i} and counts the files it names. */
    private static long ripgrep(BenchQuery q, Path files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("rg", "-l", "-i"));
        if (q.multiline()) {
            command.add("-U");
        }
        command.add("-e");
        command.add(q.regex());
        command.add(files.toString());
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long lines = 0;
        try (InputStream in = p.getInputStream()) {
            byte[] buf = new byte[65536];
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("rg did not finish: " + command);
        }
        return lines;
    }

    /** CPU time of this thread and the searcher's threads (named tracelab-search-N), in nanoseconds. */
    private static long searchCpuNanos() {
        long sum = THREADS.getCurrentThreadCpuTime();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("tracelab-search-")) {
                sum += Math.max(0, THREADS.getThreadCpuTime(t.threadId()));
            }
        }
        return sum;
    }

    /** The nearest-rank percentile. */
    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** One figure through the shared results writer; a NaN {@code ripgrep} means no peer figure. */
    private static void result(String bench, int size, String metric, double tracelab, double ripgrep) {
        BenchResults.record(Double.isNaN(ripgrep)
                ? BenchResults.Figure.alone(bench, size, metric, tracelab, "ms")
                : new BenchResults.Figure(bench, size, metric, tracelab, "ripgrep", ripgrep, "ms"));
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
