package org.tracelab.collectors.ads;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import org.tracelab.collectors.http.Capture;
import org.tracelab.collectors.http.HtmlPages;
import org.tracelab.collectors.http.HttpCapture;

/** Pages as a plain fetch gets them: the response captured, its HTML parsed in the charset it declares. */
final class FetchedPages implements PageSource {
    private final HttpCapture http;

    FetchedPages(HttpCapture http) {
        this.http = http;
    }

    @Override
    public Optional<Page> page(URI url, Long parentId) throws IOException {
        Optional<Capture> got = http.capture(url, parentId);
        if (got.isEmpty()) {
            return Optional.empty();
        }
        Capture c = got.get();
        return Optional.of(new Page(c.item().id(), c.finalUrl(), c.status(), c.mediaType().orElse(null),
                c.isHtml() ? HtmlPages.html(http, c) : null));
    }

    /** The capture is the run's, closed by the collector. */
    @Override
    public void close() {
    }
}
