package org.tracelab.core.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The finders try their patterns only where a cheap scan says a match can start; this holds them to what a plain
 * {@code find()} over the whole text gives, on generated ads and on texts made to sit on the scans' edges.
 */
class AnchoredMatchesTest {

    private static final String[] EDGES = {
        "", "@", "a@", "@b", ".", "t.", "t .me/", "T   .  me / sample_name", "t    . me/sample_name",
        "x.t.me/sample_name", "_t.me/sample_name", "http://", "xhttp://a.uz", "фhttps://a.uz", "1http://a.uz",
        "https://t.me/sample_chan", "HTTPS://OLX.UZ/d/x", "www.", "www.%20", "WWW.example.uz.", "olx.uz", "сайт.рф/путь",
        "a.b.c.d.e.f.g.h.i.j.uz", "@olx.uz", "_olx.uz", "/olx.uz", "%olx.uz", "+olx.uz", "-olx.uz", "x-olx.uz",
        "name@mail.ru", ".name@mail.ru", "a@b@c.uz", "very" + "long".repeat(20) + "@mail.ru", "name @ mail.ru",
        "name [at] mail [dot] ru", "name (at) gmail.com", "name собака mail.ru", "Telegram: sample_user", "tg - name_x",
        "insta — sample.agency", "90 123-45-67", "@ sample_user", "пишите @ sample_user", "@sample.user.", "a:b",
        "e\u0301.uz", "𝟗𝟎.uz", "KZ86 125K ZT50 0410 0100", "xKZ86 125K ZT50 0410", "ÜKZ86 125K ZT50 0410",
        "IBAN: TR33 0006 1005 1978 6457 8413 26", "AE07 0331 2345 6789 0123 456", "UZ12", "UZ1", "Uz12 3456 7890", "①.uz", "x.\u00A0uz", "x.\tuz", "x.«uz", "mail.ru\nwww.x.uz", "end t.", "t.me",
        "name at gmail dot com", "NAME AT GMAIL DOT COM", "name СОБАКА mail ТОЧКА ru", "name Sobaka mail.ru",
        "\u017Fname [at] mail.ru", "\u212Aname (at) mail.ru", "\u0130name @ mail.uz", "x\u017Fname [at] mail.ru",
        "name \u017Fobaka mail.ru", "name \u212At mail dot ru", "name\u00A0@ mail.ru", "name\t(at)\tmail.ru",
        "name\n@\nmail.ru", "name{эт}mail.ru", "name<at>mail<dot>ru", "a.b [at] c.ru", ".a [at] b.ru", "_a [at] b.ru",
        "a".repeat(64) + " [at] mail.ru", "a".repeat(65) + " [at] mail.ru", "x " + "a".repeat(64) + "@ mail.ru",
        "name at", "name  at  gmail  dot  com", "name@ ", "at at at at gmail dot com", "1name (at) 2mail.ru",
    };

    /** Pieces of addresses and their disguises, joined at random into texts that sit on the scans' edges. */
    private static final String[] PIECES = {
        "name", "a", "x.y", "_", "-", "%", "+", "1", "\u017F", "\u212A", "\u0130", "\u0131", " ", "  ", "\t", "\n",
        "\u00A0", "@", "[", "]", "(", ")", "{", "}", "<", ">", "at", "AT", "At", "собака", "СОБАКА", "sobaka", "эт",
        "dot", "точка", "nuqta", "тчк", ".", "ru", "uz", "mail", "gmail", "com", "t.me/", "http://",
    };

    /** Texts of random pieces, the same on every run. */
    static List<String> joinedPieces(int count, long seed) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder b = new StringBuilder();
            int pieces = 1 + random.nextInt(30);
            for (int p = 0; p < pieces; p++) {
                b.append(PIECES[random.nextInt(PIECES.length)]);
            }
            out.add(b.toString());
        }
        return out;
    }

    static Stream<String> texts() {
        List<String> all = new ArrayList<>(List.of(EDGES));
        all.addAll(joinedPieces(300, 20261207L));
        all.addAll(EntityExtractorThroughput.corpus(400, 20261122L));
        String joined = String.join(" ", EDGES);
        all.add(joined);
        all.add(String.join("\n", EDGES));
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("texts")
    void linksAreFoundWhereFindFindsThem(String text) {
        assertSame(UrlFinder.URL, text, UrlFinder::possibleStarts);
    }

    @ParameterizedTest
    @MethodSource("texts")
    void plainAddressesAreFoundWhereFindFindsThem(String text) {
        assertSame(EmailFinder.PLAIN, text, EmailFinder::plainStarts);
    }

    @ParameterizedTest
    @MethodSource("texts")
    void obfuscatedAddressesAreFoundWhereFindFindsThem(String text) {
        assertSame(EmailFinder.OBFUSCATED, text, EmailFinder::obfuscatedStarts);
    }

    @ParameterizedTest
    @MethodSource("texts")
    void handlesAreFoundWhereFindFindsThem(String text) {
        assertSame(HandleFinder.AT_HANDLE, text, t -> AnchoredMatches.Starts.ofChars(t, "@"));
        assertSame(HandleFinder.AT_SPACED, text, t -> AnchoredMatches.Starts.ofChars(t, "@"));
        assertSame(HandleFinder.SPACED_TME, text, HandleFinder::spacedTmeStarts);
        assertSame(HandleFinder.AFTER_LABEL, text,
                t -> AnchoredMatches.Starts.ofChars(t, HandleFinder.LABEL_SEPARATORS));
    }

    @ParameterizedTest
    @MethodSource("texts")
    void ibansAreFoundWhereFindFindsThem(String text) {
        assertSame(PhoneFinder.IBAN, text, PhoneFinder::ibanStarts);
    }

    /** The starts of chars are every offset where String.indexOf finds the char among them, for every char. */
    @Test
    void startsOfCharsAreWhereTheCharsStand() {
        StringBuilder all = new StringBuilder();
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            all.append((char) c);
        }
        String text = all.toString();
        for (String chars : new String[] {"@", HandleFinder.LABEL_SEPARATORS, "", "\u0000?@\u007F\u0080\uFFFF",
            "\uD83D\uDE00\u0410"}) {
            AnchoredMatches at = AnchoredMatches.Starts.ofChars(text + text, chars)
                    .over(Pattern.compile("").matcher(text + text));
            List<Integer> found = new ArrayList<>();
            while (at.find()) {
                found.add(at.matcher().start());
            }
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < 2 * text.length(); i++) {
                if (chars.indexOf(text.charAt(i % text.length())) >= 0) {
                    expected.add(i);
                }
            }
            assertEquals(expected, found, chars);
        }
    }

    private static void assertSame(Pattern p, String text, Function<String, AnchoredMatches.Starts> starts) {
        List<String> expected = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            expected.add(m.start() + "-" + m.end() + ":" + m.group());
        }
        List<String> actual = new ArrayList<>();
        AnchoredMatches at = starts.apply(text).over(p.matcher(text));
        while (at.find()) {
            actual.add(at.matcher().start() + "-" + at.matcher().end() + ":" + at.matcher().group());
        }
        assertEquals(expected, actual, () -> p.pattern() + " over \"" + text + "\"");
    }
}
