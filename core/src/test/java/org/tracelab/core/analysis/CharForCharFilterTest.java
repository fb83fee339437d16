package org.tracelab.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.util.SplittableRandom;
import org.apache.lucene.analysis.CharFilter;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.junit.jupiter.api.Test;
import org.tracelab.core.lang.UzbekApostrophes;

class CharForCharFilterTest {
    /** Chars the texts are drawn from: the replaced ones, their replacements, Latin, Cyrillic, digits, a surrogate pair. */
    private static final String ALPHABET = UzbekApostrophes.VARIANTS + "ёЁеЕ abcoʻgʻ Oʻzbekiston ўқғҳ жильё 0123456789\n\uD83D\uDE00";

    @Test
    void readsWhatTheMappingCharFiltersItReplacesReadWithTheSameOffsets() throws IOException {
        NormalizeCharMap.Builder apostrophes = new NormalizeCharMap.Builder();
        for (char c : UzbekApostrophes.VARIANTS.toCharArray()) {
            if (c != '\'') {
                apostrophes.add(String.valueOf(c), "'");
            }
        }
        NormalizeCharMap.Builder yo = new NormalizeCharMap.Builder();
        yo.add("ё", "е");
        yo.add("Ё", "Е");
        NormalizeCharMap a = apostrophes.build();
        NormalizeCharMap y = yo.build();
        SplittableRandom random = new SplittableRandom(12);
        for (int n = 0; n < 2_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(300);
            for (int i = 0; i < length; i++) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String s = text.toString();
            int chunk = 1 + random.nextInt(64);
            assertSame(new MappingCharFilter(a, new StringReader(s)),
                    new CharForCharFilter(UzbekScriptAnalyzer.APOSTROPHES, new StringReader(s)), chunk, s);
            assertSame(new MappingCharFilter(y, new MappingCharFilter(a, new StringReader(s))),
                    new CharForCharFilter(RussianTextAnalyzer.YO_AND_APOSTROPHES, new StringReader(s)), chunk, s);
        }
    }

    private static void assertSame(CharFilter expected, CharFilter actual, int chunk, String text) throws IOException {
        String want = readAll(expected, chunk);
        String got = readAll(actual, chunk);
        assertEquals(want, got, text);
        for (int i = 0; i <= want.length(); i++) {
            assertEquals(expected.correctOffset(i), actual.correctOffset(i), text);
        }
    }

    private static String readAll(CharFilter in, int chunk) throws IOException {
        StringBuilder out = new StringBuilder();
        char[] buf = new char[chunk];
        for (int n; (n = in.read(buf, 0, chunk)) >= 0; ) {
            out.append(buf, 0, n);
        }
        return out.toString();
    }
}
