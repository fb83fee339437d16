package org.tracelab.core.analysis;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.tracelab.core.lang.UzbekApostrophes;

/**
 * The analyzer of {@code text_ru}: Russian light stemming on the original Cyrillic (transliterating first would hide
 * the endings the stemmer strips), then case and diacritics folded.
 *
 * <p>{@code ё} becomes {@code е} before the stemmer: folded only after it, {@code жильё} and {@code жилье} were
 * stemmed to two different terms and each spelling found a
 * different set of ads. The rest of the folding stays after the stemmer, which needs {@code й} to tell endings
 * apart; a char filter keeps the offsets highlighting reads from the postings.
 */
final class RussianTextAnalyzer extends Analyzer {
    /** Apostrophe variants as the ASCII apostrophe, and {@code ё} as {@code е}. */
    static final CharForCharFilter.Substitution YO_AND_APOSTROPHES = new CharForCharFilter.Substitution(
            UzbekApostrophes.VARIANTS + "ёЁ", "'".repeat(UzbekApostrophes.VARIANTS.length()) + "еЕ");
    private final boolean joinedWords;

    /** The analyzer; with {@code joinedWords}, words joined to digits are also emitted as the word. */
    RussianTextAnalyzer(boolean joinedWords) {
        this.joinedWords = joinedWords;
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new CharForCharFilter(YO_AND_APOSTROPHES, reader);
    }

    @Override
    protected Reader initReaderForNormalization(String fieldName, Reader reader) {
        return initReader(fieldName, reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(joinedWords ? JoinedWords.added(tokenizer) : tokenizer);
        stream = new RussianLightStemFilter(stream);
        return new TokenStreamComponents(tokenizer, new ICUFoldingFilter(stream));
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ICUFoldingFilter(new LowerCaseFilter(in));
    }
}
