package org.tracelab.collectors.browser;

import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Dialog;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.HttpHeader;
import com.microsoft.playwright.options.ServerAddr;
import com.microsoft.playwright.options.WaitUntilState;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.tracelab.core.collect.Header;

/**
 * One page in one tab: loaded, scrolled to its end (bounded) so lazy content loads, left to settle (bounded), then
 * pictured (full-height PNG), serialised (the DOM after scripts) and, when asked, printed. Every request the page
 * makes is followed through the browser's events; bodies are read only when the visit is recorded. Whatever
 * happens (a budget cut, dialogs, pop-ups, a crash, a browser that stops answering), the visit ends with what it
 * has and says what happened in its notes.
 */
final class PageVisit implements AutoCloseable {
    /** Screenshots stop at this height; past it a page is pictured to here and the cut is noted. */
    static final int MAX_SHOT_HEIGHT = 16_384;
    /** Most screens scrolled to make lazy content load. */
    static final int MAX_SCROLLS = 20;
    /** Pause after each scroll for what it triggers. */
    static final long SCROLL_PAUSE_MS = 250;
    /** Most time spent waiting for the network to settle once the page has loaded and scrolled. */
    static final long SETTLE_MS = 5_000;
    /**
     * The page has settled when no request has started or ended for this long and its DOM has not changed for as
     * long: a script that receives its JSON changes the DOM at once, and the DOM it builds starts its pictures'
     * requests at once, so each step of a script-rendered page shows within this time of the one before.
     */
    static final long QUIET_MS = 100;
    /** Most time the DOM is watched for a quiet moment in each wait for the network to settle. */
    static final long DOM_WATCH_MS = 1_000;
    /**
     * Resolves once no node or text of the document has changed for {@code quiet} ms, or {@code most} ms after it
     * was called. Attributes are not watched: animations change them on every frame, content does not.
     */
    private static final String DOM_QUIET = """
            ([quiet, most]) => new Promise(done => {
              const started = performance.now();
              let last = started;
              const seen = new MutationObserver(() => { last = performance.now(); });
              seen.observe(document, { subtree: true, childList: true, characterData: true });
              const check = () => {
                const now = performance.now();
                if (now - last >= quiet || now - started >= most) { seen.disconnect(); done(now - last >= quiet); }
                else { setTimeout(check, Math.max(10, quiet - (now - last))); }
              };
              setTimeout(check, Math.min(quiet, most));
            })""";
    /** Most requests of one page that are kept; a page making more is noted. */
    static final int MAX_EXCHANGES = 2_000;
    /** Most lines of blocked or failed requests kept in the notes. */
    static final int MAX_NOTED = 50;

    private final Chromium chromium;
    private final Tab tab;
    private final Page page;
    private final URI url;
    private final BrowserSettings settings;
    private final Clock clock;
    private final long deadline;
    private final List<Request> requests = new ArrayList<>();
    /** The main frame's navigation requests, in order: redirect hops and script navigations. */
    private final List<Request> navigations = new ArrayList<>();
    private final Map<Request, Response> responses = new IdentityHashMap<>();
    private final Set<Request> finished = Collections.newSetFromMap(new IdentityHashMap<>());
    /**
     * This visit's requests still in flight. A tab kept from the page before may still report the end of that
     * page's requests, which are none of this visit's.
     */
    private final Set<Request> inFlight = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<String> notes = new LinkedHashSet<>();
    private final List<String> blockedUrls = new ArrayList<>();
    private final List<String> failedUrls = new ArrayList<>();
    private int dropped;
    /** When a request of this visit last started or ended. */
    private long lastNetwork = System.nanoTime();
    private int dialogs;
    private int popups;
    private boolean crashed;
    /** True when the budget ran out before the page had loaded. */
    private boolean cut;
    /** True when the page could not be pictured or read as asked. */
    private boolean troubled;
    private final Consumer<Request> onRequest = this::started;
    private final Consumer<Response> onResponse = r -> {
        if (inFlight.contains(r.request()) || finished.contains(r.request())) {
            responses.put(r.request(), r);
        }
    };
    private final Consumer<Request> onFinished = r -> ended(r, true);
    private final Consumer<Request> onFailed = r -> ended(r, false);
    // Dialogs are dismissed, so a page cannot stop the visit with alert() and confirm(); each is counted. Only
    // dismissed here: the renderer waits on the dialog, so a call that needs it would wait forever.
    private final Consumer<Dialog> onDialog = d -> {
        dialogs++;
        d.dismiss();
    };
    private final Consumer<Page> onPopup = p -> {
        popups++;
        p.close();
    };
    private final Consumer<Page> onCrash = p -> crashed = true;
    private Consumer<Boolean> onClose = kept -> {
    };
    private RenderedPage result;

