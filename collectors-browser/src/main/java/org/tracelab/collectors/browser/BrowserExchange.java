package org.tracelab.collectors.browser;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.tracelab.core.collect.Header;

/**
 * One request a page made and the response it got, as the browser saw them; the body is read only when the
 * exchange is recorded, one at a time, so a page of many large resources never holds them all in memory.
 *
 * @param url             the URL requested
 * @param method          the request method
 * @param requestHeaders  the headers the browser sent (cookies included), in order
 * @param requestBody     the request body (a form's or a script's POST), or null when there was none
 * @param date            when the request was sent
 * @param status          the response status code
 * @param responseHeaders the response headers as received
 * @param ip              the address of the server reached, or null when the browser did not say
 * @param resourceType    what the browser fetched it as: document, script, stylesheet, image, xhr, fetch, …
 * @param redirect        where a redirect sent the browser, or null
 * @param body            reads the response body when it is recorded
 */
record BrowserExchange(URI url, String method, List<Header> requestHeaders, byte[] requestBody,
                       Instant date, int status, List<Header> responseHeaders, String ip,
                       String resourceType, URI redirect, Body body) {
    /** The response body, read from the browser on demand. */
    interface Body {
        /** The bytes, or what kept them from being read (a redirect has none; the browser may have dropped them). */
        Read read(long maxBytes);
    }

    /**
     * A body as read: its bytes (empty when none could be read), whether they are fewer than the server sent, and
     * why when so.
     */
    record Read(byte[] bytes, boolean truncated, String why) {
        Read {
            Objects.requireNonNull(bytes, "bytes");
        }

        static Read whole(byte[] bytes) {
            return new Read(bytes, false, null);
        }

        static Read none(String why) {
            return new Read(new byte[0], true, why);
        }
    }

    BrowserExchange {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(method, "method");
        requestHeaders = List.copyOf(requestHeaders);
        Objects.requireNonNull(date, "date");
        responseHeaders = List.copyOf(responseHeaders);
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(body, "body");
    }

    /** The first value of a response header, the name compared without case. */
    String header(String name) {
        return responseHeaders.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value)
                .findFirst().orElse(null);
    }
}
