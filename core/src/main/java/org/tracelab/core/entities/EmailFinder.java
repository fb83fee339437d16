package org.tracelab.core.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds e-mail addresses, plain ({@code name@mail.ru}) and written to dodge filters: {@code name [at] mail [dot] ru},
 * {@code name (at) gmail.com}, {@code name собака mail.ru}, {@code name @ mail точка ru}, {@code name at gmail dot com}.
 * Values are lowercased. Stateless.
 */
final class EmailFinder {

    private static final String LOCAL = "[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}+";
    static final Pattern PLAIN = Pattern.compile(
            "(?<![A-Za-z0-9._%+-])" + LOCAL + "@(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.){1,8}"
                    + "\\p{L}{2,24}(?![\\p{L}\\p{N}-])");

    private static final String AT_BRACKET = "\\s*[\\[({<]\\s*(?:at|@|собака|sobaka|эт)\\s*[\\])}>]\\s*";
    private static final String AT_WORD = "\\s+(?:собака|sobaka|at)\\s+";
    private static final String AT_SPACED = "\\s*@\\s+|\\s+@\\s*";
    private static final String DOT_BRACKET = "\\s*[\\[({<]\\s*(?:dot|\\.|точка|nuqta|тчк)\\s*[\\])}>]\\s*";
    private static final String DOT_WORD = "\\s+(?:dot|точка|nuqta|тчк)\\s+";
    private static final String DOT = "(?:" + DOT_BRACKET + "|" + DOT_WORD + "|\\.)";
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    static final Pattern OBFUSCATED = Pattern.compile(
            "(?<![A-Za-z0-9._%+-])(?<local>" + LOCAL + ")(?<at>" + AT_BRACKET + "|" + AT_WORD + "|" + AT_SPACED + ")"
                    + "(?<domain>" + LABEL + "(?:" + DOT + LABEL + "){0,6}" + DOT + "[A-Za-z]{2,12})(?![A-Za-z0-9-])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** The word forms of an obfuscated '@' with the whitespace after them, as {@link #OBFUSCATED} reads them. */
    private static final Pattern AT_WORD_HEAD = Pattern.compile("(?:собака|sobaka|at)\\s",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** The most chars {@link #LOCAL} takes. */
    private static final int MAX_LOCAL = 64;
    private static final Pattern WORD_DOT = Pattern.compile(DOT_BRACKET + "|" + DOT_WORD,
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /**
     * Where a plain address can start: the start of the run of local-part chars right before each '@' (the
     * pattern's look-behind allows no other).
     */
    static AnchoredMatches.Starts plainStarts(String text) {
        AnchoredMatches.Starts starts = new AnchoredMatches.Starts();
        for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
            int s = at;
            while (s > 0 && localChar(text.charAt(s - 1))) {
                s--;
            }
            if (s < at) {
                starts.add(s);
            }
        }
        return starts;
    }

    /**
     * {@link #localCharIgnoringCase} of every char, worked out once: the start finder asks it of every char of every
     * text, and case mapping outside ASCII was most of the e-mail finder's time.
     */
    private static final boolean[] LOCAL_IGNORING_CASE = localCharsIgnoringCase();

    private static boolean[] localCharsIgnoringCase() {
        boolean[] local = new boolean[Character.MAX_VALUE + 1];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            local[c] = localCharIgnoringCase((char) c);
        }
        return local;
    }

    /**
     * Where an obfuscated address can start: its look-behind and its local part (a letter or digit, then local-part
     * chars, possessively, 64 at most) put it at the start of a run of local-part chars no longer than that, and its
     * '@' comes right after the run: after optional whitespace a bracket or an '@', or after some whitespace one of
     * the words for it. Most words of a text are not followed by either, so the pattern is tried at few places
     * rather than at every offset, which was most of finding e-mails.
     */
    static AnchoredMatches.Starts obfuscatedStarts(String text) {
        AnchoredMatches.Starts starts = new AnchoredMatches.Starts();
        Matcher word = null;
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!LOCAL_IGNORING_CASE[text.charAt(i)]) {
                i++;
                continue;
            }
            int s = i;
            while (i < n && LOCAL_IGNORING_CASE[text.charAt(i)]) {
                i++;
            }
            if (i - s > MAX_LOCAL || !letterOrDigitIgnoringCase(text.charAt(s))) {
                continue;
            }
            int j = i;
            while (j < n && asciiSpace(text.charAt(j))) {
                j++;
            }
            if (j == n) {
                break;
            }
            char c = text.charAt(j);
            if ("[({<@".indexOf(c) >= 0) {
                starts.add(s);
            } else if (j > i && mayOpenAtWord(c)) {
                word = word == null ? AT_WORD_HEAD.matcher(text) : word;
                if (word.region(j, n).lookingAt()) {
                    starts.add(s);
                }
            }
        }
        return starts;
    }

