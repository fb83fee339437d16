package org.tracelab.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

/** The index's analysis adds the word of a word joined to digits; the query's does not. Texts are fictitious. */
class JoinedWordsTest {
    private static List<String> tokens(Analyzer analyzer, String field, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term + "/" + inc.getPositionIncrement());
            }
            ts.end();
        }
        return out;
    }

    @Test
    void theIndexAddsEachWordOfAJoinedTokenAtItsPosition() throws IOException {
        try (Analyzer a = CaseAnalyzers.forIndexing()) {
            assertEquals(List.of("ish/1", "dubai2024/1", "dubai/0", "da/1"), tokens(a, CaseAnalyzers.TEXT,
                    "Ish Dubai2024 da"));
            assertEquals(List.of("rabota24/1", "rabota/0"), tokens(a, CaseAnalyzers.TEXT, "работа24"));
            assertEquals(List.of("работа24/1", "работ/0"), tokens(a, CaseAnalyzers.TEXT_RU, "работа24"));
            assertEquals(List.of("ishga998901234567/1", "ishga/0"), tokens(a, CaseAnalyzers.TEXT_EN,
                    "ishga998901234567"));
        }
    }

    @Test
    void numbersWordsAndLongRunsAreLeftAlone() throws IOException {
        try (Analyzer a = CaseAnalyzers.forIndexing()) {
            assertEquals(List.of("998901234567/1", "bepul/1", "5/1"), tokens(a, CaseAnalyzers.TEXT,
                    "998901234567 bepul 5"));
            assertEquals(List.of("5kg/1", "kg/0", "a1/1"), tokens(a, CaseAnalyzers.TEXT, "5kg a1"));
            String hash = "3f9a0c7e5b1d2f4a6c8e0b2d4f6a8c0e2b4d6f8a";
            assertEquals(List.of(hash + "/1"), tokens(a, CaseAnalyzers.TEXT, hash));
        }
    }

    @Test
    void theQueryAnalysisKeepsTheJoinedTokenWhole() throws IOException {
        try (Analyzer a = CaseAnalyzers.create()) {
            assertEquals(List.of("dubai2024/1"), tokens(a, CaseAnalyzers.TEXT, "Dubai2024"));
        }
    }
}
