package org.tracelab.collectors.browser;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tracelab.collectors.http.CaptureSettings;
import org.tracelab.collectors.http.HttpCapture;
import org.tracelab.collectors.http.HttpCollector;
import org.tracelab.collectors.http.HttpOptions;
import org.tracelab.collectors.page.CrawlScope;
import org.tracelab.core.TracelabException;
import org.tracelab.core.collect.CaptureSink;
import org.tracelab.core.collect.CollectRequest;
import org.tracelab.core.collect.CollectorOption;
import org.tracelab.core.collect.IntOption;

/**
 * {@code collect browser URL...}: renders pages in a real headless Chromium and keeps what the trainee would have
 * seen: every exchange the page made (with WARC records), a full-page screenshot, the DOM after scripts and, with
 * {@code --pdf}, a PDF print. With {@code --depth} it follows the links of the rendered pages, one page at a time,
 * with the manners of the HTTP collectors (robots.txt, {@code --allow-host}, {@code --delay}).
 */
public final class BrowserCollector extends HttpCollector {
    /** The collector's id on the command line. */
    public static final String ID = "browser";
    static final IntOption BUDGET = new IntOption("--budget", "SECONDS",
            "time a page has to load, scroll and settle; what is there by then is kept and the cut noted", 30, 1, 600);
    static final String VIEWPORT = "--viewport";
    static final int DEFAULT_WIDTH = 1280;
    static final int DEFAULT_HEIGHT = 800;
    private static final String DEFAULT_VIEWPORT = DEFAULT_WIDTH + "x" + DEFAULT_HEIGHT;
    private static final Pattern SIZE = Pattern.compile("(\\d{3,5})x(\\d{3,5})");

    /** The collector as ServiceLoader makes it. */
    public BrowserCollector() {
        super(ID);
    }

    /** A collector dated by {@code clock}. */
    public BrowserCollector(Clock clock) {
        super(ID, clock);
    }

    @Override
    public String description() {
        return "pages rendered in headless Chromium: every exchange (WARC), a screenshot, the DOM after scripts";
    }

    @Override
    protected List<CollectorOption> ownOptions() {
        List<CollectorOption> options = new ArrayList<>(CrawlScope.options());
        options.addAll(List.of(
                BUDGET.option(),
                CollectorOption.value(VIEWPORT, "WxH", "the browser window's size in CSS pixels",
                        DEFAULT_VIEWPORT),
                CollectorOption.flag("--pdf", "also print each page to PDF")));
        return options;
    }

    @Override
    public void collect(CollectRequest request, CaptureSink sink) throws IOException {
        BrowserPlan plan = plan(request);
        // Said before anything is fetched or stored: without a browser, nothing of the run can be done.
        BrowserInstall install = BrowserInstall.find(System.getenv());
        try (HttpCapture http = open(plan.http(), sink);
             Chromium chromium = Chromium.launch(install, plan.browser(), clock());
             BrowserPages pages = new BrowserPages(http, chromium, new PageRecorder(sink, ID,
                     plan.http().maxBytes()), sink, plan.http(), false)) {
            new BrowserCrawl(plan, pages, request.progress()).run();
        }
    }

    /** Reads and checks the request before anything is fetched; any fault is bad input naming it. */
    BrowserPlan plan(CollectRequest request) {
        CrawlScope scope = CrawlScope.read(request);
        CaptureSettings http = HttpOptions.settings(request);
        String viewport = request.value(VIEWPORT).orElse(DEFAULT_VIEWPORT).strip();
        Matcher m = SIZE.matcher(viewport);
        if (!m.matches() || !inRange(m.group(1)) || !inRange(m.group(2))) {
            throw TracelabException.badInput("collect browser " + VIEWPORT + " " + viewport,
                    "expected WIDTHxHEIGHT, each 100 to 10000, e.g. 1280x800");
        }
        BrowserSettings browser = new BrowserSettings(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Duration.ofSeconds(BUDGET.read(request)), http.maxBytes(), http.allowHosts(), request.flag("--pdf"));
        return new BrowserPlan(scope, http, browser);
    }

    private static boolean inRange(String n) {
        int v = Integer.parseInt(n);
        return v >= 100 && v <= 10_000;
    }
}