    PageVisit(Chromium chromium, Tab tab, URI url, BrowserSettings settings, Clock clock) {
        this.chromium = chromium;
        this.tab = tab;
        this.page = tab.page();
        this.url = url;
        this.settings = settings;
        this.clock = clock;
        this.deadline = System.nanoTime() + settings.budget().toNanos();
        page.onRequest(onRequest);
        page.onResponse(onResponse);
        page.onRequestFinished(onFinished);
        page.onRequestFailed(onFailed);
        page.onDialog(onDialog);
        page.onPopup(onPopup);
        page.onCrash(onCrash);
    }

    private void started(Request r) {
        inFlight.add(r);
        lastNetwork = System.nanoTime();
        // told now, while the request's frame exists: a crashed or replaced page takes its frames with it
        if (r.isNavigationRequest() && r.frame() == page.mainFrame()) {
            navigations.add(r);
        }
        if (requests.size() < MAX_EXCHANGES) {
            requests.add(r);
        } else {
            dropped++;
        }
    }

    private void ended(Request r, boolean ok) {
        if (!inFlight.remove(r)) {
            return; // the page before's, or told twice
        }
        lastNetwork = System.nanoTime();
        if (ok) {
            finished.add(r);
            return;
        }
        String why = String.valueOf(r.failure());
        // blocked by the allow-list: already named as such
        if (failedUrls.size() < MAX_NOTED && !why.startsWith("net::ERR_BLOCKED_BY_CLIENT")) {
            failedUrls.add(r.url() + " (" + r.failure() + ")");
        }
    }

    /** Told on close whether the tab may serve the next page. */
    void onClose(Consumer<Boolean> r) {
        this.onClose = r;
    }

    void blocked(String blockedUrl) {
        if (blockedUrls.size() < MAX_NOTED) {
            blockedUrls.add(blockedUrl);
        }
    }

    /** The requests blocked because their host is outside the allow-list (at most {@link #MAX_NOTED}). */
    List<String> blockedUrls() {
        return List.copyOf(blockedUrls);
    }

    /** The visit's outcome; valid until the visit is closed. */
    RenderedPage result() {
        return result;
    }

