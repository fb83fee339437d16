package org.tracelab.collectors.feed;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.tracelab.collectors.http.Urls;

/** The entry links of an RSS 2.0 or Atom feed, read with Jsoup's XML parser. */
final class FeedLinks {
    /** What a feed document is. */
    enum Format { RSS, ATOM }

    private FeedLinks() {
    }

    /** RSS when the root is {@code <rss>} (or RDF), Atom when it is {@code <feed>}; empty for anything else. */
    static Optional<Format> format(Document xml) {
        Element root = xml.children().stream().filter(e -> !e.tagName().startsWith("?")).findFirst().orElse(null);
        if (root == null) {
            return Optional.empty();
        }
        String name = localName(root.tagName());
        return switch (name) {
            case "rss", "rdf" -> Optional.of(Format.RSS);
            case "feed" -> Optional.of(Format.ATOM);
            default -> Optional.empty();
        };
    }

    /** The name of the root element, for messages about what a non-feed was. */
    static String rootName(Document xml) {
        return xml.children().stream().findFirst().map(Element::tagName).orElse("(none)");
    }

    /**
     * The entries' links, resolved against {@code base}, canonical, without duplicates, in feed order. RSS: an
     * item's {@code <link>}, else a {@code <guid>} that is a URL. Atom: an entry's {@code <link>} with no
     * {@code rel} or {@code rel="alternate"}.
     */
    static Set<URI> links(Document xml, Format format, URI base) {
        Set<URI> out = new LinkedHashSet<>();
        if (format == Format.RSS) {
            for (Element item : xml.getElementsByTag("item")) {
                String href = childText(item, "link");
                if (href.isEmpty()) {
                    href = childText(item, "guid");
                }
                Urls.resolve(base, href).ifPresent(out::add);
            }
        } else {
            for (Element entry : xml.getElementsByTag("entry")) {
                for (Element link : entry.children()) {
                    String rel = link.attr("rel");
                    if (localName(link.tagName()).equals("link") && (rel.isEmpty() || rel.equals("alternate"))) {
                        Urls.resolve(base, link.attr("href")).ifPresent(out::add);
                        break;
                    }
                }
            }
        }
        return out;
    }

    private static String childText(Element parent, String name) {
        for (Element c : parent.children()) {
            if (localName(c.tagName()).equals(name)) {
                return c.text().strip();
            }
        }
        return "";
    }

    private static String localName(String tag) {
        int colon = tag.indexOf(':');
        return (colon < 0 ? tag : tag.substring(colon + 1)).toLowerCase(java.util.Locale.ROOT);
    }
}
