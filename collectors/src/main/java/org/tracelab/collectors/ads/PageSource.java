package org.tracelab.collectors.ads;

import java.io.IOException;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import org.jsoup.nodes.Document;

/**
 * Where the ads walk gets its listing and ad pages: a plain fetch of their HTML, or a browser that runs their
 * scripts first and reads the DOM they built ({@code collect ads --browser}). Either way the page is captured as
 * evidence before it is read.
 */
public interface PageSource extends AutoCloseable {
    /**
     * A page captured for reading.
     *
     * @param itemId    the item the page's fields are read from (the response, or the rendered page)
     * @param finalUrl  the URL the page ended at, which links on it resolve against
     * @param status    the HTTP status of its document
     * @param mediaType the document's media type as the server sent it, or null
     * @param doc       the page's document, or null when it is not HTML
     */
    record Page(long itemId, URI finalUrl, int status, String mediaType, Document doc) {
        public Page {
            Objects.requireNonNull(finalUrl, "finalUrl");
        }

        /** Why the page cannot be read as an HTML page, or empty when it can. */
        public Optional<String> unreadable() {
            if (status >= 400 || doc == null) {
                return Optional.of(status + " " + (mediaType == null ? "without a content type" : mediaType));
            }
            return Optional.empty();
        }
    }

    /**
     * Captures the page at {@code url}, found on the item {@code parentId} (null for the start), and reads it;
     * empty when nothing was captured (the sink was told why).
     */
    Optional<Page> page(URI url, Long parentId) throws IOException;

    @Override
    void close() throws IOException;
}
