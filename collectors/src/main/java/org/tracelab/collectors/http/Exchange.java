package org.tracelab.collectors.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tracelab.core.store.StoredBlob;

/**
 * One HTTP request and its response as captured: what the WARC records are written from.
 *
 * @param url             the URL requested
 * @param requestTarget   the request line's target (path and query)
 * @param requestHeaders  the headers sent, in order
 * @param ip              the address the host name resolved to, or null when unknown
 * @param date            when the request was sent
 * @param status          the response status code
 * @param responseHeaders the response headers as received
 * @param payload         the stored body
 * @param payloadBytes    opens the body's bytes, to stream them into the WARC (the blob may still be staged)
 */
record Exchange(URI url, String requestTarget, List<Map.Entry<String, String>> requestHeaders, InetAddress ip,
                Instant date, int status, List<Map.Entry<String, String>> responseHeaders, StoredBlob payload,
                PayloadBytes payloadBytes) {
    /** Opens the stored body; the caller closes the stream. */
    interface PayloadBytes {
        InputStream open() throws IOException;
    }

    Exchange {
        Objects.requireNonNull(url, "url");
        requestHeaders = List.copyOf(requestHeaders);
        responseHeaders = List.copyOf(responseHeaders);
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(payloadBytes, "payloadBytes");
    }
}
