package org.tracelab.collectors.ads;

import java.io.IOException;
import java.time.Clock;
import org.tracelab.collectors.http.CaptureSettings;
import org.tracelab.collectors.http.HttpCapture;
import org.tracelab.core.collect.CaptureSink;

/**
 * A browser the ads walk can read pages through, found with {@link java.util.ServiceLoader} so the plain collectors
 * do not depend on one: the browser collector's module provides it.
 */
public interface PageRenderer {
    /**
     * A page source that renders each page, recording every exchange, the DOM and a screenshot through {@code sink}
     * under {@code collectorId}, with the manners of {@code settings}; {@code http} answers robots.txt.
     */
    PageSource open(HttpCapture http, CaptureSink sink, String collectorId, CaptureSettings settings, Clock clock)
            throws IOException;
}
