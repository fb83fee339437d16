package org.tracelab.collectors.browser;

import java.io.IOException;
import java.time.Clock;
import org.tracelab.collectors.ads.PageRenderer;
import org.tracelab.collectors.ads.PageSource;
import org.tracelab.collectors.http.CaptureSettings;
import org.tracelab.collectors.http.HttpCapture;
import org.tracelab.core.collect.CaptureSink;

/**
 * The browser as the ads walk reads pages through it ({@code collect ads --browser}), found by ServiceLoader: one
 * Chromium for the run, the default viewport and page budget of {@code collect browser}.
 */
public final class BrowserRenderer implements PageRenderer {
    @Override
    public PageSource open(HttpCapture http, CaptureSink sink, String collectorId, CaptureSettings settings,
                           Clock clock) throws IOException {
        // Said before anything is fetched: without a browser, nothing of the run can be done.
        BrowserInstall install = BrowserInstall.find(System.getenv());
        BrowserSettings browser = new BrowserSettings(BrowserCollector.DEFAULT_WIDTH, BrowserCollector.DEFAULT_HEIGHT,
                BrowserPages.DEFAULT_BUDGET, settings.maxBytes(), settings.allowHosts(), false);
        Chromium chromium = Chromium.launch(install, browser, clock);
        return new BrowserPages(http, chromium, new PageRecorder(sink, collectorId, settings.maxBytes()), sink,
                settings, true);
    }
}
