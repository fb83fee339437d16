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

    @Test
    void theAsciiTestsAreCharactersOwnForEveryChar() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            assertEquals(Character.isDigit((char) c), JoinedWords.isDigit((char) c), "digit " + c);
            assertEquals(Character.isLetter((char) c), JoinedWords.isLetter((char) c), "letter " + c);
        }
    }

    /** The split of random tokens (letters, digits and marks of several scripts) is the one read through Character. */
    @Test
    void aTokensWordsAreThoseReadCharByCharThroughCharacter() {
        java.util.Random random = new java.util.Random(20261207);
        String alphabet = "ab\u0437\u0436\u00e9x0123456789\u0663\u0967\uff15'-_.\u02bb\u0301";
        for (int round = 0; round < 20_000; round++) {
            StringBuilder token = new StringBuilder();
            int length = random.nextInt(JoinedWords.MAX_TOKEN + 4);
            for (int i = 0; i < length; i++) {
                token.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            java.util.ArrayDeque<String> fast = new java.util.ArrayDeque<>();
            java.util.ArrayDeque<String> slow = new java.util.ArrayDeque<>();
            char[] padded = (token + "padding").toCharArray();
            assertEquals(reference(token, slow), JoinedWords.split(padded, token.length(), fast), token.toString());
            assertEquals(List.copyOf(slow), List.copyOf(fast), token.toString());
        }
    }

    /** The split as first written: over a CharSequence, each char through Character. */
    private static boolean reference(CharSequence s, java.util.ArrayDeque<String> out) {
        int n = s.length();
        if (n > JoinedWords.MAX_TOKEN) {
            return false;
        }
        boolean digit = false;
        for (int i = 0; i < n && !digit; i++) {
            digit = Character.isDigit(s.charAt(i));
        }
        if (!digit) {
            return false;
        }
        int start = -1;
        int letters = 0;
        for (int i = 0; i <= n && out.size() < JoinedWords.MAX_PARTS; i++) {
            boolean inWord = i < n && !Character.isDigit(s.charAt(i));
            if (inWord) {
                if (start < 0) {
                    start = i;
                    letters = 0;
                }
                letters += Character.isLetter(s.charAt(i)) ? 1 : 0;
            } else if (start >= 0) {
                if (letters >= 2) {
                    out.add(s.subSequence(start, i).toString());
                }
                start = -1;
            }
        }
        return !out.isEmpty();
    }
}
