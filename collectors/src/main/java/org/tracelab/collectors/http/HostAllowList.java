package org.tracelab.collectors.http;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.tracelab.core.TracelabException;

/**
 * The hosts a run may fetch from ({@code --allow-host}): a host name alone allows every port of it, {@code host:port}
 * allows that port only. An empty list allows every host.
 */
public record HostAllowList(Set<String> entries) {
    private static final Pattern ENTRY = Pattern.compile("[a-z0-9.\\-\\[\\]:]+");

    public HostAllowList {
        entries = Set.copyOf(entries);
    }

    /** Allows every host. */
    public static HostAllowList any() {
        return new HostAllowList(Set.of());
    }

    /** Parses the values given on the command line; a malformed one is bad input naming it. */
    public static HostAllowList parse(List<String> values) {
        Set<String> out = values.stream().map(v -> {
            String e = v.strip().toLowerCase(Locale.ROOT);
            if (e.isEmpty() || !ENTRY.matcher(e).matches()) {
                throw TracelabException.badInput("--allow-host '" + v + "'", "expected HOST or HOST:PORT");
            }
            return e;
        }).collect(Collectors.toUnmodifiableSet());
        return new HostAllowList(out);
    }

    /** True when {@code url} may be fetched in this run. */
    public boolean permits(URI url) {
        if (entries.isEmpty()) {
            return true;
        }
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        return entries.contains(host) || entries.contains(host + ":" + Urls.port(url));
    }
}
