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
    private static final Pattern OBFUSCATED = Pattern.compile(
            "(?<![A-Za-z0-9._%+-])(?<local>" + LOCAL + ")(?<at>" + AT_BRACKET + "|" + AT_WORD + "|" + AT_SPACED + ")"
                    + "(?<domain>" + LABEL + "(?:" + DOT + LABEL + "){0,6}" + DOT + "[A-Za-z]{2,12})(?![A-Za-z0-9-])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Cheap test for anything that could be an obfuscated '@', so most texts skip the expensive pattern. */
    static final Pattern AT_HINT = Pattern.compile("[\\[({<]\\s*(?:at|@|собака|sobaka|эт)\\s*[\\])}>]"
            + "|\\s(?:собака|sobaka|at)\\s|\\s@|@\\s", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** What {@link #AT_HINT} can open with: a bracket, ASCII whitespace (its \s) or an '@'. */
    static final String AT_HINT_OPENERS = "[({< \t\n\u000B\f\r@";
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
        if (!AnchoredMatches.Starts.ofChars(text, AT_HINT_OPENERS).over(AT_HINT.matcher(text)).find()) {
            return out;
        }
        m = OBFUSCATED.matcher(text);
        while (m.find()) {
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
