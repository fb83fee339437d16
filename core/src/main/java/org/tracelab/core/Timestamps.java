package org.tracelab.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** One textual form for every time Tracelab records: UTC, millisecond precision, ISO 8601 with a trailing Z. */
public final class Timestamps {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    /** The length of the form {@link #format} writes for years 1 to 9999. */
    private static final int LENGTH = "2024-01-31T23:59:59.999Z".length();

    private Timestamps() {
    }

    /**
     * Formats an instant, truncated to milliseconds. Years 1 to 9999 are written digit by digit, as the formatter
     * writes them: ingest writes several per item and the formatter's generic machinery was 1 % of its CPU.
     */
    public static String format(Instant t) {
        Instant ms = t.truncatedTo(ChronoUnit.MILLIS);
        LocalDateTime d = LocalDateTime.ofEpochSecond(ms.getEpochSecond(), 0, ZoneOffset.UTC);
        if (d.getYear() < 1 || d.getYear() > 9999) {
            return FORMAT.format(ms);
        }
        char[] c = new char[LENGTH];
        digits(c, 0, d.getYear(), 4);
        c[4] = '-';
        digits(c, 5, d.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, d.getDayOfMonth(), 2);
        c[10] = 'T';
        digits(c, 11, d.getHour(), 2);
        c[13] = ':';
        digits(c, 14, d.getMinute(), 2);
        c[16] = ':';
        digits(c, 17, d.getSecond(), 2);
        c[19] = '.';
        digits(c, 20, ms.getNano() / 1_000_000, 3);
        c[23] = 'Z';
        return new String(c);
    }

    /**
     * Parses what {@link #format(Instant)} wrote (any ISO 8601 instant is accepted). That form, the one every case
     * holds, is read digit by digit (reading items' rows spent a third of its time in the generic parser); anything
     * else, and any out-of-range field, is left to {@link Instant#parse}, which decides and words the refusal.
     */
    public static Instant parse(String s) {
        if (s.length() == LENGTH && s.charAt(4) == '-' && s.charAt(7) == '-' && s.charAt(10) == 'T'
                && s.charAt(13) == ':' && s.charAt(16) == ':' && s.charAt(19) == '.' && s.charAt(23) == 'Z') {
            int year = number(s, 0, 4);
            int month = number(s, 5, 2);
            int day = number(s, 8, 2);
            int hour = number(s, 11, 2);
            int minute = number(s, 14, 2);
            int second = number(s, 17, 2);
            int milli = number(s, 20, 3);
            if (year >= 1 && month >= 1 && month <= 12 && day >= 1
                    && day <= Month.of(month).length(Year.isLeap(year)) && hour >= 0 && hour <= 23
                    && minute >= 0 && minute <= 59 && second >= 0 && second <= 59 && milli >= 0) {
                long seconds = LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3_600L
                        + minute * 60L + second;
                return Instant.ofEpochSecond(seconds, milli * 1_000_000L);
            }
        }
        return Instant.parse(s);
    }

    /** {@code value} in {@code width} decimal digits at {@code at}, zero-padded. */
    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** The ASCII decimal number in {@code s[at, at+width)}, or -1 when a char there is no ASCII digit. */
    private static int number(String s, int at, int width) {
        int n = 0;
        for (int i = at; i < at + width; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
