package org.tracelab.core.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/** The analyzer of {@code text_en}: possessives dropped, Porter stemming, then folding. */
final class EnglishTextAnalyzer extends Analyzer {
    private final boolean joinedWords;

    /** The analyzer; with {@code joinedWords}, words joined to digits are also emitted as the word. */
    EnglishTextAnalyzer(boolean joinedWords) {
        this.joinedWords = joinedWords;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new EnglishPossessiveFilter(joinedWords ? JoinedWords.added(tokenizer) : tokenizer);
        stream = new LowerCaseFilter(stream);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(tokenizer, new ICUFoldingFilter(stream));
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ICUFoldingFilter(new LowerCaseFilter(in));
    }
}
