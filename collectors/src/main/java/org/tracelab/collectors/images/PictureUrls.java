package org.tracelab.collectors.images;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.tracelab.collectors.http.Urls;

/**
 * Where the pictures of a piece of markup are, written the ways pages write them: a plain {@code src}, a lazy-loaded
 * {@code data-src} behind a placeholder, a {@code srcset} of sizes (the largest is kept), a {@code <picture>}'s
 * sources, and a {@code background-image} in a style attribute (as Telegram's preview draws its photos).
 */
public final class PictureUrls {
    /** Attributes lazy-loading scripts move the real address into; read before {@code src}, a placeholder then. */
    private static final List<String> LAZY = List.of("data-src", "data-lazy-src", "data-original", "data-url");
    private static final Evaluator IMAGES = QueryParser.parse("img, picture > source[srcset], [style*=background]");
    private static final Pattern BACKGROUND = Pattern.compile(
            "background(?:-image)?\\s*:[^;]*?url\\(\\s*(['\"]?)([^'\")]+)\\1\\s*\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DESCRIPTOR = Pattern.compile("(\\d+(?:\\.\\d+)?)([wx])", Pattern.CASE_INSENSITIVE);

    private PictureUrls() {
    }

    /** The http(s) pictures in {@code scope} and under it, canonical, in document order, without repeats. */
    public static List<URI> in(Element scope) {
        Set<URI> out = new LinkedHashSet<>();
        for (Element e : scope.select(IMAGES)) {
            of(e).ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    /** The http(s) pictures in and under each of {@code scopes}, in order, without repeats. */
    public static List<URI> in(List<Element> scopes) {
        Set<URI> out = new LinkedHashSet<>();
        scopes.forEach(s -> out.addAll(in(s)));
        return List.copyOf(out);
    }

    /** The one picture an element shows, when it shows one with an http(s) address. */
    public static Optional<URI> of(Element e) {
        String tag = e.normalName();
        if (tag.equals("img") || tag.equals("source")) {
            for (String lazy : LAZY) {
                Optional<URI> u = absolute(e, e.attr(lazy));
                if (u.isPresent()) {
                    return u;
                }
            }
            for (String set : List.of("data-srcset", "srcset")) {
                Optional<URI> u = largest(e.attr(set)).flatMap(c -> absolute(e, c));
                if (u.isPresent()) {
                    return u;
                }
            }
            Optional<URI> src = absolute(e, e.attr("src"));
            if (src.isPresent()) {
                return src;
            }
        }
        return background(e.attr("style")).flatMap(u -> absolute(e, u));
    }

    /** The address in a style's {@code background-image: url(...)}, when it has one. */
    static Optional<String> background(String style) {
        if (style == null || style.isBlank()) {
            return Optional.empty();
        }
        Matcher m = BACKGROUND.matcher(style);
        return m.find() ? Optional.of(m.group(2).strip()) : Optional.empty();
    }

    /**
     * The candidate of a {@code srcset} with the greatest width or density; the first when none says. Parsed as
     * the HTML standard does: a URL is a run without spaces (so a CDN's {@code w=800,q=80} path stays whole), its
     * descriptors run to the next comma.
     */
    static Optional<String> largest(String srcset) {
        if (srcset == null || srcset.isBlank()) {
            return Optional.empty();
        }
        String best = null;
        double bestSize = -1;
        int i = 0;
        int n = srcset.length();
        while (i < n) {
            while (i < n && (Character.isWhitespace(srcset.charAt(i)) || srcset.charAt(i) == ',')) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(srcset.charAt(i))) {
                i++;
            }
            String url = srcset.substring(start, i);
            String descriptor = "";
            if (url.endsWith(",")) {
                url = url.replaceAll(",+$", "");
            } else {
                int d = i;
                while (i < n && srcset.charAt(i) != ',') {
                    i++;
                }
                descriptor = srcset.substring(d, i).strip();
            }
            if (url.isEmpty()) {
                continue;
            }
            double size = 0;
            Matcher m = DESCRIPTOR.matcher(descriptor);
            if (m.matches()) {
                // widths and densities are not comparable; within one srcset pages use one kind
                size = Double.parseDouble(m.group(1));
            }
            if (size > bestSize) {
                best = url;
                bestSize = size;
            }
        }
        return Optional.ofNullable(best);
    }

    private static Optional<URI> absolute(Element e, String href) {
        if (href == null || href.isBlank() || href.strip().startsWith("data:")) {
            return Optional.empty();
        }
        String base = e.baseUri();
        if (base == null || base.isEmpty()) {
            return Urls.link(href.strip());
        }
        try {
            return Urls.resolve(URI.create(base), href);
        } catch (IllegalArgumentException badBase) {
            return Urls.link(href.strip());
        }
    }
}
