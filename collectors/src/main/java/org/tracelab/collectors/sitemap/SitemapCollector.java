package org.tracelab.collectors.sitemap;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.tracelab.collectors.http.Capture;
import org.tracelab.collectors.http.CaptureTasks;
import org.tracelab.collectors.http.HttpCapture;
import org.tracelab.collectors.http.HttpCollector;
import org.tracelab.collectors.http.Urls;
import org.tracelab.core.TracelabException;
import org.tracelab.core.collect.CaptureSink;
import org.tracelab.core.collect.CollectRequest;
import org.tracelab.core.collect.CollectorOption;
import org.tracelab.core.collect.IntOption;

/**
 * {@code collect sitemap URL}: captures a sitemap (XML, text or a feed) or a sitemap index, the sitemaps an index
 * names, and the pages the sitemaps list, each with the sitemap that named it as parent. Read with crawler-commons.
 */
public final class SitemapCollector extends HttpCollector {
    /** The collector's id on the command line. */
    public static final String ID = "sitemap";
    private static final IntOption MAX_PAGES = new IntOption("--max-pages", "N",
            "capture at most N listed pages in this run", 10_000, 0, 10_000_000);
    private static final IntOption MAX_SITEMAPS = new IntOption("--max-sitemaps", "N",
            "read at most N sitemaps in this run", 1000, 1, 1_000_000);

    /** The collector as ServiceLoader makes it. */
    public SitemapCollector() {
        super(ID);
    }

    @Override
    public String description() {
        return "sitemaps and sitemap indexes, and the pages they list";
    }

    @Override
    protected List<CollectorOption> ownOptions() {
        return List.of(MAX_PAGES.option(), MAX_SITEMAPS.option());
    }

    private record Pending(URI url, Long parentId) {
    }

    @Override
    public void collect(CollectRequest request, CaptureSink sink) throws IOException {
        Set<URI> targets = new LinkedHashSet<>();
        request.targets().forEach(t -> targets.add(Urls.target(t)));
        if (targets.isEmpty()) {
            throw TracelabException.badInput("collect sitemap", "give at least one sitemap URL");
        }
        int maxPages = MAX_PAGES.read(request);
        int maxSitemaps = MAX_SITEMAPS.read(request);
        request.progress().total(-1, "pages");
        // Not strict: a sitemap may list pages outside its own folder; --allow-host and robots.txt confine the run.
        SiteMapParser parser = new SiteMapParser(false);
        Deque<Pending> sitemaps = new ArrayDeque<>();
        targets.forEach(t -> sitemaps.add(new Pending(t, null)));
        Set<URI> seen = new HashSet<>(targets);
        int sitemapsRead = 0;
        int pages = 0;
        try (HttpCapture http = open(request, sink);
             CaptureTasks listed = new CaptureTasks()) {
            while (!sitemaps.isEmpty() && sitemapsRead < maxSitemaps) {
                Pending p = sitemaps.poll();
                sitemapsRead++;
                Optional<Capture> got = http.capture(p.url(), p.parentId());
                request.progress().advance(1);
                if (got.isEmpty()) {
                    continue;
                }
                Capture c = got.get();
                Optional<AbstractSiteMap> parsed = parse(parser, http, c, sink);
                if (parsed.isEmpty()) {
                    continue;
                }
                long parent = c.item().id();
                if (parsed.get() instanceof SiteMapIndex index) {
                    for (AbstractSiteMap child : index.getSitemaps()) {
                        uri(child.getUrl()).filter(seen::add).ifPresent(u -> sitemaps.add(new Pending(u, parent)));
                    }
                } else if (parsed.get() instanceof SiteMap map) {
                    for (SiteMapURL entry : map.getSiteMapUrls()) {
                        if (pages >= maxPages) {
                            break;
                        }
                        Optional<URI> page = uri(entry.getUrl()).filter(seen::add);
                        if (page.isPresent()) {
                            pages++;
                            listed.submit(() -> {
                                http.capture(page.get(), parent);
                                request.progress().advance(1);
                            });
                        }
                    }
                }
            }
            listed.awaitAll();
        }
    }

    /** The sitemap in a capture; empty, after saying why, when the server failed or the bytes are no sitemap. */
    private static Optional<AbstractSiteMap> parse(SiteMapParser parser, HttpCapture http, Capture c,
                                                   CaptureSink sink) throws IOException {
        String url = c.requested().toString();
        if (c.status() >= 400) {
            sink.failed(url, "sitemap answered " + c.status() + "; no pages read from it");
            return Optional.empty();
        }
        if (c.item().blob().truncated() || c.item().blob().size() > SiteMapParser.MAX_BYTES_ALLOWED) {
            sink.failed(url, "sitemap larger than " + SiteMapParser.MAX_BYTES_ALLOWED
                    + " bytes, the most a sitemap may hold; not read");
            return Optional.empty();
        }
        byte[] bytes;
        try (InputStream in = http.openContent(c)) {
            bytes = in.readNBytes(SiteMapParser.MAX_BYTES_ALLOWED);
        }
        String type = c.item().item().contentType();
        if (gzipped(bytes)) {
            // Unpacked here, within the sitemap limit: crawler-commons unpacks a gzipped sitemap without one, and
            // 12 MB that unpack to 2 GB ran the JVM out of memory.
            try {
                bytes = gunzip(bytes);
            } catch (IOException e) {
                sink.failed(url, "gzipped sitemap could not be unpacked: " + e.getMessage());
                return Optional.empty();
            }
            if (bytes.length > SiteMapParser.MAX_BYTES_ALLOWED) {
                sink.failed(url, "gzipped sitemap larger than " + SiteMapParser.MAX_BYTES_ALLOWED
                        + " bytes once unpacked, the most a sitemap may hold; not read");
                return Optional.empty();
            }
            // XML or plain text inside: a type the parser does not know makes it tell them apart by their bytes
            type = "application/octet-stream";
        }
        try {
            return Optional.of(parser.parseSiteMap(type == null ? "text/xml" : type, bytes, c.finalUrl().toURL()));
        } catch (UnknownFormatException e) {
            sink.failed(url, "not a sitemap: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static boolean gzipped(byte[] bytes) {
        return bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
    }

    /** The unpacked bytes, at most one byte past the sitemap limit, so a larger one is seen without holding it. */
    private static byte[] gunzip(byte[] packed) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(packed))) {
            return in.readNBytes(SiteMapParser.MAX_BYTES_ALLOWED + 1);
        }
    }

    private static Optional<URI> uri(URL url) {
        try {
            return url == null ? Optional.empty() : Urls.canonical(url.toURI());
        } catch (URISyntaxException e) {
            return Urls.link(url.toString());
        }
    }
}
