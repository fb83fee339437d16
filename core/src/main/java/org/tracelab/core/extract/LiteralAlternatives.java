package org.tracelab.core.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * A pattern written as alternatives of plain words ({@code banner|footer|^hid$| hid }), each optionally anchored at
 * the start ({@code ^}) or the end ({@code $}), found in a string as {@code Pattern.compile(pattern).matcher(s).find()}
 * finds it: an alternative matches somewhere exactly when the string contains it (starts with it, ends with it, is
 * it). {@code String.contains} per word is many times cheaper than the regex engine trying every alternative at every
 * offset, which was most of main text's class hints in session 12's profile.
 */
final class LiteralAlternatives {
    private final List<String> anywhere = new ArrayList<>();
    private final List<String> starts = new ArrayList<>();
    private final List<String> ends = new ArrayList<>();
    private final List<String> whole = new ArrayList<>();

    /** The alternatives of {@code pattern}; refuses any regex syntax but {@code |} and the two anchors. */
    LiteralAlternatives(String pattern) {
        for (String alternative : pattern.split("\\|", -1)) {
            boolean start = alternative.startsWith("^");
            boolean end = alternative.endsWith("$") && alternative.length() > (start ? 1 : 0);
            String word = alternative.substring(start ? 1 : 0, alternative.length() - (end ? 1 : 0));
            if (word.isEmpty() || !word.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == ' ')) {
                throw new IllegalArgumentException("not a plain word: '" + alternative + "' in " + pattern);
            }
            (start && end ? whole : start ? starts : end ? ends : anywhere).add(word);
        }
    }

    /** Whether any alternative is found in {@code s}. */
    boolean foundIn(String s) {
        for (String w : anywhere) {
            if (s.contains(w)) {
                return true;
            }
        }
        for (String w : starts) {
            if (s.startsWith(w)) {
                return true;
            }
        }
        for (String w : ends) {
            if (s.endsWith(w)) {
                return true;
            }
        }
        return whole.contains(s);
    }
}
