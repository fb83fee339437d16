package org.tracelab.samples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tracelab.core.TracelabException;

/**
 * Serves a scenario's {@code site/} folder on 127.0.0.1 with the JDK HTTP server, optionally slow and flaky so
 * trainees meet timeouts and 5xx answers. {@code /s/NAME?before=N} is served from {@code s/NAME/before-N.html},
 * a folder from its {@code index.html}, and {@code .xml}/{@code .txt} files get the real base URL in place of
 * {@link ScenarioGenerator#PLACEHOLDER_BASE}. Pictures are served as a site's image CDN serves them: with long cache
 * lifetimes, validators and CDN headers, {@code /cdn-cgi/image/OPTIONS/PATH} answering PATH (the options name the
 * size a real CDN would scale to) and the channel preview's {@code /tgcdn/file/NAME} answering {@code media/NAME}.
 */
public final class LabServer implements AutoCloseable {
    private static final Pattern BEFORE = Pattern.compile("(?:^|&)before=(\\d{1,9})(?:&|$)");
    /** The image CDN's resizing path and the channel's file host, each mapped to the file it serves. */
    private static final Pattern CDN = Pattern.compile("^/cdn-cgi/image/[A-Za-z0-9=,._-]{1,100}(/.+)$");
    private static final Pattern CHANNEL_FILE = Pattern.compile("^/tgcdn/file/([A-Za-z0-9._-]{1,100})$");
    /** When every picture was last changed, so validators never depend on when the scenario was written. */
    private static final String PICTURES_MODIFIED = "Tue, 20 May 2025 08:00:00 GMT";

    static {
        // The JDK server leaves Nagle's algorithm on, so a response written in two parts (the headers, then a body
        // larger than its 8 KB buffer: two of five of the exam site's files) can wait for the client's delayed ACK;
        // nginx sets TCP_NODELAY on keep-alive connections too. Read once, when the JDK server is first made.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Path root;
    private final LabServerOptions options;
    private final HttpServer server;
    private final ExecutorService executor;
    private final SplittableRandom rng;
    private final URI baseUri;
    private final SiteFiles files = SiteFiles.forHeap();

    private LabServer(Path root, LabServerOptions options, InetAddress bind, Mount mount) throws IOException {
        this.root = root.toRealPath();
        this.options = options;
        this.rng = new SplittableRandom(options.seed());
        this.server = HttpServer.create(new InetSocketAddress(bind, options.port()), 0);
        // A thread per request, virtual: a class's hand-ins hold theirs for as long as an upload lasts and a slow lab
        // (--latency) sleeps in its own, while the site's requests never queue behind them for a pooled thread. Under
        // 30 trainees collecting at once (bench/class-load) its p99 was below a pool of 16's in the same runs.
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        if (mount != null) {
            server.createContext(mount.prefix(), mount.handler());
        }
        server.start();
        this.baseUri = URI.create("http://" + hostOf(bind) + ":" + server.getAddress().getPort() + "/");
    }

    /**
     * A service served beside the site under a path of its own.
     *
     * @param prefix  the path it answers, starting and ending with a slash, e.g. {@code /_class/}
     * @param handler what answers it
     */
    public record Mount(String prefix, HttpHandler handler) {
        /** Checks the prefix. */
        public Mount {
            if (prefix == null || !prefix.matches("/[A-Za-z0-9_-]{1,40}/")) {
                throw new IllegalArgumentException("a mount prefix is /name/, not " + prefix);
            }
            java.util.Objects.requireNonNull(handler, "handler");
        }
    }

    /** Starts serving {@code scenarioDir/site} (or {@code scenarioDir} itself if it has no site folder). */
    public static LabServer start(Path scenarioDir, LabServerOptions options) {
        return start(scenarioDir, options, InetAddress.getLoopbackAddress(), null);
    }

    /**
     * Starts serving the scenario on {@code bind} (127.0.0.1 unless a classroom's network is meant), with
     * {@code mount} (or nothing, when null) beside it.
     */
    public static LabServer start(Path scenarioDir, LabServerOptions options, InetAddress bind, Mount mount) {
        Path site = scenarioDir.resolve("site");
        Path root = Files.isDirectory(site) ? site : scenarioDir;
        if (!Files.isDirectory(root)) {
            throw TracelabException.badInput(scenarioDir.toString(), "is not a scenario folder");
        }
        try {
            return new LabServer(root, options, bind, mount);
        } catch (IOException e) {
            throw TracelabException.io("starting the lab server on " + hostOf(bind) + ":" + options.port(), e);
        }
    }

    /** The host part of the address trainees use: the bound address, or this machine's own for a wildcard. */
    private static String hostOf(InetAddress bind) {
        InetAddress shown = bind;
        if (bind.isAnyLocalAddress()) {
            shown = lanAddress();
        }
        String host = shown.getHostAddress();
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** The first IPv4 address of an interface that is up and not loopback, else loopback. */
    private static InetAddress lanAddress() {
        try {
            for (java.net.NetworkInterface ni : java.util.Collections.list(
                    java.net.NetworkInterface.getNetworkInterfaces())) {
                if (!ni.isUp() || ni.isLoopback()) {
                    continue;
                }
                for (InetAddress a : java.util.Collections.list(ni.getInetAddresses())) {
                    if (a instanceof java.net.Inet4Address) {
                        return a;
                    }
                }
            }
        } catch (java.net.SocketException e) {
            // no interface list: loopback is still an address that works on this machine
        }
        return InetAddress.getLoopbackAddress();
    }

    /** The address the site is served at, ending in a slash. */
    public URI baseUri() {
        return baseUri;
    }

    /** Stops the server and its threads. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            long delay;
            boolean fail;
            int failStatus;
            synchronized (rng) {
                delay = options.latencyMs() + (options.jitterMs() > 0 ? rng.nextInt(options.jitterMs() + 1) : 0);
                fail = options.errorRate() > 0 && rng.nextDouble() < options.errorRate();
                failStatus = rng.nextBoolean() ? 500 : 503;
            }
            if (delay > 0) {
                Thread.sleep(delay);
            }
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(exchange, 405, "method not allowed");
                return;
            }
            if (fail) {
                send(exchange, failStatus, failStatus == 500 ? "internal server error (injected)"
                        : "service unavailable (injected)");
                return;
            }
            Path file = resolve(exchange.getRequestURI());
            if (file == null) {
                send(exchange, 400, "bad path");
                return;
            }
            BasicFileAttributes attributes = attributes(file);
            if (attributes == null || !attributes.isRegularFile()) {
                send(exchange, 404, "not found");
                return;
            }
            serve(exchange, file, attributes, method.equals("HEAD"), exchange.getRequestURI().getPath());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Maps a request to a file under the root, or null if it tries to leave it. */
    private Path resolve(URI uri) {
        String path = uri.getPath();
        if (path == null || !path.startsWith("/") || path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0) {
            return null;
        }
        Matcher cdn = CDN.matcher(path);
        Matcher channelFile = CHANNEL_FILE.matcher(path);
        if (cdn.matches()) {
            path = cdn.group(1);
        } else if (channelFile.matches()) {
            path = "/media/" + channelFile.group(1);
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                return null;
            }
        }
        Path file = root.resolve(path.substring(1)).normalize();
        if (!file.startsWith(root)) {
            return null;
        }
        String query = uri.getRawQuery();
        Matcher before = query == null ? null : BEFORE.matcher(query);
        BasicFileAttributes attributes = attributes(file);
        if (attributes == null || !attributes.isDirectory()) {
            return file;
        }
        if (before != null && before.find()) {
            return file.resolve("before-" + Long.parseLong(before.group(1)) + ".html");
        }
        return file.resolve("index.html");
    }

    /** What {@code file} is (following links, as serving it does), or null when nothing is there. */
    private static BasicFileAttributes attributes(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            return null;
        }
    }

