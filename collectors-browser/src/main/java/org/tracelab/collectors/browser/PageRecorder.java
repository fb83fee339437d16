package org.tracelab.collectors.browser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tracelab.core.collect.CaptureSink;
import org.tracelab.core.collect.Header;
import org.tracelab.core.collect.HttpExchange;
import org.tracelab.core.collect.HttpFacts;
import org.tracelab.core.collect.NewItem;
import org.tracelab.core.collect.StoredBlob;
import org.tracelab.core.collect.StoredItem;
import org.tracelab.core.collect.WarcLocation;
import org.tracelab.core.collect.WarcMetadata;
import org.tracelab.core.collect.WarcResource;

/**
 * Where a rendered page becomes evidence, the collector's one contact with the case: every exchange an
 * {@code http-response} item with WARC request and response records (as browsertrix records them, so a WACZ
 * replays the page), the rendered DOM a {@code rendered-page} item (the page's text for search, scan and links),
 * the screenshot and the PDF items of their own (the DOM and the screenshot also as WARC resource records, at
 * {@code urn:dom:URL} and {@code urn:view:URL}), and a WARC metadata record and a custody entry saying how the page
 * was seen (browser, viewport, user agent, load start and end, final URL, what was cut).
 *
 * <p>The items hang together as the page did: link → document (after its redirect hops) → rendered page →
 * screenshot, PDF and every sub-resource, XHR and fetch the page made.
 */
final class PageRecorder {
    /** The kind of every exchange: the same as an HTTP capture's, so exports and replay treat them alike. */
    static final String EXCHANGE_KIND = "http-response";
    /** The kind of the rendered DOM, which stands for the page as the trainee saw it. */
    static final String PAGE_KIND = "rendered-page";
    static final String SCREENSHOT_KIND = "screenshot";
    static final String PDF_KIND = "pdf-print";
    /**
     * The prefix under which a header that no longer describes the stored body is kept, the case's convention for
     * WARC records: the browser hands over bodies decoded from their Content-Encoding, so the encoding and the
     * wire length are kept as received but under this name, and replay tools read the body as it is.
     */
    static final String ORIGINAL_PREFIX = "X-Tracelab-Original-";

    private final CaptureSink sink;
    private final String collectorId;
    private final long maxBytes;

    PageRecorder(CaptureSink sink, String collectorId, long maxBytes) {
        this.sink = sink;
        this.collectorId = collectorId;
        this.maxBytes = maxBytes;
    }

    /**
     * A page whose exchanges' bodies are read from the browser and stored (as blobs, not yet items), so that it can
     * be recorded after its tab has gone on to the next page.
     *
     * @param page       the page
     * @param navigation its navigation's exchanges, staged, the document last; empty when it got no response
     * @param resources  every other exchange of the page, staged
     */
    record Staged(RenderedPage page, List<StagedExchange> navigation, List<StagedExchange> resources) {
        Staged {
            Objects.requireNonNull(page, "page");
            navigation = List.copyOf(navigation);
            resources = List.copyOf(resources);
        }
    }

    /**
     * One exchange with its bodies stored.
     *
     * @param exchange    the exchange as the browser saw it
     * @param payload     its response body as stored (the bytes themselves are not held: a page waiting to be
     *                    recorded holds no bodies in memory)
     * @param requestBody its request body as stored, or null when it had none
     * @param cut         true when the browser gave less of the response body than the server sent
     * @param why         why the body is not whole, or null
     */
    record StagedExchange(BrowserExchange exchange, StoredBlob payload, StoredBlob requestBody, boolean cut,
                          String why) {
        StagedExchange {
            Objects.requireNonNull(exchange, "exchange");
            Objects.requireNonNull(payload, "payload");
        }
    }

