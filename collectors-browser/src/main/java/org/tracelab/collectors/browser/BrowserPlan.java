package org.tracelab.collectors.browser;

import java.util.Objects;
import org.tracelab.collectors.http.CaptureSettings;
import org.tracelab.collectors.page.CrawlScope;

/**
 * What a {@code browser} run will do.
 *
 * @param scope    the URLs asked for and how far to follow the links of the rendered pages
 * @param http     the manners shared with the HTTP collectors (robots.txt, allow-list, delay, body limit)
 * @param browser  how each page is visited
 */
record BrowserPlan(CrawlScope scope, CaptureSettings http, BrowserSettings browser) {
    BrowserPlan {
        if (scope.seeds().isEmpty()) {
            throw new IllegalArgumentException("a plan needs seeds");
        }
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(browser, "browser");
    }
}
