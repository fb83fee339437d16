package org.tracelab.cli;

import java.util.Locale;

/** Byte counts for people. */
final class Sizes {
    private Sizes() {
    }

    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /** A size given as bytes or with KB, MB or GB (powers of 1000) or KiB, MiB, GiB (of 1024). */
    static long parse(String text, String option) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)\\s*(\\d{1,15})\\s*(b|kb|mb|gb|kib|mib|gib)?\\s*")
                .matcher(text);
        if (!m.matches()) {
            throw org.tracelab.core.TracelabException.badInput(option + " " + text, "is not a size (e.g. 500MB)");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
        long factor = switch (unit) {
            case "kb" -> 1000L;
            case "mb" -> 1000L * 1000;
            case "gb" -> 1000L * 1000 * 1000;
            case "kib" -> 1L << 10;
            case "mib" -> 1L << 20;
            case "gib" -> 1L << 30;
            default -> 1L;
        };
        if (n > Long.MAX_VALUE / factor) {
            throw org.tracelab.core.TracelabException.badInput(option + " " + text, "is too large");
        }
        return n * factor;
    }
}
