package org.tracelab.collectors.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.SequenceInputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.tracelab.core.collect.CaptureSink;
import org.tracelab.core.collect.Header;
import org.tracelab.core.collect.HttpExchange;
import org.tracelab.core.collect.HttpFacts;
import org.tracelab.core.collect.NewItem;
import org.tracelab.core.collect.StoredBlob;
import org.tracelab.core.collect.StoredItem;
import org.tracelab.core.collect.WarcLocation;

/**
 * The one way Tracelab fetches over HTTP: each request and response is stored exactly as received, written to
 * WARC, and recorded as an {@code http-response} item, redirects followed hop by hop with each hop its own item.
 * Obeys robots.txt, the allow-list and per-host politeness. Failures of the network or of a server are noted in
 * the custody log and the run goes on; failures of the evidence store end it. Safe for many threads at once.
 */
public final class HttpCapture implements AutoCloseable {
    /** The item kind of every HTTP response. */
    public static final String KIND = "http-response";

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    /** Bodies up to this size are read into memory during the host's turn and stored after it. */
    private static final int SPOOL_BYTES = 1 << 20;
    private static final int SPOOL_PERMITS = 32;

    private final CaptureSink sink;
    private final String collectorId;
    private final CaptureSettings settings;
    private final Clock clock;
    /** Runs the client's own tasks; closed after the client, which does not close an executor it was given. */
    private final ExecutorService clientTasks;
    private final HttpClient client;
    private final Politeness politeness;
    private final RobotsRules robots;
    /** Bounds the bodies held in memory between their host's turn and the store, so memory stays bounded. */
    private final Semaphore spooling = new Semaphore(SPOOL_PERMITS);

    private HttpCapture(CaptureSink sink, String collectorId, CaptureSettings settings, Clock clock) {
        this.sink = sink;
        this.collectorId = collectorId;
        this.settings = settings;
        this.clock = clock;
        // The client's tasks run on virtual threads rather than its default pool of platform threads: a crawl's
        // requests came back 6 % sooner in a 2,000-page crawl (docs/BENCHMARKS.md, Crawl), one handoff between
        // kernel threads fewer per response.
        this.clientTasks = Executors.newVirtualThreadPerTaskExecutor();
        this.client = CaptureClient.client(settings.connectTimeout(), clientTasks);
        this.politeness = new Politeness(settings.delay());
        this.robots = new RobotsRules(u -> chain(u, null, false), this::openContent);
    }

    /**
     * Starts capturing into {@code sink}; when robots.txt is to be ignored, that decision is logged first.
     *
     * @param collectorId the collector the items are recorded under
     */
    public static HttpCapture open(CaptureSink sink, String collectorId, CaptureSettings settings, Clock clock)
            throws IOException {
        if (!settings.obeyRobots()) {
            sink.record("collect.ignore-robots", Map.of("collector", collectorId,
                    "reason", "the examiner gave --ignore-robots"));
        }
        return new HttpCapture(sink, collectorId, settings, clock);
    }

    /**
     * Captures {@code url} and the redirects it leads to.
     *
     * @param parentId the item the URL was found in, if any; it becomes the first hop's parent
     * @return the last hop, or empty when the URL was skipped or failed (the reason is in the custody log)
     */
    public Optional<Capture> capture(URI url, Long parentId) throws IOException {
        return chain(url, parentId, settings.obeyRobots());
    }

    /**
     * Why robots.txt keeps Tracelab from fetching {@code url}, or empty when it may or when the examiner chose to
     * ignore robots.txt; for a collector that fetches by other means (a browser) but keeps the same manners. The
     * robots.txt fetch is captured as any other is.
     */
    public Optional<String> robotsRefusal(URI url) throws IOException {
        return settings.obeyRobots() ? robots.refusal(url) : Optional.empty();
    }

    /**
     * Opens what a capture says, to be read: its stored body, decoded from the Content-Encoding the server sent it
     * in (see {@link ContentEncoding}); the caller closes the stream. The stored bytes themselves stay as received.
     */
    public InputStream openContent(Capture c) throws IOException {
        return ContentEncoding.decode(sink.open(c.item().blob().id()), c.contentEncoding().orElse(null),
                settings.maxBytes());
    }

    private Optional<Capture> chain(URI url, Long parentId, boolean checkRobots) throws IOException {
        Set<URI> visited = new LinkedHashSet<>();
        URI current = url;
        Long parent = parentId;
        while (true) {
            if (!settings.allowHosts().permits(current)) {
                sink.skipped(current.toString(), "host not in --allow-host list, not fetched");
                return Optional.empty();
            }
            Optional<String> refused = checkRobots ? robots.refusal(current) : Optional.empty();
            if (refused.isPresent()) {
                sink.skipped(current.toString(), refused.get());
                return Optional.empty();
            }
            visited.add(current);
            URI hopUrl = current;
            Long hopParent = parent;
            // Only the network part holds the host's turn: storing, WARC and recording run outside it, so the
            // next request to the host goes out while this one's bytes are made durable.
            Optional<Fetched> fetched = politeness.inTurn(Urls.origin(current), () -> fetch(hopUrl));
            if (fetched.isEmpty()) {
                return Optional.empty();
            }
            Hop h = record(fetched.get(), hopParent);
            if (h.redirect().isEmpty()) {
                return Optional.of(new Capture(url, current, h.status(), h.item()));
            }
            URI next = h.redirect().get();
            if (visited.contains(next)) {
                sink.failed(url.toString(), "redirect loop: " + current + " leads back to " + next);
                return Optional.empty();
            }
            if (visited.size() > settings.maxRedirects()) {
                sink.failed(url.toString(), "more than " + settings.maxRedirects() + " redirects, stopped at " + next);
                return Optional.empty();
            }
            parent = h.item().id();
            current = next;
        }
    }

