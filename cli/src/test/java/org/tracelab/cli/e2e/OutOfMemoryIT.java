package org.tracelab.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.cli.ExitCode;

/**
 * A page too large for the heap it is read with ends the run with one line saying so and exit 3, not a stack trace,
 * and the case stays whole, in {@code collect} and in {@code reindex --extract}, each run with the JVM options the
 * launcher gives it (reindex's preparers run on threads of their own: their full heap is the same one line).
 * Fictitious pages of anchors.
 */
class OutOfMemoryIT {
    @TempDir
    Path tmp;

    /**
     * The JVM options the launcher gives {@code collect} beside its heap bound (the compiler: C1 alone, compiling
     * sooner; {@code reindex} runs with the JVM's own); the heap here is the test's, too small on purpose.
     */
    private static final List<String> COLLECT_OPTIONS = List.of("-XX:TieredStopAtLevel=1",
            "-XX:CompileThresholdScaling=0.1");

    @Test
    void aPageTooLargeForTheHeapIsOneLineAndTheCaseVerifies() throws Exception {
        byte[] page = hugePage();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", ex -> {
            boolean big = ex.getRequestURI().getPath().equals("/big.html");
            byte[] body = big ? page : "<p>small (fictitious)</p>".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(ex.getRequestURI().getPath().equals("/robots.txt") ? 404 : 200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        Path caseDir = tmp.resolve("case");
        try {
            String root = "http://127.0.0.1:" + server.getAddress().getPort();
            try (JarProcess init = JarProcess.start("256m", "-q", "case", "init", caseDir.toString(), "--name",
                    "oom (fictitious)", "--examiner", "Examiner Fictitious", "--purpose", "test")) {
                assertEquals(ExitCode.OK, init.waitFor(120), init.err());
            }
            try (JarProcess p = JarProcess.start(null, COLLECT_OPTIONS, "96m", "-q", "--case", caseDir.toString(),
                    "collect", "page",
                    root + "/small.html", root + "/big.html", "--depth", "1", "--delay", "0")) {
                int code = p.waitFor(300);
                String err = p.err();
                assertEquals(ExitCode.IO, code, err);
                assertTrue(err.contains("tracelab: out of memory") && err.contains("-Xmx"), err);
                assertFalse(err.contains("\tat "), "no stack trace: " + err);
            }
        } finally {
            server.stop(0);
        }
        try (JarProcess verify = JarProcess.start("512m", "-q", "--case", caseDir.toString(), "verify")) {
            assertEquals(ExitCode.OK, verify.waitFor(300), verify.err() + String.join("\n", verify.outLines()));
        }
    }

    @Test
    void reindexWithTheLaunchersOptionsOnTooSmallAHeapIsOneLineAndTheCaseVerifies() throws Exception {
        Path files = Files.createDirectories(tmp.resolve("files"));
        // Under the size read in the command's own JVM (a larger page goes to a worker process, whose heap is its own).
        Files.write(files.resolve("big.html"), Arrays.copyOf(hugePage(), 4_000_000));
        Files.writeString(files.resolve("small.html"), "<p>small (fictitious)</p>");
        Path caseDir = tmp.resolve("case");
        try (JarProcess init = JarProcess.start("256m", "-q", "case", "init", caseDir.toString(), "--name",
                "oom reindex (fictitious)", "--examiner", "Examiner Fictitious", "--purpose", "test")) {
            assertEquals(ExitCode.OK, init.waitFor(120), init.err());
        }
        try (JarProcess collect = JarProcess.start("256m", "-q", "--case", caseDir.toString(), "collect", "file",
                "--no-ingest", files.toString())) {
            assertEquals(ExitCode.OK, collect.waitFor(300), collect.err());
        }
        try (JarProcess p = JarProcess.start(null, List.of(), "48m", "-q", "--case", caseDir.toString(),
                "reindex", "--extract")) {
            int code = p.waitFor(300);
            String err = p.err();
            assertEquals(ExitCode.IO, code, err);
            assertTrue(err.contains("tracelab: out of memory") && err.contains("-Xmx"), err);
            assertEquals(1, err.lines().filter(l -> !l.isBlank()).count(), "one line: " + err);
        }
        try (JarProcess verify = JarProcess.start("512m", "-q", "--case", caseDir.toString(), "verify")) {
            assertEquals(ExitCode.OK, verify.waitFor(300), verify.err() + String.join("\n", verify.outLines()));
        }
    }

    /** 24 MB of anchors (fictitious): more than a 96 MB heap can parse (and its first 4 MB, a 48 MB heap). */
    private static byte[] hugePage() {
        StringBuilder html = new StringBuilder("<html><body>");
        for (int i = 0; html.length() < 24 << 20; i++) {
            html.append("<a href=\"/ad/").append(i).append("\">ad ").append(i).append(" (fictitious)</a>\n");
        }
        return html.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }
}
