package org.tracelab.collectors.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/** Captured responses parsed with Jsoup, as HTML or XML, in the charset the server declared. */
public final class HtmlPages {
    private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*\"?([^\";\\s]+)", Pattern.CASE_INSENSITIVE);

    private HtmlPages() {
    }

    /** Parses a capture's stored body as HTML, resolving links against its final URL. Copes with broken markup. */
    public static Document html(HttpCapture http, Capture c) throws IOException {
        try (InputStream body = http.openContent(c)) {
            return Jsoup.parse(body, charset(c).orElse(null), c.finalUrl().toString());
        }
    }

    /** Parses a capture's stored body as XML (feeds, sitemaps), keeping element names as written. */
    public static Document xml(HttpCapture http, Capture c) throws IOException {
        try (InputStream body = http.openContent(c)) {
            return Jsoup.parse(body, charset(c).orElse(null), c.finalUrl().toString(), Parser.xmlParser());
        }
    }

    /** The charset named in the response's Content-Type, when it is one Java knows. */
    public static Optional<String> charset(Capture c) {
        return charset(c.item().item().contentType());
    }

    /** The charset named in a Content-Type header value (null when there was none), when it is one Java knows. */
    public static Optional<String> charset(String ct) {
        if (ct == null) {
            return Optional.empty();
        }
        Matcher m = CHARSET.matcher(ct);
        if (!m.find()) {
            return Optional.empty();
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        try {
            return Charset.isSupported(name) ? Optional.of(name) : Optional.empty();
        } catch (IllegalCharsetNameException e) {
            // A server's nonsense charset: let Jsoup sniff the page instead.
            return Optional.empty();
        }
    }
}
