package org.tracelab.core.collect;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * One HTTP request and its response, whose bodies are already stored: what the case writes as a WARC
 * {@code request} and {@code response} record ({@link CaptureSink#archive}).
 *
 * @param url         the URL requested
 * @param date        when the request was sent
 * @param http        the request and response as sent and received
 * @param payload     the response body as stored (truncated when the limit cut it)
 * @param requestBody the request body as stored (a form's POST, say), or null when the request had none
 */
public record HttpExchange(URI url, Instant date, HttpFacts http, StoredBlob payload, StoredBlob requestBody) {
    public HttpExchange {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(payload, "payload");
    }

    /** An exchange whose request had no body, as a GET has none. */
    public HttpExchange(URI url, Instant date, HttpFacts http, StoredBlob payload) {
        this(url, date, http, payload, null);
    }
}
