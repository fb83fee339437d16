package org.tracelab.samples.classroom;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * The addresses the lab is served at, as {@code host:port}: every capture a trainee hands in must come from one.
 *
 * @param authorities every {@code host:port} the lab answers at (loopback names, the bound address)
 * @param shown       the one trainees were given, for messages
 */
public record LabHosts(Set<String> authorities, String shown) {
    /** Lower-cases and freezes the set. */
    public LabHosts {
        authorities = Set.copyOf(authorities.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList());
        if (authorities.isEmpty()) {
            throw new IllegalArgumentException("a lab has at least one address");
        }
    }

    /** The lab served at {@code base} (its host and port), also reachable by the loopback names on that port. */
    public static LabHosts of(URI base) {
        int port = base.getPort();
        String host = base.getHost();
        return new LabHosts(new java.util.HashSet<>(java.util.List.of(host + ":" + port, "127.0.0.1:" + port,
                "localhost:" + port, "[::1]:" + port)), host + ":" + port);
    }

    /** The port of the address trainees were given. */
    public int port() {
        return Integer.parseInt(shown.substring(shown.lastIndexOf(':') + 1));
    }

    /** True when {@code url} is an http(s) address of the lab. */
    public boolean holds(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (url.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
            return false;
        }
        int port = url.getPort() >= 0 ? url.getPort() : scheme.equals("https") ? 443 : 80;
        return authorities.contains(url.getHost().toLowerCase(Locale.ROOT) + ":" + port);
    }
}