    void load() {
        Instant started = clock.instant();
        String failure = null;
        Response main = null;
        try {
            main = page.navigate(url.toString(), new Page.NavigateOptions().setWaitUntil(WaitUntilState.LOAD)
                    .setTimeout(Math.max(1, remainingMs())));
        } catch (TimeoutError e) {
            notes.add("the page had not finished loading when its " + budgetSeconds() + " s budget ran out");
            cut = true;
            stopScripts();
        } catch (PlaywrightException e) {
            failure = Chromium.firstLine(e.getMessage());
        }
        String dom = null;
        byte[] shot = null;
        byte[] pdf = null;
        if (failure == null && !crashed) {
            try {
                scroll();
                settle();
                shot = screenshot();
                dom = content();
                if (settings.pdf()) {
                    pdf = page.pdf();
                }
            } catch (PlaywrightException e) {
                troubled = true;
                if (!crashed) {
                    notes.add("the page could not be pictured or read: " + Chromium.firstLine(e.getMessage()));
                }
            }
        }
        if (crashed) {
            notes.add("the page's renderer crashed; what it had loaded is kept");
        }
        if (dialogs > 0) {
            notes.add(dialogs + " dialog(s) (alert, confirm, prompt) dismissed");
        }
        if (popups > 0) {
            notes.add(popups + " pop-up window(s) closed");
        }
        if (dropped > 0) {
            notes.add(dropped + " request(s) past the first " + MAX_EXCHANGES + " not kept");
        }
        if (!blockedUrls.isEmpty()) {
            notes.add("requests to hosts outside --allow-host blocked: " + String.join(" ", blockedUrls));
        }
        if (!failedUrls.isEmpty()) {
            notes.add("requests that failed: " + String.join(" ", failedUrls));
        }
        Instant ended = clock.instant();
        List<BrowserExchange> navigation = navigation(main);
        List<BrowserExchange> resources = new ArrayList<>();
        Set<Request> inNavigation = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Request r = navigationRequest(main); r != null; r = r.redirectedFrom()) {
            inNavigation.add(r);
        }
        // a copy: reading an exchange's headers lets the browser's events in, and with them the page's later requests
        for (Request r : List.copyOf(requests)) {
            if (!inNavigation.contains(r) && responses.containsKey(r) && r.url().startsWith("http")) {
                resources.add(exchange(r, responses.get(r)));
            }
        }
        URI finalUrl = safeUri(failure == null ? page.url() : url.toString());
        result = new RenderedPage(url, finalUrl, navigation, resources, dom, shot, pdf, started, ended,
                chromium.view(), List.copyOf(notes), failure);
    }

    /** Scrolls a screen at a time to the end, so lazy content loads; bounded in screens and by the budget. */
    private void scroll() {
        long lastHeight = -1;
        for (int i = 0; i < MAX_SCROLLS; i++) {
            if (cut) {
                return; // the budget ran out while loading, as noted
            }
            if (remainingMs() <= SCROLL_PAUSE_MS) {
                notes.add("scrolling stopped when the " + budgetSeconds() + " s budget ran out");
                return;
            }
            @SuppressWarnings("unchecked")
            List<Number> at = (List<Number>) page.evaluate("() => { window.scrollBy(0, window.innerHeight);"
                    + " const e = document.scrollingElement || document.documentElement;"
                    + " return [Math.ceil(window.scrollY + window.innerHeight), e ? e.scrollHeight : 0,"
                    + " window.innerHeight]; }");
            long bottom = at.get(0).longValue();
            long height = at.get(1).longValue();
            if (i == 0 && height <= at.get(2).longValue()) {
                return; // one screen: nothing below it to load
            }
            page.waitForTimeout(SCROLL_PAUSE_MS);
            if (bottom >= height && height == lastHeight) {
                page.evaluate("() => window.scrollTo(0, 0)");
                return;
            }
            lastHeight = height;
        }
        notes.add("scrolling stopped after " + MAX_SCROLLS + " screens; the page was still growing");
        page.evaluate("() => window.scrollTo(0, 0)");
    }

    /** The DOM as HTML; read twice at most, as stopping a page's scripts may stop the first reading too. */
    private String content() {
        try {
            return page.content();
        } catch (PlaywrightException e) {
            if (crashed || !cut) {
                throw e;
            }
            return page.content();
        }
    }

    /**
     * Waits (bounded) until the page is quiet: no request of the page in flight, none started or ended for
     * {@link #QUIET_MS}, and no node or text of the DOM changed for as long (watched for {@link #DOM_WATCH_MS} at
     * most, so a page that changes itself for ever, a clock or a carousel, settles on its network alone).
     */
    private void settle() {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.min(SETTLE_MS, remainingMs()));
        while (true) {
            long left = TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime());
            if (left <= 0) {
                notes.add("the network had not settled when the visit ended");
                return;
            }
            if (!inFlight.isEmpty()) {
                page.waitForTimeout(Math.min(20, left)); // the browser's events are handled while waiting
                continue;
            }
            long asked = System.nanoTime();
            page.evaluate(DOM_QUIET, List.of((int) QUIET_MS, (int) Math.min(DOM_WATCH_MS, left)));
            if (inFlight.isEmpty() && lastNetwork <= asked) {
                return;
            }
        }
    }

    /**
     * Stops the script running in the page now (a loop that never yields, an alert() loop), so that the page can
     * be pictured and read as it is. Timers may run scripts again later; the visit is nearly over by then.
     */
    private void stopScripts() {
        try {
            devtools().send("Runtime.terminateExecution");
        } catch (PlaywrightException e) {
            // the page is gone or crashed: nothing runs in it
        }
    }

    private CDPSession devtools() {
        return tab.devtools();
    }

    /**
     * Pictures the whole page, through the DevTools protocol in one call: Playwright's own screenshot makes five
     * (caret hidden in every frame and shown again, fonts, sizes) and encodes the PNG at its slowest. The page's
     * fonts are waited for (bounded by the grace), except in a page cut while loading, which never has them.
     */
    private byte[] screenshot() {
        if (!cut) {
            Object ready = page.evaluate("ms => Promise.race([document.fonts.ready.then(() => true),"
                    + " new Promise(r => setTimeout(() => r(false), ms))])", (int) Math.max(1, settings.graceMs()));
            if (Boolean.FALSE.equals(ready)) {
                notes.add("the page's fonts had not loaded when it was pictured");
            }
        }
        JsonObject size = devtools().send("Page.getLayoutMetrics").getAsJsonObject("cssContentSize");
        long height = Math.max(1, (long) Math.ceil(size.get("height").getAsDouble()));
        long width = Math.max(settings.width(), (long) Math.ceil(size.get("width").getAsDouble()));
        if (height > MAX_SHOT_HEIGHT) {
            notes.add("the screenshot shows the first " + MAX_SHOT_HEIGHT + " of the page's " + height + " pixels");
            height = MAX_SHOT_HEIGHT;
        }
        JsonObject clip = new JsonObject();
        clip.addProperty("x", 0);
        clip.addProperty("y", 0);
        clip.addProperty("width", Math.min(width, MAX_SHOT_HEIGHT));
        clip.addProperty("height", height);
        clip.addProperty("scale", 1);
        JsonObject params = new JsonObject();
        params.addProperty("format", "png");
        params.addProperty("captureBeyondViewport", true);
        // Still lossless PNG, compressed less: a picture kept as evidence needs every pixel, not the smallest file.
        params.addProperty("optimizeForSpeed", true);
        params.add("clip", clip);
        return Base64.getDecoder().decode(devtools().send("Page.captureScreenshot", params).get("data").getAsString());
    }

    /** The navigation's main request: the document's, or the page's first main-frame navigation. */
    private Request navigationRequest(Response main) {
        if (main != null) {
            return main.request();
        }
        Request last = null;
        for (Request r : navigations) {
            if (responses.containsKey(r)) {
                last = r;
            }
        }
        return last;
    }

    private List<BrowserExchange> navigation(Response main) {
        List<BrowserExchange> hops = new ArrayList<>();
        for (Request r = navigationRequest(main); r != null; r = r.redirectedFrom()) {
            Response resp = responses.get(r);
            if (resp != null) {
                hops.add(0, exchange(r, resp));
            }
        }
        return hops;
    }

    private BrowserExchange exchange(Request r, Response resp) {
        boolean done = finished.contains(r);
        // Raw headers (as on the wire, cookies included) are known once the response is finished; before that,
        // asking for them may wait for an end that never comes, so the headers the browser first reported serve,
        // as they do when the browser is gone.
        List<Header> sent = pairs(r.headers());
        List<Header> received = pairs(resp.headers());
        ServerAddr addr = null;
        if (done) {
            try {
                sent = pairs(r.headersArray());
                received = pairs(resp.headersArray());
                addr = resp.serverAddr();
            } catch (PlaywrightException gone) {
                notes.add("some exchanges' headers as sent on the wire could not be read (the page was gone);"
                        + " the headers the browser first reported are kept");
            }
        }
        URI redirect = null;
        if (resp.status() >= 300 && resp.status() < 400 && r.redirectedTo() != null) {
            redirect = safeUri(r.redirectedTo().url());
        }
        double start = r.timing().startTime;
        Instant date = start > 0 ? Instant.ofEpochMilli((long) start) : clock.instant();
        boolean isRedirect = redirect != null;
        BrowserExchange.Body body = max -> read(resp, done, isRedirect, max);
        return new BrowserExchange(safeUri(r.url()), r.method(), sent, r.postDataBuffer(), date, resp.status(),
                received, addr == null ? null : addr.ipAddress, r.resourceType(), redirect, body);
    }

    private BrowserExchange.Read read(Response resp, boolean done, boolean redirect, long max) {
        if (redirect) {
            return BrowserExchange.Read.whole(new byte[0]);
        }
        if (!done) {
            return BrowserExchange.Read.none("still arriving when the visit ended");
        }
        String length = resp.headers().get("content-length");
        if (length != null) {
            try {
                if (Long.parseLong(length.strip()) > max) {
                    return BrowserExchange.Read.none(length.strip() + " bytes, more than --max-bytes " + max);
                }
            } catch (NumberFormatException ignored) {
                // read it and see
            }
        }
        try {
            byte[] b = resp.body();
            return b.length > max ? new BrowserExchange.Read(java.util.Arrays.copyOf(b, (int) max), true,
                    "longer than --max-bytes " + max) : BrowserExchange.Read.whole(b);
        } catch (PlaywrightException e) {
            return BrowserExchange.Read.none("the browser kept no body: " + Chromium.firstLine(e.getMessage()));
        }
    }

    private static List<Header> pairs(List<HttpHeader> headers) {
        return headers.stream().map(h -> new Header(h.name, h.value)).toList();
    }

    private static List<Header> pairs(Map<String, String> headers) {
        return headers.entrySet().stream().map(e -> new Header(e.getKey(), e.getValue())).toList();
    }

    private long remainingMs() {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }

    private long budgetSeconds() {
        return settings.budget().toSeconds();
    }

    private static URI safeUri(String u) {
        try {
            return URI.create(u);
        } catch (IllegalArgumentException e) {
            return URI.create("about:invalid");
        }
    }

    /**
     * True when the page left the tab as a tab should be: loaded, pictured and read within its budget, no crash,
     * dialog or pop-up. Only such a tab is kept for the next page.
     */
    private boolean leftTabClean() {
        return result != null && !crashed && !cut && !troubled && dialogs == 0 && popups == 0 && remainingMs() > 0;
    }

    /**
     * Leaves the tab: stops listening to it and, when the page left it clean, empties it ({@code about:blank}, which
     * ends the page's scripts and requests) for the next page; otherwise closes it (its beforeunload handlers are
     * not run).
     *
     * @return true when the tab may serve the next page
     */
    boolean leave() {
        page.offRequest(onRequest);
        page.offResponse(onResponse);
        page.offRequestFinished(onFinished);
        page.offRequestFailed(onFailed);
        page.offDialog(onDialog);
        page.offPopup(onPopup);
        page.offCrash(onCrash);
        if (leftTabClean()) {
            try {
                page.navigate("about:blank", new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT)
                        .setTimeout(Math.max(1, settings.graceMs())));
                return true;
            } catch (PlaywrightException e) {
                // not emptied in time: closed below
            }
        }
        tab.close();
        return false;
    }

    /** Leaves the tab ({@link #leave}) and tells the browser whether it may serve the next page. */
    @Override
    public void close() {
        boolean kept = false;
        try {
            kept = leave();
        } catch (PlaywrightException gone) {
            // the browser was killed or crashed
        } finally {
            onClose.accept(kept);
        }
    }
}
