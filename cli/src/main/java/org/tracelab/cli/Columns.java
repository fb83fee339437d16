package org.tracelab.cli;

/**
 * Fixed-width columns of a text result, padded as {@code String.format}'s {@code %5d} and {@code %-9s} pad them,
 * without parsing a format for every line: for the 13,000 lines of {@code entities} at 100,000 ads the formatter was
 * a third of the command's CPU. Digits are always ASCII, whatever the locale.
 */
final class Columns {
    private Columns() {
    }

    /** {@code n} right-aligned in at least {@code width} characters, as {@code %<width>d}. */
    static StringBuilder right(StringBuilder line, long n, int width) {
        String digits = Long.toString(n);
        line.repeat(' ', Math.max(0, width - digits.length()));
        return line.append(digits);
    }

    /** {@code text} left-aligned in at least {@code width} characters, as {@code %-<width>s}. */
    static StringBuilder left(StringBuilder line, String text, int width) {
        line.append(text);
        return line.repeat(' ', Math.max(0, width - text.length()));
    }
}
