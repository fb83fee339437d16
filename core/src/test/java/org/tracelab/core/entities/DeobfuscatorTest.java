package org.tracelab.core.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The decoder on its own: number words and compounds, look-alike letters, odd digits, separators, offsets. */
class DeobfuscatorTest {

    private final Deobfuscator d = new Deobfuscator();

    static Stream<Arguments> decoded() {
        return Stream.of(
                // Russian compounds
                Arguments.of("тридцать пять сорок сорок сорок сорок", "35 40 40 40 40"),
                Arguments.of("девяносто сто двадцать три сорок пять шестьдесят семь", "90 123 45 67"),
                Arguments.of("двести пять девятьсот девяносто девять ноль", "205 999 0"),
                Arguments.of("одиннадцать двенадцать тринадцать девятнадцать", "11 12 13 19"),
                Arguments.of("сто пятнадцать сто ноль ноль ноль", "115 100 0 0 0"),
                Arguments.of("Ноль Нуль Одна Две Четыре Восемь Девять", "0 0 1 2 4 8 9"),
                // Uzbek Latin, apostrophe look-alikes, without apostrophes
                Arguments.of("to'qson bir yuz yigirma uch qirq besh", "91 123 45"),
                Arguments.of("to‘qson toʻqson to`qson toqson ellik", "90 90 90 90 50"),
                Arguments.of("o'n ikki o'ttiz to'rt nol yetti sakkiz", "12 34 0 7 8"),
                Arguments.of("ikki yuz ellik sakkiz olti yetti bir nol", "258 6 7 1 0"),
                Arguments.of("yigirma sakson bir oltmish bir besh", "20 81 61 5"),
                // Uzbek Cyrillic, with and without the Uzbek letters
                Arguments.of("тўқсон бир юз йигирма уч қирқ беш", "91 123 45"),
                Arguments.of("туксон бир юз йигирма уч кирк беш", "91 123 45"),
                Arguments.of("ўн икки ўттиз тўрт тўққиз саккиз етти", "12 34 9 8 7"),
                // English
                Arguments.of("nine one two three four five six seven eight", "9 1 2 3 4 5 6 7 8"),
                Arguments.of("ninety one hundred twenty three forty five", "91 123 45"),
                Arguments.of("seventy seven one two three four five six seven", "77 1 2 3 4 5 6 7"),
                Arguments.of("zero nine oh one two three four five", "0 9 0 1 2 3 4 5"),
                // look-alike letters
                Arguments.of("9O l23 45 67", "90 123 45 67"),
                Arguments.of("9О 1ЗЗ 45 67", "90 133 45 67"),
                Arguments.of("9О 1б3 45 67", "90 163 45 67"),
                Arguments.of("90 OO 45 67 89", "90 00 45 67 89"),
                // digits other than ASCII, separators
                Arguments.of("9️⃣0️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣", "901234567"),
                Arguments.of("❾⓪ ①②③ ④⑤ ⑥⑦", "90 123 45 67"),
                Arguments.of("９０１２３４５６７", "901234567"),
                Arguments.of("90📞123🔥45🔥67", "90 123 45 67"),
                Arguments.of("9_0_1_2_3_4_5_6_7", "9 0 1 2 3 4 5 6 7"),
                Arguments.of("+998 девяносто 123 45 67", "+998 90 123 45 67"),
                Arguments.of("плюс 998 девяносто 123 45 67", "+998 90 123 45 67"),
                Arguments.of("plus nine nine eight nine zero one two", "+9 9 8 9 0 1 2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decoded")
    void decodes(String text, String expected) {
        assertEquals(expected, d.deobfuscate(text).text());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "one of the best", "bir oy", "три дня", "Один из лучших, два дня", "bir ikki uch to'rt",
        "Tel: 90 123 45 67", "+998 (90) 123-45-67", "I have one or two", "Oo Io Ol", "зло боб",
        "Call on 90 ok", "2 xona, 3/5 qavat", "5 000 000 so'm", "",
    })
    void leavesOrdinaryTextAlone(String text) {
        assertEquals(text, d.deobfuscate(text).text());
    }

    @Test
    void ambiguousWordsCountOnlyBetweenNumbers() {
        // "on" is English; as Uzbek 10 it needs numbers on both sides
        assertEquals("Call on 9 0 1 2 3 4 5 6 7", d.deobfuscate("Call on nine zero one two three four five six seven")
                .text());
        assertEquals("9 0 1 12 3 4 5 6", d.deobfuscate("nine zero one on two three four five six").text());
        assertEquals("9 0 1 10 0 3 4 5 6", d.deobfuscate("nine zero one on zero three four five six").text());
        // a lone look-alike letter likewise
        assertEquals("I 90 123 45 67", d.deobfuscate("I 9O 123 45 67").text());
        assertEquals("90 1 23 45 67", d.deobfuscate("9O I 23 45 67").text());
    }

    @Test
    void sixOnlyBetweenDigits() {
        assertEquals("90 163 45 67", d.deobfuscate("90 1б3 45 67").text());
        assertEquals("90 123 45 6б", d.deobfuscate("90 123 45 6б").text());
        assertEquals("б90 123 45 67", d.deobfuscate("б90 123 45 67").text());
    }

    @Test
    void runsBreakAtWordsLinesAndListCommas() {
        List<Deobfuscator.Run> runs = d.runs("90 123 45 67, 93 765 43 21\n97 111 22 33 yoki 99 111 22 33");
        assertEquals(List.of("901234567", "937654321", "971112233", "991112233"),
                runs.stream().map(Deobfuscator.Run::digits).toList());
        // a comma next to a number word joins: people list the groups of a spelled number that way
        assertEquals(1, d.runs("девяносто, сто двадцать три, сорок пять, шестьдесят семь").size());
        // too few digits is no run at all
        assertTrue(d.runs("bir oy, 2 xona, 12 34 56").isEmpty());
    }

    @Test
    void offsetsMapBackToTheOriginal() {
        String text = "Tel: to'qson bir 234 56 78 ok";
        Deobfuscator.Deobfuscated r = d.deobfuscate(text);
        assertEquals("Tel: 91 234 56 78 ok", r.text());
        int s = r.text().indexOf("91");
        assertEquals(text.indexOf("to'qson"), r.originalStart(s));
        assertEquals(text.indexOf(" bir") + 4, r.originalEnd(s + 2));
        int e = r.text().indexOf(" ok");
        assertEquals(text.indexOf(" ok"), r.originalEnd(e));
        assertEquals(text.indexOf("ok"), r.originalStart(r.text().indexOf("ok")));
        // every char of the decoded text maps inside the original
        for (int i = 0; i < r.text().length(); i++) {
            assertTrue(r.originalStart(i) <= r.originalEnd(i + 1));
            assertTrue(r.originalEnd(i + 1) <= text.length());
        }
    }

    @Test
    void surrogatePairsKeepOffsetsInUtf16() {
        String text = "👋 𝟵𝟬 𝟭𝟮𝟯 𝟰𝟱 𝟲𝟳 👋";
        List<Deobfuscator.Run> runs = d.runs(text);
        assertEquals(1, runs.size());
        Deobfuscator.Run run = runs.get(0);
        assertEquals("901234567", run.digits());
        assertEquals(text.indexOf("𝟵"), run.start());
        assertEquals(text.lastIndexOf("𝟳") + 2, run.end());
    }

    @Test
    void numberWordsFileIsWellFormed() {
        NumberWords w = NumberWords.standard();
        assertEquals(90, w.lookup("ТЎҚСОН").value());
        assertEquals(90, w.lookup("toʻqson").value());
        assertEquals(NumberWords.Kind.TENS, w.lookup("девяносто").kind());
        assertEquals(NumberWords.Kind.HUNDRED, w.lookup("yuz").kind());
        assertTrue(w.lookup("on").ambiguous());
        assertEquals(false, w.lookup("o'n").ambiguous());
        assertEquals(NumberWords.Kind.PLUS, w.lookup("плюс").kind());
        assertEquals(null, w.lookup("oy"));
    }
}
