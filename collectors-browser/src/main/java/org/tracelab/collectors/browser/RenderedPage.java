package org.tracelab.collectors.browser;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one page visit in the browser gave: the navigation's exchanges (redirect hops, then the document), every
 * other exchange the page made, and what the page looked like when the visit ended.
 *
 * @param requested   the URL asked for
 * @param finalUrl    the URL the page showed at the end (after redirects and script navigation)
 * @param navigation  the navigation's exchanges in order, the document last; empty when it got no response
 * @param resources   every other exchange the page made (sub-resources, XHR, fetch, frames), in the order finished
 * @param dom         the rendered DOM serialised as HTML, or null when it could not be read
 * @param screenshot  a PNG of the page's full height (clipped past {@link PageVisit#MAX_SHOT_HEIGHT}), or null
 * @param pdf         the page printed to PDF when asked, or null
 * @param loadStarted when the navigation started
 * @param loadEnded   when the visit ended: the page settled, or its time budget ran out
 * @param view        the browser, viewport and user agent it was seen with
 * @param notes       what the examiner should know about the visit: a budget cut, dialogs dismissed, pop-ups
 *                    closed, requests blocked or failed, a crash; one short line each
 * @param failure     why the page could not be loaded at all, or null when it was
 */
record RenderedPage(URI requested, URI finalUrl, List<BrowserExchange> navigation, List<BrowserExchange> resources,
                    String dom, byte[] screenshot, byte[] pdf, Instant loadStarted, Instant loadEnded, View view,
                    List<String> notes, String failure) {
    /**
     * How the page was seen.
     *
     * @param browser   the browser's name and version, e.g. {@code Chromium 156.0.8078.114}
     * @param width     the viewport's width in CSS pixels
     * @param height    the viewport's height in CSS pixels
     * @param userAgent the User-Agent header the browser sent
     */
    record View(String browser, int width, int height, String userAgent) {
        View {
            Objects.requireNonNull(browser, "browser");
            Objects.requireNonNull(userAgent, "userAgent");
            if (width <= 0 || height <= 0) {
                throw new IllegalArgumentException("viewport must be positive: " + width + "x" + height);
            }
        }
    }

    RenderedPage {
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(finalUrl, "finalUrl");
        navigation = List.copyOf(navigation);
        resources = List.copyOf(resources);
        Objects.requireNonNull(loadStarted, "loadStarted");
        Objects.requireNonNull(loadEnded, "loadEnded");
        Objects.requireNonNull(view, "view");
        notes = List.copyOf(notes);
    }

    /** The document's exchange, when the navigation got one. */
    java.util.Optional<BrowserExchange> document() {
        return navigation.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(navigation.get(navigation.size() - 1));
    }
}
