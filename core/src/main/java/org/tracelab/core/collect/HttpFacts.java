package org.tracelab.core.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one HTTP exchange said: the request sent and the response's status line and headers (the body is the
 * item's blob). Stored at the top of the item's meta as {@code method}, {@code status}, {@code httpVersion},
 * {@code headers}, {@code requestHeaders}, {@code ip} and {@code redirect}.
 *
 * @param method          the request method, e.g. {@code GET}
 * @param status          the response status code
 * @param httpVersion     {@code HTTP/1.1} or {@code HTTP/2}
 * @param headers         the response headers as received
 * @param requestHeaders  the request headers as sent, in order
 * @param ip              the address reached, or null when unknown
 * @param redirect        the absolute URL a redirect pointed to, or null
 */
public record HttpFacts(String method, int status, String httpVersion, List<Header> headers,
                        List<Header> requestHeaders, String ip, String redirect) implements Facts {
    public HttpFacts {
        Objects.requireNonNull(method, "method");
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("not an HTTP status code: " + status);
        }
        Objects.requireNonNull(httpVersion, "httpVersion");
        headers = List.copyOf(headers);
        requestHeaders = List.copyOf(requestHeaders);
    }

    /** The first value of a response header, the name compared without case. */
    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
    }

    /** The Content-Encoding the server sent the body in, when it said. */
    public Optional<String> contentEncoding() {
        return header("Content-Encoding");
    }

    @Override
    public void writeTo(ObjectNode meta) {
        meta.put("method", method);
        meta.put("status", status);
        meta.put("httpVersion", httpVersion);
        writeHeaders(meta.putArray("headers"), headers);
        writeHeaders(meta.putArray("requestHeaders"), requestHeaders);
        if (ip != null) {
            meta.put("ip", ip);
        }
        if (redirect != null) {
            meta.put("redirect", redirect);
        }
    }

    /** The facts in an item's meta: present when it records an HTTP status (an HTTP capture's item). */
    public static Optional<HttpFacts> of(JsonNode meta) {
        if (!meta.path("status").isInt()) {
            return Optional.empty();
        }
        return Optional.of(new HttpFacts(meta.path("method").asText("GET"), meta.path("status").asInt(),
                meta.path("httpVersion").asText("HTTP/1.1"), readHeaders(meta.path("headers")),
                readHeaders(meta.path("requestHeaders")), text(meta.path("ip")), text(meta.path("redirect"))));
    }

    private static void writeHeaders(ArrayNode out, List<Header> headers) {
        headers.forEach(h -> out.addArray().add(h.name()).add(h.value()));
    }

    private static List<Header> readHeaders(JsonNode pairs) {
        List<Header> out = new ArrayList<>();
        for (JsonNode h : pairs) {
            out.add(new Header(h.path(0).asText(), h.path(1).asText()));
        }
        return out;
    }

    private static String text(JsonNode n) {
        return n.isTextual() ? n.asText() : null;
    }
}
