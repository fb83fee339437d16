package org.tracelab.core.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The runs read piece by piece (a piece ends at a line break or a double quote) and kept by piece are the runs of the
 * text read whole: on random hostile texts, where every break, separator, number word and look-alike stands next to
 * a piece's edge, each text read twice so the second reading comes from the kept pieces.
 */
class DeobfuscatorPiecesTest {

    /** Pieces of text that sit on what the tokenizer reads around a token. */
    private static final String[] BITS = {
        "0", "1", "5", "9", "90", "123", "45", "67", "998", "+", "+ ", "＋", "(", ")", "-", ".", "_", " ", "  ", "\t",
        ",", ", ", ",\"", "\",", ";", ":", "|", "|1", "1|", "'", "’", "ʻ", "`", "a'b", "o'n", "to'qson", "ikki",
        "yuz", "bir", "nol", "ноль", "девяносто", "сто", "двадцать", "три", "сорок", "плюс", "plus", "nine", "one",
        "oh", "on", "O", "o", "OO", "О", "о", "l", "I", "lЗ", "з", "б", "Б", "9б1", "\uFE0F", "1\uFE0F\u20E3",
        "①", "❾", "５", "٣", "۴", "९", "\uD835\uDFD7", "\uD83C\uDD0B", "😀", "🙂🙂", "@", "#", "№", "%", "$", "₽", "=",
        "«", "»", "“", "”", "<", ">", "\r", "\r\n", "\u2028", "\u0085", "\u00A0", "\u202F", "x", "ext", "доб",
        "Aloqa: ", "Телефон ", "tel", "\"", "\"\"", "\n", "\n\n", "\"phone\":\"", "\",\"", "\":"
    };

    @Test
    void runsByPieceAreTheRunsOfTheWholeText() {
        Random random = new Random(20);
        Deobfuscator d = new Deobfuscator();
        int withRuns = 0;
        for (int t = 0; t < 20_000; t++) {
            StringBuilder b = new StringBuilder();
            int parts = 1 + random.nextInt(t % 10 == 0 ? 200 : 40);
            for (int k = 0; k < parts; k++) {
                if (random.nextInt(4) == 0) {
                    b.append(random.nextInt(10));
                } else {
                    b.append(BITS[random.nextInt(BITS.length)]);
                }
            }
            String text = b.toString();
            List<Deobfuscator.Run> whole = d.runsRead(text);
            assertEquals(whole, d.runs(text), text);
            assertEquals(whole, d.runs(text), "kept: " + text);
            if (!whole.isEmpty()) {
                withRuns++;
            }
        }
        assertFalse(withRuns < 2_000, "too few texts with runs: " + withRuns);
    }

    @Test
    void aRunAtEveryPlaceOfARecordAndItsPage() {
        Deobfuscator d = new Deobfuscator();
        String[] numbers = {"+998 90 123 45 67", "девяносто сто двадцать три сорок пять шестьдесят семь",
            "9O 555 OO lЗ", "8 (9O1) 234-56-78", "+ 998 ①②③ 45 67 89", "99 8 90 1 2 3 4 5 6 7"};
        for (String n : numbers) {
            for (String around : new String[] {"%s", "\"%s\"", "x\n%s\ny", "\"contact\":\"Aloqa: %s\",\"p\":\"1\"",
                "%s,\"", "+\"%s", "%s\n+", "a,\n%s", "%s|\"1", "o'\"%s\"'o"}) {
                String text = around.formatted(n);
                assertEquals(d.runsRead(text), d.runs(text), text);
                assertEquals(d.runsRead(text), d.runs(text), "kept: " + text);
            }
        }
    }
}