    private void serve(HttpExchange exchange, Path file, BasicFileAttributes attributes, boolean head,
                       String requested) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String type = contentType(name);
        exchange.getResponseHeaders().set("Content-Type", type);
        if (type.startsWith("image/")) {
            pictureHeaders(exchange.getResponseHeaders(), file, attributes.size(), requested);
        }
        boolean rewrite = name.endsWith(".xml") || name.endsWith(".txt");
        if (head) {
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        byte[] bytes = rewrite ? null : files.bytes(file, attributes);
        if (bytes != null) {
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
            return;
        }
        if (!rewrite) {
            exchange.sendResponseHeaders(200, attributes.size());
            try (InputStream in = Files.newInputStream(file); OutputStream out = exchange.getResponseBody()) {
                in.transferTo(out);
            }
            return;
        }
        // line by line, so a 50,000-URL sitemap never sits whole in memory
        exchange.sendResponseHeaders(200, 0);
        String base = baseUri.toString();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             Writer out = new OutputStreamWriter(exchange.getResponseBody(), StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.write(line.replace(ScenarioGenerator.PLACEHOLDER_BASE, base));
                out.write('\n');
            }
        }
    }

    /** The headers an image host sends: cache lifetime, validators, and a CDN's own when it came through one. */
    private static void pictureHeaders(com.sun.net.httpserver.Headers h, Path file, long size, String requested) {
        h.set("Cache-Control", "public, max-age=31536000, immutable");
        h.set("Last-Modified", PICTURES_MODIFIED);
        h.set("ETag", "\"" + Long.toHexString(size) + "-"
                + Integer.toHexString(file.getFileName().toString().hashCode()) + "\"");
        h.set("Timing-Allow-Origin", "*");
        if (CDN.matcher(requested).matches() || CHANNEL_FILE.matcher(requested).matches()) {
            h.set("Server", "lab-cdn");
            h.set("X-Cache", "HIT");
            h.set("Age", Long.toString(3600 + Math.floorMod(requested.hashCode(), 86_400)));
            h.set("Vary", "Accept");
            h.set("Access-Control-Allow-Origin", "*");
        }
    }

    private static String contentType(String name) {
        if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (name.endsWith("feed.xml")) {
            return "application/rss+xml; charset=utf-8";
        }
        if (name.endsWith(".xml")) {
            return "application/xml; charset=utf-8";
        }
        if (name.endsWith(".txt")) {
            return "text/plain; charset=utf-8";
        }
        if (name.endsWith(".json")) {
            return "application/json";
        }
        if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (name.endsWith(".pdf")) {
            return "application/pdf";
        }
        if (name.endsWith(".docx")) {
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        }
        if (name.endsWith(".png")) {
            return "image/png";
        }
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        if (name.endsWith(".gif")) {
            return "image/gif";
        }
        if (name.endsWith(".webp")) {
            return "image/webp";
        }
        return "application/octet-stream";
    }

    private static void send(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
