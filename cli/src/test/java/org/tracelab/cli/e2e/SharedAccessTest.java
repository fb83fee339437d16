package org.tracelab.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.cli.Tracelab;
import org.tracelab.core.Json;

/**
 * Access to a shared cluster, against a stand-in (the JDK's HTTP server) answering as OpenSearch with its security
 * plugin answers: credentials from the environment or a file, sent and never shown; the README's reader role (read on
 * the index, nothing else) enough for a trainee's search, entities and links, and publishing refused to it; and TLS
 * when the URL says https (a certificate the JVM does not trust refused in one line, one it trusts used: set as the
 * JVM's default context, as {@code -Djavax.net.ssl.trustStore} sets it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedAccessTest {
    private static final String PASSWORD = "fictitious-Pa55";
    private Path tmp;
    private Path caseDir;
    private Path credentials;
    private HttpServer server;
    private final java.util.concurrent.ExecutorService handshakes = java.util.concurrent.Executors.newCachedThreadPool();
    /** Every request the stand-in saw: method, path and Authorization header. */
    private final ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();

    @BeforeAll
    void oneCase(@TempDir Path dir) throws IOException {
        tmp = dir;
        caseDir = tmp.resolve("case");
        assertEquals(0, new Cli(caseDir).init().code());
        Path ad = tmp.resolve("ad.txt");
        Files.writeString(ad, "Fictitious ad. Ish bor, call 90 555 00 12");
        assertEquals(0, new Cli(caseDir).run("collect", "file", ad.toString()).code());
        credentials = tmp.resolve("shared.credentials");
        Files.writeString(credentials, "cadet-a:" + PASSWORD + "\n");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
        seen.clear();
    }

    @org.junit.jupiter.api.AfterAll
    void noThreadLeft() {
        handshakes.shutdownNow();
    }

    /**
     * Answers as a cluster whose only user is cadet-a with the README's {@code tracelab_reader} role: GET / (cluster
     * monitor) and searches of the index; 401 without the user's credentials, 403 for anything else.
     */
    private void readerCluster(HttpServer s) {
        String expected = "Basic " + Base64.getEncoder().encodeToString(("cadet-a:" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        s.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            seen.add(exchange.getRequestMethod() + " " + path + " " + auth);
            exchange.getRequestBody().readAllBytes();
            if (!expected.equals(auth)) {
                answer(exchange, 401, "{\"error\":{\"reason\":\"Authentication finally failed\"},\"status\":401}");
            } else if (path.equals("/") && exchange.getRequestMethod().equals("GET")) {
                answer(exchange, 200, "{\"version\":{\"distribution\":\"opensearch\",\"number\":\"3.9.0\"}}");
            } else if (path.equals("/tracelab-items/_search")) {
                answer(exchange, 200, "{\"hits\":{\"total\":{\"value\":0,\"relation\":\"eq\"},\"hits\":[]},"
                        + "\"aggregations\":{\"values\":{\"buckets\":[]}}}");
            } else {
                answer(exchange, 403, "{\"error\":{\"reason\":\"no permissions for [" + path + "] and User "
                        + "[name=cadet-a, roles=[tracelab_reader]]\"},\"status\":403}");
            }
        });
        s.start();
        server = s;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private String url(String scheme) {
        return scheme + "://127.0.0.1:" + server.getAddress().getPort();
    }

    private static Cli.Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Tracelab.run(args, env, Clock.systemUTC(), out, err, false);
        return new Cli.Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                out.toByteArray());
    }

    private long logEntries() {
        return Json.parse(new Cli(caseDir).run("--json", "case", "info").out()).path("logEntries").asLong();
    }

    @Test
    void aTraineeWithTheReaderRoleAsksAcrossCasesAndIsRefusedPublishing() throws IOException {
        readerCluster(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        String url = url("http");
        for (Map<String, String> env : List.of(Map.of("TRACELAB_SHARED_CREDENTIALS", credentials.toString()),
                Map.of("TRACELAB_SHARED_USER", "cadet-a", "TRACELAB_SHARED_PASSWORD", PASSWORD))) {
            for (List<String> asks : List.of(List.of("search", "ish", "--shared", url),
                    List.of("entities", "--shared", url, "--min-cases", "2"), List.of("links", "--shared", url))) {
                Cli.Run r = run(env, asks.toArray(String[]::new));
                assertEquals(0, r.code(), () -> asks + " as a reader:\n" + r + "\nrequests: " + seen);
                assertFalse(r.out().contains(PASSWORD) || r.err().contains(PASSWORD), r::toString);
            }
            long before = logEntries();
            Cli.Run publish = run(env, "--case", caseDir.toString(), "shared", "publish", "--shared", url);
            assertEquals(3, publish.code(), publish::toString);
            assertTrue(publish.err().contains("shared index at " + url + ": access refused (HTTP 403)"),
                    publish::toString);
            assertEquals(1, publish.err().strip().lines().count(), publish::toString);
            assertFalse(publish.err().contains(PASSWORD), publish::toString);
            assertEquals(before, logEntries(), "a refused publish wrote to the case");
        }
        Path exported = tmp.resolve("custody.jsonl");
        assertEquals(0, new Cli(caseDir).run("export", "custody", "--format", "jsonl", "--out", exported.toString())
                .code());
        assertFalse(Files.readString(exported).contains(PASSWORD), "the password is in the custody log");
    }

    @Test
    void withoutCredentialsTheClusterRefusesInOneLineNamingWhereToGiveThem() throws IOException {
        readerCluster(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        Cli.Run r = run(Map.of(), "search", "ish", "--shared", url("http"));
        assertEquals(3, r.code(), r::toString);
        assertTrue(r.err().contains("access refused (HTTP 401); check TRACELAB_SHARED_USER/TRACELAB_SHARED_PASSWORD"
                + " or TRACELAB_SHARED_CREDENTIALS"), r::toString);
    }

    @Test
    void anHttpsUrlIsSpokenToOverTlsAndAnUntrustedCertificateRefusedInOneLine() throws Exception {
        Path store = tmp.resolve("cluster.p12");
        Files.deleteIfExists(store);
        // A self-signed certificate for 127.0.0.1, made for this test (fictitious unit authority).
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit",
                "-alias", "cluster", "-keyalg", "EC", "-dname", "CN=opensearch.lab (fictitious)", "-ext",
                "san=ip:127.0.0.1", "-validity", "2").redirectErrorStream(true).start();
        String keytoolSaid = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, keytool.waitFor(), keytoolSaid);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        // Handshakes on threads of their own, not on the server's one dispatcher thread.
        https.setExecutor(handshakes);
        readerCluster(https);
        String url = url("https");

        Cli.Run untrusted = run(Map.of("TRACELAB_SHARED_CREDENTIALS", credentials.toString()), "search", "ish",
                "--shared", url);
        assertEquals(3, untrusted.code(), untrusted::toString);
        assertEquals(1, untrusted.err().strip().lines().count(), untrusted::toString);
        assertTrue(untrusted.err().contains("shared index at " + url + ": unreachable"), untrusted::toString);
        assertTrue(seen.isEmpty(), () -> "a request got through an untrusted TLS handshake: " + seen);

        // Trusted (the README gives Java the unit's trust store, which makes it the default context): answered.
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext trusting = SSLContext.getInstance("TLS");
        trusting.init(null, tmf.getTrustManagers(), null);
        SSLContext before = SSLContext.getDefault();
        SSLContext.setDefault(trusting);
        Cli.Run trusted;
        try {
            trusted = run(Map.of("TRACELAB_SHARED_CREDENTIALS", credentials.toString()), "--json", "search", "ish",
                    "--shared", url);
        } finally {
            SSLContext.setDefault(before);
        }
        assertEquals(0, trusted.code(), trusted::toString);
        assertFalse(trusted.out().contains(PASSWORD) || trusted.err().contains(PASSWORD), trusted::toString);
        assertTrue(seen.stream().anyMatch(s -> s.startsWith("POST /tracelab-items/_search Basic ")),
                () -> "no search over TLS: " + seen);
    }
}
