package org.tracelab.collectors.browser;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.ServiceWorkerPolicy;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.tracelab.collectors.http.UserAgent;
import org.tracelab.core.TracelabException;

/**
 * One headless Chromium for a run, driven through Playwright: a fresh profile that is thrown away at the end;
 * service workers, downloads and pop-ups off; in a lab, every request to a host outside the allow-list blocked
 * twice over (the browser resolves no other host name, and each request is checked before it leaves).
 *
 * <p>Not safe for several threads: Playwright's Java client answers on the thread that called it. A page that
 * stops answering (a script that never yields) is handled by a watchdog thread that kills the browser's processes,
 * which makes the stuck call fail; the next page gets a new browser.
 *
 * <p>No browser outlives Tracelab: {@link #close} ends the browser and the driver and then kills whatever process
 * of theirs is left; killed outright, Tracelab takes the driver's standard input with it, and the driver then ends
 * the browser it started.
 */
final class Chromium implements AutoCloseable {
    /**
     * A renderer's JavaScript heap, in MB: a real classifieds page needs a fraction of it, and a page that fills it
     * crashes its own renderer instead of the machine (the goal: the browser under 1 GB resident).
     */
    static final int JS_HEAP_MB = 512;

    private final BrowserInstall install;
    private final BrowserSettings settings;
    private final Clock clock;
    private final Playwright playwright;
    private final ScheduledExecutorService watchdog;
    /** The driver's process, whose descendants are the browser's; empty when it could not be told apart. */
    private final Optional<ProcessHandle> driver;
    private Browser browser;
    private BrowserContext context;
    private RenderedPage.View view;
    /** The tab pages are visited in, kept from one page to the next while they leave it clean; null before one. */
    private Tab tab;
    /** Where the context's blocked requests are told: the visit under way. */
    private Consumer<String> blocked = u -> {
    };

