package org.tracelab.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.cli.ExitCode;

/**
 * A page too large for the heap it is read with ends the run with one line saying so and exit 3, not a stack trace,
 * and the case stays whole. Fictitious page: 24 MB of anchors, read with a 96 MB heap.
 */
class OutOfMemoryIT {
    @TempDir
    Path tmp;

    @Test
    void aPageTooLargeForTheHeapIsOneLineAndTheCaseVerifies() throws Exception {
        StringBuilder html = new StringBuilder("<html><body>");
        for (int i = 0; html.length() < 24 << 20; i++) {
            html.append("<a href=\"/ad/").append(i).append("\">ad ").append(i).append(" (fictitious)</a>\n");
        }
        byte[] page = html.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
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
            try (JarProcess p = JarProcess.start("96m", "-q", "--case", caseDir.toString(), "collect", "page",
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
}
