package org.tracelab.collectors.page;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;
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
        Document doc = Jsoup.parse(html, charset, base.toString());
        Set<URI> out = new LinkedHashSet<>();
        for (Element e : doc.select(LINKS)) {
            String attr = e.hasAttr("href") ? "href" : "src";
            Urls.link(e.absUrl(attr)).ifPresent(out::add);
        }
        return out;
    }
}
