package org.tracelab.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.icu.ICUTransformFilter;
import org.junit.jupiter.api.Test;

/** The filter gives exactly what ICU's transform filter gives with the same rules, token by token. */
class CyrillicToLatinFilterTest {
    /** Lower-cased words as the analyzer hands them over; fictitious ad words in the scripts ads come in. */
    private static final String WORDS = String.join(" ",
            "ишчи тошкент ёрдам ўқитувчи қиз ғалаба ҳар хорижда",      // Uzbek Cyrillic, its own letters
            "ереван поезд объявление щётка въезд ьа ыы эмаль йўл цирк", // е at the start and after vowels, signs
            "работа за границей оплата визой",                          // Russian
            "қазақстан әже өнер үй ұлт іс ң һ",                        // Kazakh letters the rules do not name
            "ґанок їжа єврей ђак ћуп ѕ ӏ",                              // other Cyrillic the rules leave as they are
            "ish-иш ishchi ish2026 to'lov o'qituvchi 998901234567 مرحبا 工作 iş praca");

    @Test
    void everyTokenEndsAsIcusTransformFilterLeavesIt() throws IOException {
        assertEquals(terms(in -> new ICUTransformFilter(in, UzbekScriptAnalyzer.cyrillicToLatin())),
                terms(CyrillicToLatinFilter::new));
    }

    @Test
    void uzbekCyrillicBecomesUzbekLatin() throws IOException {
        List<String> latin = terms(CyrillicToLatinFilter::new);
        assertEquals("ishchi", latin.get(0));
        assertEquals("o'qituvchi", latin.get(3));
        assertEquals("yerevan", latin.get(8));
    }

    @Test
    void aWordSeenBeforeEndsAsTheFirstTimeAlsoAfterMoreWordsThanAreKept() throws IOException {
        StringBuilder text = new StringBuilder(WORDS).append(' ').append(WORDS);
        String letters = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяўқғҳ";
        for (int i = 0; i < CyrillicToLatinFilter.KEPT_WORDS + 500; i++) {
            text.append(' ').append(letters.charAt(i % letters.length())).append("е")
                    .append(letters.charAt(i / letters.length() % letters.length())).append("ё")
                    .append(letters.charAt(i / letters.length() / letters.length() % letters.length()));
        }
        text.append(' ').append(WORDS);
        assertEquals(terms(in -> new ICUTransformFilter(in, UzbekScriptAnalyzer.cyrillicToLatin()), text.toString()),
                terms(CyrillicToLatinFilter::new, text.toString()));
    }

    private static List<String> terms(Function<TokenStream, TokenStream> filter) throws IOException {
        return terms(filter, WORDS);
    }

    private static List<String> terms(Function<TokenStream, TokenStream> filter, String text) throws IOException {
        Tokenizer tokenizer = new WhitespaceTokenizer();
        tokenizer.setReader(new java.io.StringReader(text));
        return TokenTerms.of(filter.apply(tokenizer));
    }
}