    /**
     * Whether {@code c} may be the first letter of {@link #AT_WORD_HEAD} ('с', 's', 'a'): a pattern's letter matches
     * a char, case-insensitively with Unicode case, when the char's upper case lowered is that letter (or the char
     * lowered is, which the check takes too so as never to say no where the pattern says yes).
     */
    private static boolean mayOpenAtWord(char c) {
        char folded = Character.toLowerCase(Character.toUpperCase(c));
        char lower = Character.toLowerCase(c);
        return "sa\u0441".indexOf(folded) >= 0 || "sa\u0441".indexOf(lower) >= 0;
    }

    /** The chars of {@code \s} without Unicode character classes. */
    private static boolean asciiSpace(char c) {
        return c == ' ' || c >= '\t' && c <= '\r';
    }

    /**
     * Whether {@code c} is in {@link #OBFUSCATED}'s local-part class: with case-insensitive Unicode matching a range
     * of letters also takes a char whose upper case, or that lowered again, is in it ('ſ', the Kelvin sign, 'İ').
     */
    private static boolean localCharIgnoringCase(char c) {
        if (c < 0x80) {
            return localChar(c);
        }
        char up = Character.toUpperCase(c);
        return asciiLetter(up) || asciiLetter(Character.toLowerCase(up));
    }

    /** Whether {@code c} is in {@code [A-Za-z0-9]} matched case-insensitively with Unicode case. */
    private static boolean letterOrDigitIgnoringCase(char c) {
        return c >= '0' && c <= '9' || localCharIgnoringCase(c) && (c >= 0x80 || asciiLetter(c));
    }

    private static boolean asciiLetter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    private static boolean localChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || "._%+-".indexOf(c) >= 0;
    }

    List<Entity> find(String text) {
        List<Entity> out = new ArrayList<>();
        List<Span> taken = new ArrayList<>();
        AnchoredMatches plain = plainStarts(text).over(PLAIN.matcher(text));
        Matcher m = plain.matcher();
        while (plain.find()) {
            out.add(Entity.of(EntityType.EMAIL, m.group().toLowerCase(Locale.ROOT), text, m.start(), m.end(), false));
            taken.add(new Span(m.start(), m.end()));
        }
        AnchoredMatches.Starts starts = obfuscatedStarts(text);
        if (starts.isEmpty()) {
            return out;
        }
        AnchoredMatches obfuscated = starts.over(OBFUSCATED.matcher(text));
        m = obfuscated.matcher();
        while (obfuscated.find()) {
            if (Span.overlapsAny(taken, m.start(), m.end())) {
                continue;
            }
            String at = m.group("at").strip().toLowerCase(Locale.ROOT);
            String domainRaw = m.group("domain");
            boolean wordDots = WORD_DOT.matcher(domainRaw).find();
            if (at.equals("at") && !wordDots) {
                continue; // "contact me at gmail.com" is English, not an address
            }
            String domain = WORD_DOT.matcher(domainRaw).replaceAll(".").replaceAll("\\s+", "");
            String value = (m.group("local") + "@" + domain).toLowerCase(Locale.ROOT);
            out.add(Entity.of(EntityType.EMAIL, value, text, m.start(), m.end(), true));
        }
        return out;
    }
}
