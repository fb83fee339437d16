package org.tracelab.collectors.page;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.tracelab.collectors.http.Urls;

/**
 * The links of an HTML page that a crawl may follow: anchors, image-map areas and frames, made canonical. Public
 * so the crawl benchmark's keep-nothing floor finds links exactly as {@code collect page} does.
 */
public final class LinkExtractor {
    // Parsed once: parsing the query again for every page was a quarter of the crawl's link extraction (perf).
    // jsoup's evaluators are safe to share between threads.
    private static final Evaluator LINKS = QueryParser.parse("a[href], area[href], frame[src], iframe[src]");

    private LinkExtractor() {
    }

    /**
     * Parses {@code html} (read, not closed) as the page at {@code base} and returns the http(s) links it holds,
     * canonical, in document order, without duplicates. Jsoup copes with broken markup as browsers do.
     *
     * @param charset the charset the server declared, or null to let Jsoup sniff it
     */
    public static Set<URI> links(InputStream html, String charset, URI base) throws IOException {
        Set<URI> out = new LinkedHashSet<>();
        links(html, charset, base, link -> {
            out.add(link);
            return true;
        });
        return out;
    }

    /**
     * Like {@link #links(InputStream, String, URI)}, but hands each link to {@code take} as it is found and stops
     * as soon as {@code take} returns false: a page of a million links costs no more than the links still wanted.
     */
    public static void links(InputStream html, String charset, URI base, Predicate<URI> take) throws IOException {
        Document doc = Jsoup.parse(html, charset, base.toString());
        Set<String> found = new HashSet<>();
        for (Iterator<Element> it = doc.selectStream(LINKS).iterator(); it.hasNext(); ) {
            Element e = it.next();
            String attr = e.hasAttr("href") ? "href" : "src";
            String absolute = e.absUrl(attr);
            // The same written link is made canonical once: menus and listings repeat theirs on every page.
            if (!found.add(absolute)) {
                continue;
            }
            Optional<URI> link = Urls.link(absolute);
            if (link.isPresent() && !take.test(link.get())) {
                return;
            }
        }
    }
}
