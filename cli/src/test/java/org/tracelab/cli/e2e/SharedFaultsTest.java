package org.tracelab.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Json;

/**
 * The shared index's faults, without a real node: an unreachable cluster, a cluster of the wrong kind or version, and
 * an index made by an older Tracelab are one line naming the URL and what was found, exit 3, and the case untouched.
 * The clusters here are stand-ins (the JDK's HTTP server) answering as such clusters answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedFaultsTest {
    Path tmp;
    Cli cli;
    HttpServer server;
    String url;
    /** What the stand-in answers, by path. */
    final Map<String, String> answers = new java.util.concurrent.ConcurrentHashMap<>();

    /** One case for the class: every fault must leave it as it was, which each test checks. */
    @BeforeAll
    void caseWithOneAd(@TempDir Path dir) throws IOException {
        tmp = dir;
        cli = new Cli(tmp.resolve("case"));
        assertEquals(0, cli.init().code());
        Path ad = tmp.resolve("ad.txt");
        Files.writeString(ad, "Fictitious ad. Ish bor, call 90 555 00 12");
        assertEquals(0, cli.run("collect", "file", ad.toString()).code());
    }

    @BeforeEach
    void standIn() throws IOException {
        answers.clear();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = answers.get(exchange.getRequestURI().getPath());
            byte[] bytes = (body == null ? "{\"error\":{\"reason\":\"no such thing\"}}" : body)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private long logEntries() {
        return Json.parse(cli.run("--json", "case", "info").out()).path("logEntries").asLong();
    }

    private void refusedInOneLineCaseUntouched(Cli.Run r, long entriesBefore, String... says) {
        assertEquals(3, r.code(), r::toString);
        assertEquals(1, r.err().strip().lines().count(), r::toString);
        assertTrue(r.err().contains(url), r::toString);
        for (String s : says) {
            assertTrue(r.err().contains(s), "wanted '" + s + "' in\n" + r);
        }
        assertEquals(entriesBefore, logEntries(), "the case was written to");
        assertEquals(0, cli.run("verify").code());
    }

    @Test
    void anUnreachableClusterIsNamedAndTheCaseUntouched() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        url = "http://127.0.0.1:" + closed;
        long before = logEntries();
        refusedInOneLineCaseUntouched(cli.run("shared", "publish", "--shared", url), before, "unreachable");
        refusedInOneLineCaseUntouched(cli.run("search", "ish", "--shared", url), before, "unreachable");
    }

    @Test
    void aClusterOfAnotherVersionOrKindIsNamedWithWhatWasFound() {
        long before = logEntries();
        answers.put("/", "{\"version\":{\"distribution\":\"opensearch\",\"number\":\"2.19.1\"}}");
        refusedInOneLineCaseUntouched(cli.run("shared", "publish", "--shared", url), before, "found OpenSearch 2.19.1",
                "needs OpenSearch 3.x");
        answers.put("/", "{\"version\":{\"number\":\"8.15.0\"}}");
        refusedInOneLineCaseUntouched(cli.run("entities", "--shared", url, "--min-cases", "2"), before,
                "found Elasticsearch 8.15.0");
        answers.remove("/");
        refusedInOneLineCaseUntouched(cli.run("shared", "publish", "--shared", url), before, "found no OpenSearch");
    }

    @Test
    void anIndexMadeByAnOlderTracelabNamesTheFieldAndHowToReindex() {
        answers.put("/", "{\"version\":{\"distribution\":\"opensearch\",\"number\":\"3.9.0\"}}");
        answers.put("/tracelab-items/_mapping", "{\"tracelab-items\":{\"mappings\":{\"_meta\":{\"tracelab_mapping\":0},"
                + "\"properties\":{\"case_id\":{\"type\":\"keyword\"},\"title\":{\"type\":\"text\","
                + "\"analyzer\":\"standard\"}}}}}");
        long before = logEntries();
        Cli.Run r = cli.run("shared", "publish", "--shared", url);
        assertEquals(3, r.code(), r::toString);
        assertTrue(r.err().contains("an older Tracelab"), r::toString);
        assertTrue(r.err().contains("field 'case_name'") || r.err().contains("field 'title'"), r::toString);
        assertTrue(r.err().contains("to reindex, delete it"), r::toString);
        assertEquals(before, logEntries(), "the case was written to");
    }

    @Test
    void credentialsInTheUrlAreRefusedAndNeverShown() {
        Cli.Run r = cli.run("shared", "publish", "--shared", "http://cadet:s3cret@127.0.0.1:9200");
        assertEquals(2, r.code(), r::toString);
        assertFalse(r.err().contains("s3cret"), r::toString);
    }

    @Test
    void aWordAfterSharedThatIsNoUrlIsTheQuery() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        // No URL given and no node on this data folder: "ish" was read as the query, not as a URL.
        int code = org.tracelab.cli.Tracelab.run(new String[] {"search", "--shared", "ish"},
                Map.of("TRACELAB_SHARED_DATA", tmp.resolve("no-node").toString()), java.time.Clock.systemUTC(), out,
                err, false);
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(3, code, e);
        assertTrue(e.contains("no shared index: no node runs on " + tmp.resolve("no-node")), e);
    }

    @Test
    void aJoinAddressThatIsNoHostAndPortIsRefusedBeforeAnyNodeStarts() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        Path data = tmp.resolve("joining-node");
        int code = org.tracelab.cli.Tracelab.run(new String[] {"shared", "start", "--data", data.toString(),
            "--join", "http://10.0.0.5:9200"}, Map.of(), java.time.Clock.systemUTC(), out, err, false);
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, code, e);
        assertTrue(e.contains("--join http://10.0.0.5:9200") && e.contains("HOST:PORT"), e);
        assertFalse(Files.exists(data), "a data folder was made for a node that never started");
    }
}
