package org.tracelab.collectors.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How a run fetches: its limits and its manners.
 *
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout    how long to wait for the headers, and then for each part of the body
 * @param maxRedirects   how many redirects are followed from one URL
 * @param maxBytes       how much of a body is kept; the rest is dropped and the capture marked truncated
 * @param delay          the pause between two requests to the same host
 * @param obeyRobots     false only when the examiner chose to ignore robots.txt
 * @param allowHosts     the hosts the run is confined to
 */
public record CaptureSettings(Duration connectTimeout, Duration readTimeout, int maxRedirects, long maxBytes,
                              Duration delay, boolean obeyRobots, HostAllowList allowHosts) {
    /** Most redirects followed from one URL. */
    public static final int MAX_REDIRECTS = 10;
    /** Default body limit: 50 MB. */
    public static final long DEFAULT_MAX_BYTES = 50L * 1024 * 1024;

    public CaptureSettings {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay < 0: " + delay);
        }
        if (maxRedirects < 0 || maxRedirects > MAX_REDIRECTS) {
            throw new IllegalArgumentException("maxRedirects must be 0.." + MAX_REDIRECTS + ": " + maxRedirects);
        }
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        Objects.requireNonNull(allowHosts, "allowHosts");
    }

    /** Manners for the open web: 30 s timeouts, 10 redirects, 50 MB, one second between requests to a host. */
    public static CaptureSettings defaults() {
        return new CaptureSettings(Duration.ofSeconds(30), Duration.ofSeconds(30), MAX_REDIRECTS, DEFAULT_MAX_BYTES,
                Duration.ofSeconds(1), true, HostAllowList.any());
    }

    private static void requirePositive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + d);
        }
    }
}
