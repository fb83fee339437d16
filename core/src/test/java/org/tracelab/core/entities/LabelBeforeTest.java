package org.tracelab.core.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The handle finder's label before a {@code label: name} was a pattern searched from every offset of the 24 chars
 * before the colon or dash; {@link HandleFinder#labelBefore} reads the one word it can be. This holds the two to the
 * same answer (no label, a Telegram one or an Instagram one) at every offset of random and hostile texts: labels in
 * every case, glued to letters, digits and numbers of other kinds, split by the window's start, followed by ASCII
 * whitespace and other line terminators, letters beyond the Basic Multilingual Plane, and every char of that plane
 * put before and after a label.
 */
class LabelBeforeTest {

    /** The old way, kept as the reference. */
    private static final Pattern LABEL_BEFORE = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:(?<tg>telegram|telegramm|телеграм\\p{L}*|телега|tg|тг)"
                    + "|(?<ig>instagram|insta|inst|инстаграм\\p{L}*|инста|инст|ig))\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final String[] PARTS = {"telegram", "Telegram", "TELEGRAMM", "телеграм", "Телеграмм", "телеграмга",
        "телега", "tg", "TG", "тг", "Тг", "instagram", "INSTA", "inst", "инстаграм", "инстаграмда", "инста", "инст",
        "ig", "IG", "İg", "ıg", "ſ", "K", "a", "b", "ж", "x", "1", "٣", "²", "Ⅻ", "𝐀", "𝟏", "😀", "\u0301", "_", ".",
        " ", "  ", "\t", "\n", "\r\n", "\u000B", "\f", "\u00A0", "\u2028", "\u2029", "\u0085", ":", "-", "–", "—",
        "@", "/", "(", ")", "'", "\""};

    private static String old(String text, int from, int at) {
        Matcher m = LABEL_BEFORE.matcher(text).region(from, at).useTransparentBounds(true);
        return m.find() ? (m.group("tg") != null ? "tg" : "ig") : null;
    }

    private static String now(String text, int from, int at) {
        Matcher m = HandleFinder.labelBefore(text, from, at);
        return m == null ? null : m.group("tg") != null ? "tg" : "ig";
    }

    private static int compareEveryOffset(String text) {
        int labels = 0;
        for (int at = 0; at <= text.length(); at++) {
            int from = Math.max(0, at - 24);
            String expected = old(text, from, at);
            assertEquals(expected, now(text, from, at), "at " + at + " of \"" + text + "\"");
            labels += expected == null ? 0 : 1;
        }
        return labels;
    }

    @Test
    void theSameLabelAtEveryOffsetOfRandomTexts() {
        Random random = new Random(20261208L);
        int labels = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = 1 + random.nextInt(12);
            for (int k = 0; k < n; k++) {
                b.append(PARTS[random.nextInt(PARTS.length)]);
            }
            labels += compareEveryOffset(b.toString());
        }
        assertTrue(labels > 20_000, "only " + labels + " labels found");
    }

    @Test
    void everyCharBeforeAndAfterALabel() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            if (Character.isSurrogate(c)) {
                continue;
            }
            for (String label : new String[] {"telegram", "инстаграм", "tg"}) {
                compareEveryOffset(c + label + " : name");
                compareEveryOffset(label + c + ": name");
                compareEveryOffset(label.substring(0, 1) + c + label.substring(1) + " - name");
            }
        }
    }
}
