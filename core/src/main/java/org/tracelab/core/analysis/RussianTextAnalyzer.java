package org.tracelab.core.analysis;

import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analyzer of {@code text_ru}: Russian light stemming on the original Cyrillic (transliterating first would hide
 * the endings the stemmer strips), folding after stemming so {@code ё} and {@code е} meet.
 */
final class RussianTextAnalyzer extends Analyzer {
    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new MappingCharFilter(UzbekScriptAnalyzer.APOSTROPHES, reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(tokenizer);
        stream = new RussianLightStemFilter(stream);
        return new TokenStreamComponents(tokenizer, new ICUFoldingFilter(stream));
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ICUFoldingFilter(new LowerCaseFilter(in));
    }
}
