package org.tracelab.collectors.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import org.tracelab.core.collect.Header;

/**
 * The JDK {@code HttpClient} and the requests Tracelab captures with: made here once, so {@link HttpCapture} and
 * the crawl benchmark's keep-nothing floor speak to servers in exactly the same way.
 */
public final class CaptureClient {
    static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private CaptureClient() {
    }

    /**
     * A client that follows no redirect (each hop is captured on its own) and speaks HTTP/1.1, so the WARC records
     * hold the protocol actually spoken. It does not close {@code tasks}, which runs its own work.
     */
    public static HttpClient client(Duration connectTimeout, Executor tasks) {
        return HttpClient.newBuilder()
                .executor(tasks)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .build();
    }

    /** A GET of {@code url} with Tracelab's User-Agent and Accept headers. */
    public static HttpRequest get(URI url, Duration readTimeout) {
        return HttpRequest.newBuilder(url).GET().timeout(readTimeout)
                .header("User-Agent", UserAgent.header()).header("Accept", ACCEPT).build();
    }

    /**
     * The headers {@link #get} sends, in the order they go on the wire, as the WARC request record states them
     * (HttpClient adds Host itself and does not say so).
     */
    static List<Header> sentHeaders(URI url) {
        String host = url.getPort() == -1 ? url.getHost() : url.getHost() + ":" + url.getPort();
        return List.of(new Header("Host", host), new Header("User-Agent", UserAgent.header()),
                new Header("Accept", ACCEPT));
    }
}
