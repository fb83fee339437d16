package org.tracelab.collectors.http;

import java.net.IDN;
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
            String e = punycode(v.strip()).toLowerCase(Locale.ROOT);
            if (e.isEmpty() || !ENTRY.matcher(e).matches()) {
                throw TracelabException.badInput("--allow-host '" + v + "'", "expected HOST or HOST:PORT");
            }
            return e;
        }).collect(Collectors.toUnmodifiableSet());
        return new HostAllowList(out);
    }

    /** An internationalised host (пример.рф, with or without :PORT) as URLs carry it, in punycode; others as given. */
    private static String punycode(String entry) {
        if (entry.chars().allMatch(c -> c < 0x80)) {
            return entry;
        }
        int colon = entry.lastIndexOf(':');
        boolean port = colon > 0 && colon < entry.length() - 1
                && entry.substring(colon + 1).chars().allMatch(Character::isDigit);
        String host = port ? entry.substring(0, colon) : entry;
        try {
            return IDN.toASCII(host) + (port ? entry.substring(colon) : "");
        } catch (IllegalArgumentException notAHostName) {
            return entry; // refused below, named as given
        }
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
