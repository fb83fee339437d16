package org.tracelab.collectors.http;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import org.tracelab.core.collect.HttpFacts;
import org.tracelab.core.collect.StoredItem;

/**
 * The end of a URL's redirect chain, as stored: the last hop's item, reached at {@code finalUrl}.
 *
 * @param requested the URL asked for
 * @param finalUrl  the URL whose response is {@code item} (differs from {@code requested} after redirects)
 * @param status    the final status code
 * @param item      the stored response
 */
public record Capture(URI requested, URI finalUrl, int status, StoredItem item) {
    public Capture {
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(finalUrl, "finalUrl");
        Objects.requireNonNull(item, "item");
    }

    /** The response's media type without parameters, lowercase, when the server said. */
    public Optional<String> mediaType() {
        String ct = item.item().contentType();
        if (ct == null || ct.isBlank()) {
            return Optional.empty();
        }
        int semi = ct.indexOf(';');
        return Optional.of((semi < 0 ? ct : ct.substring(0, semi)).strip().toLowerCase(java.util.Locale.ROOT));
    }

    /** The Content-Encoding the server sent the body in, when it said. */
    public Optional<String> contentEncoding() {
        return item.item().http().flatMap(HttpFacts::contentEncoding);
    }

    /** True for HTML and XHTML responses, the ones whose links can be followed. */
    public boolean isHtml() {
        return mediaType().map(t -> t.equals("text/html") || t.equals("application/xhtml+xml")).orElse(false);
    }
}