    /**
     * Reads the bodies of {@code page}'s exchanges from the browser, one at a time, and stores them: the part of
     * recording that needs the page's tab, so it is done before the tab is left. A page without a response stages
     * nothing ({@link #record} says why it has no item).
     */
    Staged stage(RenderedPage page) throws IOException {
        if (page.document().isEmpty()) {
            return new Staged(page, List.of(), List.of());
        }
        List<StagedExchange> navigation = new ArrayList<>();
        for (BrowserExchange hop : page.navigation()) {
            navigation.add(stage(hop));
        }
        List<StagedExchange> resources = new ArrayList<>();
        for (BrowserExchange x : page.resources()) {
            resources.add(stage(x));
        }
        return new Staged(page, navigation, resources);
    }

    private StagedExchange stage(BrowserExchange x) throws IOException {
        BrowserExchange.Read body = x.body().read(maxBytes);
        StoredBlob payload = sink.storeBlob(new ByteArrayInputStream(body.bytes()), maxBytes);
        StoredBlob requestBody = x.requestBody() == null ? null
                : sink.storeBlob(new ByteArrayInputStream(x.requestBody()), maxBytes);
        return new StagedExchange(x, payload, requestBody, body.truncated(), body.why());
    }

    /**
     * Records a staged page, found through the item {@code parentId} (or asked for when null); needs no browser.
     *
     * @return the rendered page's item, or empty when the page got no response at all (the reason is logged)
     */
    Optional<StoredItem> record(Staged staged, Long parentId) throws IOException {
        RenderedPage page = staged.page();
        if (page.document().isEmpty()) {
            String why = page.failure() != null ? page.failure() : "no response before the page's budget ran out";
            sink.failed(page.requested().toString(), "in the browser: " + why);
            return Optional.empty();
        }
        Long parent = parentId;
        Recorded document = null;
        for (StagedExchange hop : staged.navigation()) {
            document = exchange(hop, parent);
            parent = document.item().id();
        }
        byte[] dom = page.dom() == null ? new byte[0] : page.dom().getBytes(StandardCharsets.UTF_8);
        StoredBlob domBlob = sink.storeBlob(new ByteArrayInputStream(dom), maxBytes);
        StoredBlob shot = page.screenshot() == null ? null
                : sink.storeBlob(new ByteArrayInputStream(page.screenshot()), Long.MAX_VALUE);
        StoredBlob pdf = page.pdf() == null ? null : sink.storeBlob(new ByteArrayInputStream(page.pdf()), Long.MAX_VALUE);

        WarcLocation about = sink.archive(new WarcMetadata(page.finalUrl(), page.loadEnded(),
                document.warc().recordId(), fields(page, domBlob, shot, pdf)));
        Map<String, Object> meta = seen(page);
        meta.put("document", document.item().id());
        meta.put("exchanges", page.navigation().size() + page.resources().size());
        meta.put("domRead", page.dom() != null);
        // Its own key, not the item's WARC location: that names the record holding the item's bytes (a response),
        // and this record holds what is known about them.
        meta.put("warcMetadata", Map.of("file", about.file(), "offset", about.offset(), "length", about.length(),
                "recordId", about.recordId()));
        // The DOM and the screenshot go into the WARC as resource records too, so a WACZ of the case replays them.
        WarcLocation domRecord = sink.archive(WarcResource.of(WarcResource.DOM, page.finalUrl(), page.loadEnded(),
                "text/html; charset=utf-8", domBlob, document.warc().recordId()));
        StoredItem rendered = sink.record(NewItem.of(PAGE_KIND, page.finalUrl().toString(), page.loadEnded(),
                collectorId, "text/html; charset=utf-8", document.item().id(), meta).with(domRecord), domBlob);

        Map<String, Object> custody = seen(page);
        custody.put("collector", collectorId);
        custody.put("item", rendered.id());
        sink.record("browser.page", custody);

        if (shot != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("page", rendered.id());
            m.put("fullPage", page.notes().stream().noneMatch(n -> n.startsWith("the screenshot shows the first")));
            WarcLocation view = sink.archive(WarcResource.of(WarcResource.VIEW, page.finalUrl(), page.loadEnded(),
                    "image/png", shot, document.warc().recordId()));
            sink.record(NewItem.of(SCREENSHOT_KIND, page.finalUrl().toString(), page.loadEnded(), collectorId,
                    "image/png", rendered.id(), m).with(view), shot);
        }
        if (pdf != null) {
            sink.record(NewItem.of(PDF_KIND, page.finalUrl().toString(), page.loadEnded(), collectorId,
                    "application/pdf", rendered.id(), Map.of("page", rendered.id())), pdf);
        }
        for (StagedExchange x : staged.resources()) {
            exchange(x, rendered.id());
        }
        return Optional.of(rendered);
    }

