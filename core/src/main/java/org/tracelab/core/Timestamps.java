package org.tracelab.core;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** One textual form for every time Tracelab records: UTC, millisecond precision, ISO 8601 with a trailing Z. */
public final class Timestamps {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** Formats an instant, truncated to milliseconds. */
    public static String format(Instant t) {
        return FORMAT.format(t.truncatedTo(ChronoUnit.MILLIS));
    }

    /** Parses what {@link #format(Instant)} wrote (any ISO 8601 instant is accepted). */
    public static Instant parse(String s) {
        return Instant.parse(s);
    }
}