    private Chromium(BrowserInstall install, BrowserSettings settings, Clock clock, Playwright playwright,
                     Optional<ProcessHandle> driver) {
        this.install = install;
        this.driver = driver;
        this.settings = settings;
        this.clock = clock;
        this.playwright = playwright;
        this.watchdog = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("tracelab-browser-watchdog").daemon().factory());
    }

    /** Starts the driver and the browser; a failure is one line naming what would not start (exit 3). */
    static Chromium launch(BrowserInstall install, BrowserSettings settings, Clock clock) {
        // Playwright's Java client reads where its driver is from this property alone.
        System.setProperty("playwright.cli.dir", install.driverDir().toString());
        Set<Long> before = children();
        Playwright pw;
        try {
            pw = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of(
                    "PLAYWRIGHT_NODEJS_PATH", install.node().toString(),
                    "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        } catch (PlaywrightException e) {
            throw new TracelabException(TracelabException.Failure.IO, "collect browser could not start Playwright's"
                    + " driver with " + install.node() + ": " + firstLine(e.getMessage()), e);
        }
        // The driver is the child that Playwright.create started (Node.js running the driver's cli.js).
        Optional<ProcessHandle> driver = ProcessHandle.current().children()
                .filter(p -> !before.contains(p.pid())).findFirst();
        Chromium c = new Chromium(install, settings, clock, pw, driver);
        try {
            c.start();
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private void start() {
        try {
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(install.chromium())
                    .setHeadless(true)
                    .setArgs(arguments())
                    // Chromium's own pop-up blocker stays on, as in any browser: a page's window.open without a
                    // click opens nothing, so a storm of pop-ups cannot start a storm of renderers.
                    .setIgnoreDefaultArgs(List.of("--disable-popup-blocking"))
                    .setTimeout(60_000));
        } catch (PlaywrightException e) {
            throw new TracelabException(TracelabException.Failure.IO, "collect browser could not start "
                    + install.chromium() + ": " + firstLine(e.getMessage()), e);
        }
        CDPSession cdp = browser.newBrowserCDPSession();
        JsonObject version = cdp.send("Browser.getVersion");
        cdp.detach();
        // The browser's own User-Agent, so sites render as for any Chromium, with Tracelab named at its end, so a
        // site owner can tell who fetched what (DESIGN: collection manners).
        String userAgent = version.get("userAgent").getAsString() + " " + UserAgent.header();
        view = new RenderedPage.View("Chromium " + browser.version(), settings.width(), settings.height(),
                userAgent);
        context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(settings.width(), settings.height())
                .setDeviceScaleFactor(1)
                .setUserAgent(userAgent)
                .setServiceWorkers(ServiceWorkerPolicy.BLOCK)
                .setAcceptDownloads(false));
        // alert(), confirm() and prompt() answer at once as if dismissed, and show nothing: a dialog blocks the page's
        // renderer, and a loop of them keeps a page from being read at all (an open dialog answers no one). A
        // dialog raised otherwise (on leaving a page, say) is dismissed by the visit.
        context.addInitScript("(() => { window.alert = () => undefined; window.confirm = () => false;"
                + " window.prompt = () => null; })()");
        if (settings.confined()) {
            context.route(u -> true, route -> {
                String url = route.request().url();
                if (permitted(url)) {
                    route.resume();
                } else {
                    blocked.accept(url);
                    route.abort("blockedbyclient");
                }
            });
            context.routeWebSocket(u -> true, ws -> {
                if (permitted(ws.url())) {
                    ws.connectToServer();
                } else {
                    blocked.accept(ws.url());
                    ws.close();
                }
            });
        }
    }

    private boolean permitted(String url) {
        try {
            URI u = URI.create(url);
            return u.getHost() != null && settings.allowHosts().permits(u);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private List<String> arguments() {
        List<String> args = new ArrayList<>(List.of(
                "--disable-notifications",
                "--mute-audio",
                "--no-default-browser-check",
                "--disable-dev-shm-usage",
                "--js-flags=--max-old-space-size=" + JS_HEAP_MB));
        if (settings.confined()) {
            // A lab page cannot reach the internet even past the request check below: only the allowed host names
            // resolve. (Addresses given as numbers are caught by that check.)
            StringBuilder rules = new StringBuilder("MAP * ~NOTFOUND");
            for (String entry : settings.allowHosts().entries()) {
                rules.append(", EXCLUDE ").append(hostOf(entry));
            }
            args.add("--host-resolver-rules=" + rules);
        }
        return args;
    }

    /** The host of an allow-list entry, without its port. */
    private static String hostOf(String entry) {
        if (entry.startsWith("[")) {
            int end = entry.indexOf(']');
            return end > 0 ? entry.substring(0, end + 1) : entry;
        }
        int colon = entry.indexOf(':');
        return colon < 0 ? entry : entry.substring(0, colon);
    }

    /** The browser, viewport and user agent pages are seen with. */
    RenderedPage.View view() {
        return view;
    }

    /**
     * Opens {@code url} in the run's tab (a new one after a page that troubled the last) and lets it load, scroll
     * and settle within the budget. Close the visit once what it holds is recorded: its bodies are read from the
     * browser until then.
     */
    PageVisit visit(URI url) {
        if (browser == null || !browser.isConnected()) {
            restart();
        }
        if (tab == null || tab.page().isClosed()) {
            tab = Tab.open(context);
        }
        PageVisit visit = new PageVisit(this, tab, url, settings, clock);
        blocked = visit::blocked;
        ScheduledFuture<?> stuck = watchdog.schedule(this::killBrowser,
                settings.budget().toMillis() + 2 * settings.graceMs(), TimeUnit.MILLISECONDS);
        visit.onClose(kept -> {
            stuck.cancel(false);
            blocked = u -> {
            };
            if (!kept) {
                tab = null;
            }
        });
        visit.load();
        return visit;
    }

    private void restart() {
        tab = null;
        try {
            if (browser != null) {
                browser.close();
            }
        } catch (PlaywrightException gone) {
            // it was killed: nothing to close
        }
        killBrowser();
        start();
    }

    /**
     * Kills the browser's processes (every process under the driver), the one way to stop a page whose script never
     * yields: Playwright's calls wait for the page, and its client must not be called from another thread.
     */
    void killBrowser() {
        driver.ifPresent(d -> d.descendants().forEach(ProcessHandle::destroyForcibly));
    }

    private static Set<Long> children() {
        return ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    /** Ends the browser and the driver, then kills any process of theirs that is left. */
    @Override
    public void close() {
        watchdog.shutdownNow();
        try {
            if (browser != null) {
                browser.close();
            }
        } catch (PlaywrightException gone) {
            // already gone
        } finally {
            try {
                playwright.close();
            } catch (PlaywrightException gone) {
                // the driver is gone already
            } finally {
                driver.ifPresent(d -> {
                    List<ProcessHandle> left = d.descendants().toList();
                    d.destroyForcibly();
                    left.forEach(ProcessHandle::destroyForcibly);
                });
            }
        }
    }

    /**
     * The one line of a Playwright failure that says what went wrong: its driver reports errors as a block
     * ({@code Error { message='net::ERR_… at URL', name=…, stack=… }}), whose message line is the one that matters.
     */
    static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "no reason given";
        }
        String m = message.strip();
        int at = m.indexOf("message='");
        if (at >= 0) {
            m = m.substring(at + "message='".length());
        }
        int nl = m.indexOf('\n');
        m = (nl < 0 ? m : m.substring(0, nl)).strip();
        // Playwright's call log and the URL's quote close the line
        return m.endsWith("'") ? m.substring(0, m.length() - 1) : m;
    }
}