    private record Recorded(StoredItem item, WarcLocation warc) {
    }

    /** Writes one staged exchange's WARC records and records its item. */
    private Recorded exchange(StagedExchange staged, Long parentId) throws IOException {
        BrowserExchange x = staged.exchange();
        StoredBlob payload = staged.payload();
        StoredBlob requestBody = staged.requestBody();
        HttpFacts http = new HttpFacts(x.method(), x.status(), "HTTP/1.1", asStored(x.responseHeaders()),
                x.requestHeaders(), x.ip(), x.redirect() == null ? null : x.redirect().toString());
        WarcLocation warc = sink.archive(new HttpExchange(x.url(), x.date(), http, payload, requestBody));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("resourceType", x.resourceType());
        meta.put("truncated", payload.truncated() || staged.cut());
        if (staged.why() != null) {
            meta.put("bodyNote", staged.why());
        }
        NewItem item = NewItem.of(EXCHANGE_KIND, x.url().toString(), x.date(), collectorId, x.header("Content-Type"),
                parentId, meta).with(http).with(warc);
        return new Recorded(sink.record(item, payload), warc);
    }

    /**
     * The response headers as they describe the stored body: the browser decodes a body from its
     * Content-Encoding, so that header and the wire's Content-Length are kept under {@link #ORIGINAL_PREFIX}.
     */
    static List<Header> asStored(List<Header> received) {
        boolean encoded = received.stream().anyMatch(h -> h.name().equalsIgnoreCase("Content-Encoding")
                && !h.value().strip().equalsIgnoreCase("identity"));
        List<Header> out = new ArrayList<>(received.size());
        for (Header h : received) {
            String name = h.name().toLowerCase(Locale.ROOT);
            boolean stale = encoded && (name.equals("content-encoding") || name.equals("content-length"));
            out.add(stale ? new Header(ORIGINAL_PREFIX + h.name(), h.value()) : h);
        }
        return out;
    }

    /** How the page was seen, for its item and its custody entry. */
    private static Map<String, Object> seen(RenderedPage page) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requested", page.requested().toString());
        m.put("finalUrl", page.finalUrl().toString());
        m.put("browser", page.view().browser());
        m.put("viewport", Map.of("width", page.view().width(), "height", page.view().height()));
        m.put("userAgent", page.view().userAgent());
        m.put("loadStarted", page.loadStarted().toString());
        m.put("loadEnded", page.loadEnded().toString());
        if (!page.notes().isEmpty()) {
            m.put("notes", page.notes());
        }
        return m;
    }

    private static Map<String, List<String>> fields(RenderedPage page, StoredBlob dom, StoredBlob shot,
                                                    StoredBlob pdf) {
        Map<String, List<String>> f = new LinkedHashMap<>();
        f.put("browser", List.of(page.view().browser()));
        f.put("viewport", List.of(page.view().width() + "x" + page.view().height()));
        f.put("user-agent", List.of(page.view().userAgent()));
        f.put("load-started", List.of(page.loadStarted().toString()));
        f.put("load-ended", List.of(page.loadEnded().toString()));
        f.put("requested-url", List.of(page.requested().toString()));
        f.put("final-url", List.of(page.finalUrl().toString()));
        f.put("rendered-dom", List.of("sha256:" + dom.id().sha256()));
        if (shot != null) {
            f.put("screenshot", List.of("sha256:" + shot.id().sha256()));
        }
        if (pdf != null) {
            f.put("pdf", List.of("sha256:" + pdf.id().sha256()));
        }
        if (!page.notes().isEmpty()) {
            f.put("note", page.notes());
        }
        return f;
    }
}