    private record Hop(int status, StoredItem item, Optional<URI> redirect) {
    }

    /**
     * A response as read inside the host's turn: a body that fits {@link #SPOOL_BYTES} is held in memory (and a
     * {@link #spooling} permit with it) to be stored after the turn; a longer one was stored during the turn.
     */
    private record Fetched(URI url, Instant date, InetAddress ip, List<Header> sent,
                           HttpResponse<?> response, long t0, long headersAt, long doneAt, byte[] spooled,
                           StoredBlob blob) {
    }

    private Optional<Fetched> fetch(URI url) throws IOException {
        Instant date = clock.instant();
        InetAddress ip;
        try {
            // Resolved once here to record the address reached. HttpClient resolves again when it connects; with
            // round-robin DNS it may pick another address of the same name, which this record cannot see.
            ip = InetAddress.getByName(url.getHost());
        } catch (UnknownHostException e) {
            sink.failed(url.toString(), "unknown host " + url.getHost());
            return Optional.empty();
        }
        HttpRequest request = CaptureClient.get(url, settings.readTimeout());
        List<Header> sent = CaptureClient.sentHeaders(url);
        long t0 = System.nanoTime();
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofPublisher());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted fetching " + url);
        } catch (IOException e) {
            sink.failed(url.toString(), describe(e));
            return Optional.empty();
        }
        long headersAt = System.nanoTime();
        int spool = (int) Math.min(SPOOL_BYTES, settings.maxBytes() + 1);
        acquireSpool(url);
        boolean handedOver = false;
        try (TimedBodyStream body = new TimedBodyStream(response.body(), settings.readTimeout(), url.toString())) {
            byte[] head = body.readNBytes(spool);
            if (head.length < spool) {
                handedOver = true;
                return Optional.of(new Fetched(url, date, ip, sent, response, t0, headersAt, System.nanoTime(), head,
                        null));
            }
            // Too long to hold: stream the rest into the store while the connection is ours.
            StoredBlob blob = sink.storeBlob(new SequenceInputStream(new ByteArrayInputStream(head), body),
                    settings.maxBytes());
            return Optional.of(new Fetched(url, date, ip, sent, response, t0, headersAt, System.nanoTime(), null,
                    blob));
        } catch (BodyReadException e) {
            sink.failed(url.toString(), e.getMessage());
            return Optional.empty();
        } finally {
            if (!handedOver) {
                spooling.release();
            }
        }
    }

    private void acquireSpool(URI url) throws InterruptedIOException {
        try {
            spooling.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted fetching " + url);
        }
    }

    /** Stores what {@link #fetch} read, has its WARC records written and records the item; outside the host's turn. */
    private Hop record(Fetched f, Long parentId) throws IOException {
        try {
            return recordSpooled(f, parentId);
        } finally {
            if (f.spooled() != null) {
                spooling.release();
            }
        }
    }

    /** {@link #record}, with the body still held when it was spooled. */
    private Hop recordSpooled(Fetched f, Long parentId) throws IOException {
        byte[] spooled = f.spooled();
        StoredBlob blob = spooled == null ? f.blob()
                : sink.storeBlob(new ByteArrayInputStream(spooled), settings.maxBytes());
        URI url = f.url();
        InetAddress ip = f.ip();
        Instant date = f.date();
        List<Header> sent = f.sent();
        HttpResponse<?> response = f.response();
        long t0 = f.t0();
        long headersAt = f.headersAt();
        long doneAt = f.doneAt();

        List<Header> received = new ArrayList<>();
        // HttpClient hands headers over in a map sorted by name, names lowercased, not in wire order; the values of
        // one name stay in the order received. That is as close to the wire as the JDK client lets us see.
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                values.forEach(v -> received.add(new Header(name, v)));
            }
        });
        int status = response.statusCode();
        Optional<URI> redirect = REDIRECTS.contains(status)
                ? response.headers().firstValue("Location").flatMap(l -> Urls.resolve(url, l))
                : Optional.empty();
        String contentType = response.headers().firstValue("Content-Type").orElse(null);

        HttpFacts http = new HttpFacts("GET", status,
                response.version() == HttpClient.Version.HTTP_2 ? "HTTP/2" : "HTTP/1.1", received, sent,
                ip.getHostAddress(), redirect.map(URI::toString).orElse(null));
        WarcLocation warc = sink.archive(new HttpExchange(url, date, http, blob));

        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("timings", Map.of("headersMs", TimeUnit.NANOSECONDS.toMillis(headersAt - t0),
                "totalMs", TimeUnit.NANOSECONDS.toMillis(doneAt - t0)));
        meta.put("truncated", blob.truncated());
        NewItem item = NewItem.of(KIND, url.toString(), date, collectorId, contentType, parentId, meta)
                .with(http).with(warc);
        return new Hop(status, sink.record(item, blob), redirect);
    }

    private String describe(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "connect timed out after " + settings.connectTimeout().toMillis() + " ms";
        }
        if (e instanceof HttpTimeoutException) {
            return "no response within " + settings.readTimeout().toMillis() + " ms";
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "request failed: " + why;
    }

    /** Closes the HTTP client; the case closes the run's WARC file when the run ends. */
    @Override
    public void close() {
        try {
            client.close();
        } finally {
            clientTasks.close();
        }
    }
}
