package org.tracelab.collectors.http;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Per-request latency on 127.0.0.1 of ways to fetch one small page after another over one connection: the JDK
 * {@code HttpClient} as {@link HttpCapture} configures it, its variants (HTTP/2 default, body handlers, executors,
 * a fresh client per request, {@code sendAsync}), a plain blocking socket as the floor, and {@code wget -i} over
 * the same URLs as the peer. The server is the JDK {@code HttpServer} that {@code CrawlBench} and {@code lab serve}
 * use; {@code -Dsun.net.httpserver.nodelay=true} turns Nagle off on its sockets. Not a test: run with
 * {@code -Dtest=HttpLatencyBench -Dtracelab.bench=true}, or its {@code main} with the test class path.
 */
@EnabledIfSystemProperty(named = "tracelab.bench", matches = "true")
class HttpLatencyBench {
    private static final int REQUESTS = Integer.getInteger("tracelab.bench.requests", 2000);
    private static final int ROUNDS = Integer.getInteger("tracelab.bench.rounds", 2);
    private static final int WARMUP = 300;

    /** One way of fetching a URL; returns the body's length. */
    private interface Fetch extends AutoCloseable {
        int get(URI url) throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    private record Variant(String name, java.util.function.Supplier<Fetch> make, boolean onVirtualThread) {
    }

    @Test
    void latencies() throws Exception {
        main(new String[0]);
    }

    public static void main(String[] args) throws Exception {
        HttpServer server = pageServer();
        String root = "http://127.0.0.1:" + server.getAddress().getPort() + "/p/";
        try {
            System.out.printf(Locale.ROOT, "BENCH http-latency nodelay=%s requests=%d load=%s%n",
                    System.getProperty("sun.net.httpserver.nodelay", "false"), REQUESTS, load());
            // Several rounds, so the first variants' JIT warm-up and the machine's load swings show as spread.
            for (int round = 1; round <= ROUNDS; round++) {
                System.out.printf(Locale.ROOT, "BENCH round %d load=%s%n", round, load());
                for (Variant v : variants()) {
                    run(v, root);
                }
                wget(root);
            }
        } finally {
            server.stop(0);
        }
    }

    private static List<Variant> variants() {
        List<Variant> v = new ArrayList<>();
        v.add(new Variant("capture path (1.1, ofPublisher+TimedBodyStream), virtual caller",
                () -> new ClientFetch(captureClient(null), Body.TIMED, false), true));
        v.add(new Variant("capture path, platform caller", () -> new ClientFetch(captureClient(null), Body.TIMED, false),
                false));
        v.add(new Variant("1.1 ofByteArray", () -> new ClientFetch(captureClient(null), Body.BYTES, false), true));
        v.add(new Variant("1.1 ofInputStream", () -> new ClientFetch(captureClient(null), Body.STREAM, false), true));
        v.add(new Variant("1.1 ofByteArray sendAsync().join()",
                () -> new ClientFetch(captureClient(null), Body.BYTES, true), true));
        v.add(new Variant("1.1 ofByteArray, virtual-thread executor",
                () -> new ClientFetch(captureClient(Executors.newVirtualThreadPerTaskExecutor()), Body.BYTES, false),
                true));
        v.add(new Variant("capture path, virtual-thread executor",
                () -> new ClientFetch(captureClient(Executors.newVirtualThreadPerTaskExecutor()), Body.TIMED, false),
                true));
        v.add(new Variant("default version (HTTP_2, h2c upgrade) ofByteArray",
                () -> new ClientFetch(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(),
                        Body.BYTES, false), true));
        v.add(new Variant("fresh client per request, 1.1 ofByteArray", FreshClientFetch::new, true));
        v.add(new Variant("plain blocking socket, keep-alive (floor)", SocketFetch::new, true));
        return v;
    }

    private static void run(Variant v, String root) throws Exception {
        AtomicReference<Exception> failure = new AtomicReference<>();
        AtomicReference<long[]> result = new AtomicReference<>();
        Runnable body = () -> {
            try (Fetch f = v.make().get()) {
                for (int i = 0; i < WARMUP; i++) {
                    f.get(URI.create(root + (i % 2000)));
                }
                long[] took = new long[REQUESTS];
                for (int i = 0; i < REQUESTS; i++) {
                    long t = System.nanoTime();
                    f.get(URI.create(root + i));
                    took[i] = System.nanoTime() - t;
                }
                result.set(took);
            } catch (Exception e) {
                failure.set(e);
            }
        };
        Thread t = v.onVirtualThread() ? Thread.ofVirtual().start(body) : Thread.ofPlatform().start(body);
        t.join();
        if (failure.get() != null) {
            System.out.printf(Locale.ROOT, "BENCH %-66s failed: %s%n", v.name(), failure.get());
            return;
        }
        report(v.name(), result.get());
    }

