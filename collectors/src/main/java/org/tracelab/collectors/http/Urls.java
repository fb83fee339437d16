package org.tracelab.collectors.http;

import crawlercommons.filters.basic.BasicURLNormalizer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tracelab.core.TracelabException;

/** What Tracelab accepts as a URL to fetch, and the one canonical form it keeps of each. */
public final class Urls {
    // Lowercases scheme and host, drops the default port and the fragment, tidies path and percent-escapes.
    private static final BasicURLNormalizer NORMALIZER = BasicURLNormalizer.newBuilder().build();
    private static final Pattern USER_PASSWORD = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://[^/?#@:]*:)[^/?#@]*@");

    private Urls() {
    }

    /**
     * The canonical form of an http or https URL given by the examiner.
     *
     * @throws TracelabException bad input naming the URL when it is not an absolute http(s) URL with a host
     */
    public static URI target(String text) {
        String t = text == null ? "" : text.strip();
        URI u;
        try {
            u = new URI(t);
        } catch (URISyntaxException e) {
            throw TracelabException.badInput("URL '" + t + "'", "not a valid URL: " + e.getReason());
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw TracelabException.badInput("URL '" + t + "'", "only http and https URLs can be fetched");
        }
        if (u.getHost() == null && u.getRawAuthority() != null) {
            // An internationalised name (пример.рф, сайт.қаз) is no URI host until written in punycode, as the
            // normalizer writes it; the canonical form then carries the punycode.
            String ascii = NORMALIZER.filter(t);
            if (ascii != null) {
                try {
                    u = new URI(ascii);
                } catch (URISyntaxException e) {
                    throw TracelabException.badInput("URL '" + t + "'", "not a valid URL: " + e.getReason());
                }
            }
        }
        if (u.getHost() == null || u.getHost().isEmpty()) {
            throw TracelabException.badInput("URL '" + t + "'", "has no host name");
        }
        if (u.getRawUserInfo() != null) {
            // Dropped silently, the examiner would think the page was fetched signed in; kept, a password would
            // sit in the custody log and every export of it.
            throw TracelabException.badInput("URL '" + withoutPassword(t) + "'", "holds a user name or password;"
                    + " Tracelab fetches public pages, give the URL without them");
        }
        return canonical(u).orElseThrow(() -> TracelabException.badInput("URL '" + t + "'", "cannot be normalized"));
    }

    /**
     * {@code text} with the password of a URL's user information masked ({@code http://user:***@host/}); other
     * text as it is. For messages and logs that repeat what an examiner typed.
     */
    public static String withoutPassword(String text) {
        return USER_PASSWORD.matcher(text).replaceFirst("$1***@");
    }

    /** A link or redirect target resolved against {@code base} and made canonical; empty when not http(s). */
    public static Optional<URI> resolve(URI base, String href) {
        if (href == null || href.isBlank()) {
            return Optional.empty();
        }
        String h = href.strip();
        try {
            return link(base.resolve(h).toString());
        } catch (IllegalArgumentException notStrictSyntax) {
            // Links in the wild hold spaces and unescaped Cyrillic: the normalizer escapes an absolute one.
            return h.contains("://") ? link(h) : Optional.empty();
        }
    }

    /** An absolute URL as found in a page (e.g. by Jsoup's {@code absUrl}), made canonical; empty when not http(s). */
    public static Optional<URI> link(String absolute) {
        if (absolute == null || absolute.isBlank()) {
            return Optional.empty();
        }
        String n = NORMALIZER.filter(absolute.strip());
        if (n == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new URI(n)).filter(Urls::fetchable);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The canonical form: lowercase scheme and host, no default port, no fragment, path at least "/". */
    public static Optional<URI> canonical(URI u) {
        return link(u.toString());
    }

    /** True for an absolute http or https URL with a host. */
    public static boolean fetchable(URI u) {
        String s = u.getScheme();
        return s != null && (s.equalsIgnoreCase("http") || s.equalsIgnoreCase("https"))
                && u.getHost() != null && !u.getHost().isEmpty();
    }

    /** The port the URL reaches, the scheme's default when none is written. */
    public static int port(URI u) {
        if (u.getPort() != -1) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    /** Scheme, host and port: the unit robots.txt and politeness apply to. */
    public static String origin(URI u) {
        return u.getScheme().toLowerCase(Locale.ROOT) + "://" + u.getHost().toLowerCase(Locale.ROOT) + ":" + port(u);
    }
}
