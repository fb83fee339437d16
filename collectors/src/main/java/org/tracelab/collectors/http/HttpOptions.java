package org.tracelab.collectors.http;

import java.time.Duration;
import java.util.List;
import org.tracelab.core.TracelabException;
import org.tracelab.core.collect.CollectRequest;
import org.tracelab.core.collect.CollectorOption;
import org.tracelab.core.collect.IntOption;

/**
 * The options every HTTP collector shares (delay, timeout, body limit, robots.txt, allow-list), described once and
 * read once, so {@code page}, {@code ads}, {@code feed}, {@code sitemap} and {@code telegram} fetch with the same
 * manners and the same help text.
 */
public final class HttpOptions {
    private static final IntOption DELAY = new IntOption("--delay", "MS", "pause between two requests to the same host",
            1000, 0, 3_600_000);
    private static final IntOption TIMEOUT = new IntOption("--timeout", "SECONDS", "connect and read timeout", 30, 1,
            3600);

    private HttpOptions() {
    }

    /** The shared options, to append to a collector's own. */
    public static List<CollectorOption> options() {
        return List.of(
                DELAY.option(),
                TIMEOUT.option(),
                CollectorOption.value("--max-bytes", "N", "keep at most N bytes of a body (the rest is marked truncated)",
                        Long.toString(CaptureSettings.DEFAULT_MAX_BYTES)),
                CollectorOption.flag("--ignore-robots", "do not obey robots.txt (recorded in the custody log)"),
                CollectorOption.repeatable("--allow-host", "HOST", "fetch only from HOST or HOST:PORT (repeatable)"));
    }

    /** A collector's own options followed by the shared ones. */
    public static List<CollectorOption> with(List<CollectorOption> own) {
        return java.util.stream.Stream.concat(own.stream(), options().stream()).toList();
    }

    /** Reads the shared options of {@code request}; a wrong value is bad input naming the option. */
    public static CaptureSettings settings(CollectRequest request) {
        int delayMs = DELAY.read(request);
        int timeout = TIMEOUT.read(request);
        long maxBytes = longValue(request, "--max-bytes", CaptureSettings.DEFAULT_MAX_BYTES);
        return new CaptureSettings(Duration.ofSeconds(timeout), Duration.ofSeconds(timeout),
                CaptureSettings.MAX_REDIRECTS, maxBytes, Duration.ofMillis(delayMs), !request.flag("--ignore-robots"),
                HostAllowList.parse(request.values("--allow-host")));
    }

    private static long longValue(CollectRequest request, String name, long defaultValue) {
        String v = request.value(name).orElse(null);
        if (v == null) {
            return defaultValue;
        }
        String option = "collect " + request.collectorId() + " " + name;
        try {
            long n = Long.parseLong(v.strip());
            if (n < 1) {
                throw TracelabException.badInput(option, "must be at least 1, not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw TracelabException.badInput(option, "not a whole number: '" + v + "'");
        }
    }
}
