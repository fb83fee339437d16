package org.tracelab.core.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds web links: with a scheme ({@code https://…}, {@code tg://…}), starting {@code www.}, or a bare domain with a
 * common top-level domain ({@code t.me/name}, {@code olx.uz/…}, {@code сайт.рф}). Trailing sentence punctuation and
 * unbalanced closing brackets are left out. Stateless.
 */
final class UrlFinder {

    /** A link found: its span, the text, and the normalized form. */
    record Link(int start, int end, String raw, String scheme, String host, String rest) {
        /** Lowercase scheme and host, {@code https://} when the text had none, the rest as written. */
        String normalized() {
            return (scheme == null ? "https" : scheme) + "://" + host + rest;
        }
    }

    private static final String TLDS = "com|net|org|info|biz|edu|gov|ru|uz|kz|kg|tj|tm|su|by|ua|az|am|ge|md|tr|ae|de"
            + "|uk|eu|me|io|co|ly|gl|cc|tv|gg|pro|app|dev|xyz|top|site|online|store|shop|club|link|live|life"
            + "|space|website|tech|world|fun|icu|vip|pw|page|ink|рф|бел|қаз|укр";
    private static final String STOP = "[^\\s<>\"«»“”]";
    static final Pattern URL = Pattern.compile(
            "(?<![\\p{L}\\p{N}@._%+/-])(?:"
                    + "(?<scheme>https?|ftp|tg|whatsapp|viber)://" + STOP + "+"
                    + "|www\\." + STOP + "+"
                    + "|(?:[\\p{L}\\p{N}][\\p{L}\\p{N}-]{0,62}+\\.){1,8}(?:" + TLDS + ")(?![\\p{L}\\p{N}_-])"
                    + "(?::\\d{2,5})?(?:[/?#][A-Za-z0-9\\-._~%!$&'()*+,;=:@/?#]*)?"
                    + ")",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    List<Link> find(String text, List<Span> excluded) {
        List<Link> out = new ArrayList<>();
        AnchoredMatches.Starts starts = possibleStarts(text);
        if (starts.isEmpty()) {
            return out;
        }
        AnchoredMatches at = starts.over(URL.matcher(text));
        Matcher m = at.matcher();
        while (at.find()) {
            int s = m.start();
            int e = trimEnd(text, s, m.end());
            if (e <= s || Span.overlapsAny(excluded, s, e)) {
                continue;
            }
            String raw = text.substring(s, e);
            String scheme = null;
            String rest = raw;
            int sep = raw.indexOf("://");
            if (m.group("scheme") != null && sep > 0) {
                scheme = raw.substring(0, sep).toLowerCase(Locale.ROOT);
                rest = raw.substring(sep + 3);
            }
            int hostEnd = 0;
            while (hostEnd < rest.length() && "/?#".indexOf(rest.charAt(hostEnd)) < 0) {
                hostEnd++;
            }
            String host = rest.substring(0, hostEnd).toLowerCase(Locale.ROOT);
            if (host.isEmpty() || host.indexOf('.') < 0 && (scheme == null || scheme.startsWith("http"))) {
                continue;
            }
            String tail = rest.substring(hostEnd);
            if (tail.equals("/")) {
                tail = "";
            }
            out.add(new Link(s, e, raw, scheme, host, tail));
        }
        return out;
    }

    /**
     * Where a link can start: at the start of a run of letters, digits, dots and dashes that is not glued to an
     * '@', '_', '%', '+' or '/' before it (the pattern's look-behind), and only if the run holds a dot followed by
     * something a link goes on with (a domain, {@code www.}) or is followed by {@code ://} (a scheme). Most runs
     * (words, numbers, the ends of sentences) are neither, and the pattern is not tried there.
     */
    static AnchoredMatches.Starts possibleStarts(String text) {
        AnchoredMatches.Starts starts = new AnchoredMatches.Starts();
        int n = text.length();
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!inRun(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int runStart = i;
            boolean dotGoesOn = false;
            while (i < n && inRun(cp = text.codePointAt(i))) {
                if (cp == '.' && i + 1 < n && !endsLink(text.charAt(i + 1))) {
                    dotGoesOn = true;
                }
                i += Character.charCount(cp);
            }
            boolean glued = runStart > 0 && "@_%+/".indexOf(text.charAt(runStart - 1)) >= 0;
            if (!glued && (dotGoesOn || text.startsWith("://", i))) {
                starts.add(runStart);
            }
        }
        return starts;
    }

    /** {@link #inRunByType} of every char of the Basic Multilingual Plane, worked out once: it is asked of every char. */
    private static final boolean[] IN_RUN = inRunTable();

    private static boolean[] inRunTable() {
        boolean[] in = new boolean[Character.MAX_VALUE + 1];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            in[c] = inRunByType(c);
        }
        return in;
    }

    /** Letters, digits (the pattern's \p{L} and \p{N}), dots and dashes: what domains and schemes are made of. */
    private static boolean inRun(int cp) {
        return cp <= Character.MAX_VALUE ? IN_RUN[cp] : inRunByType(cp);
    }

    private static boolean inRunByType(int cp) {
        if (cp == '.' || cp == '-') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                 Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    /** The chars {@link #STOP} excludes (its \s is ASCII whitespace): no link goes on past them. */
    private static boolean endsLink(char c) {
        return switch (c) {
            case ' ', '\t', '\n', '\u000B', '\f', '\r', '<', '>', '"', '«', '»', '“', '”' -> true;
            default -> false;
        };
    }

    /** The end without trailing punctuation that belongs to the sentence, and without unbalanced closers. */
    private static int trimEnd(String text, int s, int e) {
        while (e > s) {
            char c = text.charAt(e - 1);
            if (".,;:!?'…".indexOf(c) >= 0) {
                e--;
            } else if (c == ')' || c == ']' || c == '}') {
                char open = c == ')' ? '(' : c == ']' ? '[' : '{';
                int depth = 0;
                for (int i = s; i < e; i++) {
                    if (text.charAt(i) == open) {
                        depth++;
                    } else if (text.charAt(i) == c) {
                        depth--;
                    }
                }
                if (depth < 0) {
                    e--;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        return e;
    }
}
