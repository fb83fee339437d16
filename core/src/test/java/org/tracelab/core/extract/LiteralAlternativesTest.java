package org.tracelab.core.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LiteralAlternativesTest {
    /** Main text's own kinds of pattern: plain words, words with a hyphen, and words anchored with spaces. */
    private static final List<String> PATTERNS = List.of("-ad-|hidden|^hid$| hid$| hid |^hid |banner|com-|footer",
            "and|article|body|column|content|main|shadow", "caption|credit|h-entry|tags", "^only$", "^start|end$");
    private static final String[] PIECES = {"hid", " ", "-ad-", "ad", "-", "com", "banner", "Foot", "footer", "x",
        "article", "h-entry", "only", "start", "end", "tags", "main", "0"};

    @Test
    void findsWhatTheRegexFinds() {
        Random random = new Random(12);
        for (String p : PATTERNS) {
            Pattern regex = Pattern.compile(p);
            LiteralAlternatives literal = new LiteralAlternatives(p);
            for (int i = 0; i < 20_000; i++) {
                StringBuilder sb = new StringBuilder();
                for (int n = random.nextInt(5); n > 0; n--) {
                    sb.append(PIECES[random.nextInt(PIECES.length)]);
                }
                String s = sb.toString();
                assertEquals(regex.matcher(s).find(), literal.foundIn(s), () -> "'" + s + "' against " + p);
            }
        }
    }

    @Test
    void refusesRegexSyntaxItWouldReadAsWords() {
        for (String p : List.of("a.b", "x|", "(a)", "a*", "\\d", "a|b?")) {
            assertThrows(IllegalArgumentException.class, () -> new LiteralAlternatives(p), p);
        }
    }
}