    private static void report(String name, long[] took) {
        long[] sorted = took.clone();
        Arrays.sort(sorted);
        double sum = Arrays.stream(took).sum();
        long stalls = Arrays.stream(took).filter(n -> n > TimeUnit.MILLISECONDS.toNanos(20)).count();
        System.out.printf(Locale.ROOT, "BENCH %-66s mean %7.3f ms  p50 %7.3f  p99 %7.3f  max %7.2f  >20ms %d  %6.0f req/s%n",
                name, sum / took.length / 1e6, sorted[took.length / 2] / 1e6, sorted[took.length * 99 / 100] / 1e6,
                sorted[took.length - 1] / 1e6, stalls, took.length / (sum / 1e9));
    }

    /** wget over the same URLs in one process and one kept-alive connection, the peer of CrawlBench. */
    private static void wget(String root) throws Exception {
        Path dir = Files.createTempDirectory("wget-latency");
        Path list = dir.resolve("urls.txt");
        StringBuilder urls = new StringBuilder();
        for (int i = 0; i < REQUESTS; i++) {
            urls.append(root).append(i).append('\n');
        }
        Files.writeString(list, urls);
        long t = System.nanoTime();
        Process p = new ProcessBuilder("wget", "-q", "-i", list.toString(), "-O", dir.resolve("out").toString())
                .redirectErrorStream(true).start();
        p.getInputStream().transferTo(OutputStream.nullOutputStream());
        p.waitFor(10, TimeUnit.MINUTES);
        double ns = System.nanoTime() - t;
        System.out.printf(Locale.ROOT, "BENCH %-66s mean %7.3f ms (process start included)  %6.0f req/s%n",
                "wget -i (one process, keep-alive)", ns / REQUESTS / 1e6, REQUESTS / (ns / 1e9));
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    private static String load() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }

    /** The crawl bench's pages: small HTML with Content-Length, from the JDK server on virtual threads. */
    static HttpServer pageServer() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", ex -> {
            StringBuilder html = new StringBuilder("<html><head><title>Fictitious ad</title></head><body><p>"
                    + "Ish taklifi / Работа / Job offer (fictitious) " + ex.getRequestURI() + "</p>");
            for (int k = 0; k < 10; k++) {
                html.append("<a href=\"/p/").append(k).append("\">ad ").append(k).append("</a>\n");
            }
            byte[] body = html.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    private enum Body { TIMED, BYTES, STREAM }

    private static HttpClient captureClient(ExecutorService executor) {
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(30));
        if (executor != null) {
            b.executor(executor);
        }
        return b.build();
    }

    private static HttpRequest request(URI url) {
        return HttpRequest.newBuilder(url).GET().timeout(Duration.ofSeconds(30))
                .header("User-Agent", UserAgent.header()).header("Accept", "text/html").build();
    }

    private record ClientFetch(HttpClient client, Body body, boolean async) implements Fetch {
        @Override
        public int get(URI url) throws Exception {
            HttpRequest r = request(url);
            return switch (body) {
                case TIMED -> {
                    var response = client.send(r, HttpResponse.BodyHandlers.ofPublisher());
                    try (TimedBodyStream in = new TimedBodyStream(response.body(), Duration.ofSeconds(30),
                            url.toString())) {
                        yield in.readAllBytes().length;
                    }
                }
                case BYTES -> async
                        ? client.sendAsync(r, HttpResponse.BodyHandlers.ofByteArray()).join().body().length
                        : client.send(r, HttpResponse.BodyHandlers.ofByteArray()).body().length;
                case STREAM -> {
                    try (InputStream in = client.send(r, HttpResponse.BodyHandlers.ofInputStream()).body()) {
                        yield in.readAllBytes().length;
                    }
                }
            };
        }

        @Override
        public void close() {
            client.close();
        }
    }

    private static final class FreshClientFetch implements Fetch {
        @Override
        public int get(URI url) throws Exception {
            try (HttpClient c = captureClient(null)) {
                return c.send(request(url), HttpResponse.BodyHandlers.ofByteArray()).body().length;
            }
        }
    }

    /** HTTP/1.1 by hand over one kept-alive socket with TCP_NODELAY: Content-Length bodies only. */
    private static final class SocketFetch implements Fetch {
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        @Override
        public int get(URI url) throws Exception {
            if (socket == null) {
                socket = new Socket(url.getHost(), url.getPort());
                socket.setTcpNoDelay(true);
                in = new BufferedInputStream(socket.getInputStream());
                out = socket.getOutputStream();
            }
            String req = "GET " + url.getRawPath() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                    + "\r\nUser-Agent: " + UserAgent.header() + "\r\nAccept: text/html\r\n\r\n";
            out.write(req.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long length = -1;
            String line;
            while (!(line = readLine()).isEmpty()) {
                if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                    length = Long.parseLong(line.substring(15).strip());
                }
            }
            if (length < 0) {
                throw new IOException("no Content-Length");
            }
            return in.readNBytes((int) length).length;
        }

        private String readLine() throws IOException {
            StringBuilder s = new StringBuilder();
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    s.append((char) c);
                }
            }
            return s.toString();
        }

        @Override
        public void close() throws IOException {
            if (socket != null) {
                socket.close();
            }
        }
    }
}
