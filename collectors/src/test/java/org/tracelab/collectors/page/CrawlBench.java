package org.tracelab.collectors.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.collectors.http.LabCase;
import org.tracelab.core.collect.CollectRequest;
import org.tracelab.core.testing.BenchResults;

/**
 * Pages per second crawling a local site of 2,000 pages with no delay, Tracelab (store + WARC) against
 * {@code wget --recursive --warc-file}. Not a test: run with {@code -Dtest=CrawlBench -Dtracelab.bench=true}.
 */
@EnabledIfSystemProperty(named = "tracelab.bench", matches = "true")
class CrawlBench {
    private static final int PAGES = 2000;

    /** CPU time used so far, in nanoseconds. */
    private static final class Cpu {
        /** This JVM, all its threads. */
        static long process() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }

        /**
         * The children this JVM has waited for (cutime + cstime of /proc/self/stat, in USER_HZ ticks of 10 ms on
         * Linux), or -1 where there is no /proc.
         */
        static long children() {
            try {
                String stat = Files.readString(Path.of("/proc/self/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(f[13]) + Long.parseLong(f[14])) * 10_000_000L;
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }
    }

    @TempDir
    Path tmp;

    @Test
    void tracelabAgainstWget() throws Exception {
        BenchResults.requireAssertionsOff();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            byte[] body;
            int status = 200;
            if (path.equals("/") || path.startsWith("/p/")) {
                int i = path.equals("/") ? 0 : Integer.parseInt(path.substring(3));
                StringBuilder html = new StringBuilder("<html><head><title>Fictitious ad " + i
                        + "</title></head><body><p>Ish taklifi / Работа / Job offer " + i + " (fictitious)</p>");
                for (int k = 10 * i + 1; k <= 10 * i + 10 && k < PAGES; k++) {
                    html.append("<a href=\"/p/").append(k).append("\">ad ").append(k).append("</a>\n");
                }
                body = html.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            } else {
                status = 404;
                body = "not found".getBytes(StandardCharsets.UTF_8);
            }
            ex.sendResponseHeaders(status, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        String root = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        try {
            long cpu0 = Cpu.process();
            long t0 = System.nanoTime();
            try (LabCase lab = new LabCase(tmp.resolve("tracelab"))) {
                new PageCollector().collect(new CollectRequest("page", List.of(root),
                        Map.of("--depth", List.of("5"), "--delay", List.of("0")), null), lab.sink("page"));
                lab.finish();
                long pages = lab.stored.stream().filter(s -> s.item().source().matches(".*/(p/\\d+)?")).count();
                assertEquals(PAGES, pages);
            }
            double tracelab = PAGES / ((System.nanoTime() - t0) / 1e9);
            long tracelabCpu = Cpu.process() - cpu0;

            Path w = Files.createDirectories(tmp.resolve("wget"));
            long serverCpu0 = Cpu.process();
            long wgetCpu0 = Cpu.children();
            long t1 = System.nanoTime();
            Process p = new ProcessBuilder("wget", "--recursive", "--level=5", "--no-verbose",
                    "--warc-file=" + w.resolve("site"), "--directory-prefix=" + w, root)
                    .redirectErrorStream(true).redirectOutput(w.resolve("log.txt").toFile()).start();
            p.waitFor(10, TimeUnit.MINUTES);
            double wget = PAGES / ((System.nanoTime() - t1) / 1e9);
            long wgetCpu = Cpu.children() - wgetCpu0;
            long serverCpu = Cpu.process() - serverCpu0;
            BenchResults.record(new BenchResults.Figure("crawl", PAGES, "rate (store and WARC)", tracelab, "wget", wget,
                    "pages/s"));
            // What bounds a crawl on two cores is CPU, so each run also says what a page costs in CPU: Tracelab's
            // JVM (the served site included, as it runs in the same JVM) against wget plus the same site serving it.
            if (wgetCpu >= 0) {
                BenchResults.record(new BenchResults.Figure("crawl", PAGES, "CPU per page (site included)",
                        tracelabCpu / 1e6 / PAGES, "wget", (wgetCpu + serverCpu) / 1e6 / PAGES, "ms"));
            }
        } finally {
            server.stop(0);
        }
    }
}
