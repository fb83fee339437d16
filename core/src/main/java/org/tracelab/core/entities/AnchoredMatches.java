package org.tracelab.core.entities;

import java.util.Arrays;
import java.util.regex.Matcher;

/**
 * The matches {@link Matcher#find()} would give, found by trying the pattern only at the offsets a cheap scan of the
 * text named as possible starts. A pattern whose match can only start at a rare character ('@', ':', "://") then
 * costs a few tries per text instead of one at every offset; unanchored {@code find()} over a whole ad was most of
 * the entity finders' time.
 *
 * <p>The contract on the starts: every offset at which the pattern could match must be among them (more are only
 * slower). Then the matches are the same, in the same order: leftmost first, the next one searched from the end of
 * the last, each tried with transparent bounds so look-behinds see the text before it.
 *
 * <pre>{@code
 * AnchoredMatches at = new AnchoredMatches(PATTERN.matcher(text), starts);
 * while (at.find()) { ... at.matcher().group(1) ... }
 * }</pre>
 */
final class AnchoredMatches {
    private final Matcher matcher;
    private final int[] starts;
    private final int count;
    private final int textEnd;
    private int next;
    private int from;

    private AnchoredMatches(Matcher matcher, int[] starts, int count) {
        this.matcher = matcher.reset().useTransparentBounds(true);
        this.textEnd = matcher.regionEnd();
        this.starts = starts;
        this.count = count;
    }

    /** The matcher of the last successful {@link #find()}: its groups and offsets are those of that match. */
    Matcher matcher() {
        return matcher;
    }

    /** Finds the next match, as {@link Matcher#find()} would. */
    boolean find() {
        while (next < count) {
            int s = starts[next++];
            if (s < from) {
                continue; // inside the last match: find() would not look here either
            }
            matcher.region(s, textEnd);
            if (matcher.lookingAt()) {
                from = matcher.end();
                return true;
            }
        }
        return false;
    }

    /** Possible match starts, added in ascending order by a left-to-right scan of the text. */
    static final class Starts {
        private int[] offsets = new int[16];
        private int size;

        /** The offsets of every char of {@code chars} in {@code text}: for a pattern that opens with one of them. */
        static Starts ofChars(String text, String chars) {
            // a mask for ASCII and a plain loop for the rest: String.indexOf per char of a long text was a tenth of
            // the handle finder's time
            long low = 0;
            long high = 0;
            StringBuilder others = new StringBuilder();
            for (int k = 0; k < chars.length(); k++) {
                char c = chars.charAt(k);
                if (c < 64) {
                    low |= 1L << c;
                } else if (c < 128) {
                    high |= 1L << (c - 64);
                } else {
                    others.append(c);
                }
            }
            char[] rest = others.toString().toCharArray();
            Starts starts = new Starts();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean start;
                if (c < 64) {
                    start = (low & (1L << c)) != 0;
                } else if (c < 128) {
                    start = (high & (1L << (c - 64))) != 0;
                } else {
                    start = false;
                    for (char r : rest) {
                        if (r == c) {
                            start = true;
                            break;
                        }
                    }
                }
                if (start) {
                    starts.add(i);
                }
            }
            return starts;
        }

        void add(int offset) {
            if (size == offsets.length) {
                offsets = Arrays.copyOf(offsets, size * 2);
            }
            offsets[size++] = offset;
        }

        boolean isEmpty() {
            return size == 0;
        }

        /** The matches of {@code matcher}'s pattern in its whole text that start at one of these offsets. */
        AnchoredMatches over(Matcher matcher) {
            return new AnchoredMatches(matcher, offsets, size);
        }
    }
}
