package org.tracelab.core.export.wacz;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The SURT form of a URL that CDX(J) indexes are sorted and looked up by, as pywb and the Internet Archive's
 * {@code surt} library make it by default: scheme and a leading {@code www} dropped, host labels reversed and joined
 * by commas, {@code )} before the path, query parameters sorted, everything lowercase.
 */
public final class Surt {
    private Surt() {
    }

    /** The SURT of {@code url}; a URL that does not parse is lowercased as it is. */
    public static String of(String url) {
        URI u;
        try {
            u = new URI(url);
        } catch (URISyntaxException e) {
            return url.toLowerCase(Locale.ROOT);
        }
        if (u.getHost() == null) {
            return url.toLowerCase(Locale.ROOT);
        }
        String host = u.getHost().toLowerCase(Locale.ROOT).replaceFirst("^www\\d*\\.", "");
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        String[] labels = host.split("\\.");
        StringBuilder sb = new StringBuilder();
        for (int i = labels.length - 1; i >= 0; i--) {
            sb.append(labels[i]);
            if (i > 0) {
                sb.append(',');
            }
        }
        int port = u.getPort();
        boolean defaultPort = port == -1 || ("http".equalsIgnoreCase(u.getScheme()) && port == 80)
                || ("https".equalsIgnoreCase(u.getScheme()) && port == 443);
        if (!defaultPort) {
            sb.append(':').append(port);
        }
        sb.append(')');
        String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
        sb.append(path);
        String query = u.getRawQuery();
        if (query != null && !query.isEmpty()) {
            String[] params = query.split("&");
            Arrays.sort(params);
            sb.append('?').append(String.join("&", params));
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
