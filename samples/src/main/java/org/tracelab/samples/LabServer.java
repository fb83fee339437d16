package org.tracelab.samples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.VirtualThreadPool;
import org.tracelab.core.TracelabException;

/**
 * Serves a scenario's {@code site/} folder on 127.0.0.1 with Jetty's core server, optionally slow and flaky so
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

    private final Path root;
    private final LabServerOptions options;
    private final Server server;
    private final SplittableRandom rng;
    private final URI baseUri;
    private final SiteFiles files = SiteFiles.forHeap();

    private LabServer(Path root, LabServerOptions options, InetAddress bind, Mount mount) throws Exception {
        this.root = root.toRealPath();
        this.options = options;
        this.rng = new SplittableRandom(options.seed());
        this.server = new Server(threads());
        HttpConfiguration http = new HttpConfiguration();
        // the headers sent stay the site's own (the picture CDN names itself as a server); no Jetty banner
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // a hand-in of a few MB is read in 64 KB fills, not 8 KB ones: each fill is a wake-up of its thread among
        // thirty trainees' requests; a site request's buffer is only held while its headers are read
        http.setInputBufferSize(1 << 16);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(bind.getHostAddress());
        connector.setPort(options.port());
        // as nginx does on keep-alive connections: a response in two writes never waits for a delayed ACK
        connector.setAcceptedTcpNoDelay(true);
        server.addConnector(connector);
        server.setHandler(new Site(mount));
        // close() stops at once, as the JDK server's stop(0) did: a class's hand-in in flight is kept or refused by
        // the class itself before its thread ends
        server.setStopTimeout(0);
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        this.baseUri = URI.create("http://" + hostOf(bind) + ":" + connector.getLocalPort() + "/");
    }

    /**
     * Every task of the server on a virtual thread of its own, its selector's as well as each request's: a class's
     * hand-ins hold theirs for as long as an upload lasts and a slow lab (--latency) sleeps in its own, while the
     * site's requests never queue behind them for a pooled thread. Under 30 trainees collecting at once
     * (bench/class-load, docs/BENCHMARKS.md) it used the least CPU of this, Jetty's pool of platform threads, and
     * that pool handing requests to virtual threads, at the same latency.
     */
    private static VirtualThreadPool threads() {
        VirtualThreadPool pool = new VirtualThreadPool();
        pool.setName("lab-server");
        return pool;
    }

    /**
     * A service served beside the site under a path of its own.
     *
     * @param prefix  the path it answers, starting and ending with a slash, e.g. {@code /_class/}
     * @param handler what answers it
     */
    public record Mount(String prefix, Request.Handler handler) {
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
        } catch (Exception e) {
            // Jetty wraps the socket's own failure ("Failed to bind to ..."), whose words say what is wrong
            Throwable why = e;
            while (why.getCause() instanceof IOException inner) {
                why = inner;
            }
            IOException io = why instanceof IOException i ? i : new IOException(e.getMessage(), e);
            throw TracelabException.io("starting the lab server on " + hostOf(bind) + ":" + options.port(), io);
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
        try {
            server.stop();
        } catch (Exception e) {
            // stopping is best effort: its connections are closed and the port released all the same
        }
    }

    /** The site, and the mounted service under its prefix. */
    private final class Site extends Handler.Abstract {
        private final Mount mount;

        Site(Mount mount) {
            this.mount = mount;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            if (mount != null && request.getHttpURI().getPath().startsWith(mount.prefix())) {
                return mount.handler().handle(request, response, callback);
            }
            try {
                site(request, response, callback);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                callback.failed(e);
            } catch (IOException | RuntimeException e) {
                callback.failed(e);
            }
            return true;
        }
    }

    private void site(Request request, Response response, Callback callback) throws IOException,
            InterruptedException {
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
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            send(response, callback, 405, "method not allowed");
            return;
        }
        if (fail) {
            send(response, callback, failStatus, failStatus == 500 ? "internal server error (injected)"
                    : "service unavailable (injected)");
            return;
        }
        HttpURI uri = request.getHttpURI();
        Path file = resolve(uri.getDecodedPath(), uri.getQuery());
        if (file == null) {
            send(response, callback, 400, "bad path");
            return;
        }
        BasicFileAttributes attributes = attributes(file);
        if (attributes == null || !attributes.isRegularFile()) {
            send(response, callback, 404, "not found");
            return;
        }
        serve(response, callback, file, attributes, uri.getDecodedPath());
    }

    /** Maps a request to a file under the root, or null if it tries to leave it. */
    private Path resolve(String path, String query) {
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

    /** Sends the file; the server leaves the body out when the request was a HEAD, keeping its length. */
    private void serve(Response response, Callback callback, Path file, BasicFileAttributes attributes,
                       String requested) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String type = contentType(name);
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, type);
        if (type.startsWith("image/")) {
            pictureHeaders(headers, file, attributes.size(), requested);
        }
        boolean rewrite = name.endsWith(".xml") || name.endsWith(".txt");
        byte[] bytes = rewrite ? null : files.bytes(file, attributes);
        if (bytes != null) {
            headers.put(HttpHeader.CONTENT_LENGTH, bytes.length);
            response.write(true, ByteBuffer.wrap(bytes), callback);
            return;
        }
        if (!rewrite) {
            headers.put(HttpHeader.CONTENT_LENGTH, attributes.size());
            try (OutputStream out = Content.Sink.asOutputStream(response)) {
                Files.copy(file, out);
            }
            callback.succeeded();
            return;
        }
        // line by line, so a 50,000-URL sitemap never sits whole in memory (sent chunked, as before)
        String base = baseUri.toString();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             Writer out = new OutputStreamWriter(Content.Sink.asOutputStream(response), StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.write(line.replace(ScenarioGenerator.PLACEHOLDER_BASE, base));
                out.write('\n');
            }
        }
        callback.succeeded();
    }

    /** The headers an image host sends: cache lifetime, validators, and a CDN's own when it came through one. */
    private static void pictureHeaders(HttpFields.Mutable h, Path file, long size, String requested) {
        h.put("Cache-Control", "public, max-age=31536000, immutable");
        h.put("Last-Modified", PICTURES_MODIFIED);
        h.put("ETag", "\"" + Long.toHexString(size) + "-"
                + Integer.toHexString(file.getFileName().toString().hashCode()) + "\"");
        h.put("Timing-Allow-Origin", "*");
        if (CDN.matcher(requested).matches() || CHANNEL_FILE.matcher(requested).matches()) {
            h.put("Server", "lab-cdn");
            h.put("X-Cache", "HIT");
            h.put("Age", Long.toString(3600 + Math.floorMod(requested.hashCode(), 86_400)));
            h.put("Vary", "Accept");
            h.put("Access-Control-Allow-Origin", "*");
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

    private static void send(Response response, Callback callback, int status, String text) {
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
