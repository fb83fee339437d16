package org.tracelab.collectors.page;

import java.util.Objects;
import org.tracelab.collectors.http.CaptureSettings;

/**
 * What a {@code page} run will do.
 *
 * @param scope    the URLs asked for and how far to follow their links
 * @param settings limits and manners of each fetch
 * @param images   true to keep the pictures of each page captured, as items under it
 */
record CrawlPlan(CrawlScope scope, CaptureSettings settings, boolean images) {
    CrawlPlan {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(settings, "settings");
    }
}
