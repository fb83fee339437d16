package org.tracelab.core.analysis;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Set;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.AttributeSource;

/**
 * Words written joined to digits ({@code Dubai2024}, {@code ishga998901234567}, {@code работа24}) indexed also as
 * the word: Unicode word rules keep such a run as one token, so without this {@code dubai} would not find it. Each
 * run of two or more letters between digits is added at the token's own position, as a synonym, right after the
 * tokenizer, so each field's stemming and transliteration reads the word too and phrases still match across it. Only
 * the index and the highlighter add them ({@link CaseAnalyzers#forIndexing()}): a query for {@code Dubai2024} stays
 * exact instead of matching every ad that says Dubai.
 */
public final class JoinedWords {
    /** A token longer than this (a hash, a base64 run) is left whole: its letter runs are not words. */
    static final int MAX_TOKEN = 40;
    /** At most this many words are taken out of one token. */
    static final int MAX_PARTS = 3;

    private JoinedWords() {
    }

    /** {@code tokens} with the words joined to digits added, stacked on their token. */
    static TokenStream added(TokenStream tokens) {
        return new PartsFilter(tokens);
    }

    /** Emits each token, then its words, stacked on it (position increment 0, the token's offsets). */
    static final class PartsFilter extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final ArrayDeque<String> parts = new ArrayDeque<>();
        private AttributeSource.State token;

        PartsFilter(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!parts.isEmpty()) {
                restoreState(token);
                term.setEmpty().append(parts.poll());
                increment.setPositionIncrement(0);
                return true;
            }
            if (!input.incrementToken()) {
                return false;
            }
            if (split(term.buffer(), term.length(), parts)) {
                token = captureState();
            }
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            parts.clear();
            token = null;
        }
    }

    /**
     * Adds to {@code out} the words of the first {@code n} chars of {@code s} when they join letters and digits; true
     * when it added any. Read from the term's own buffer, ASCII tested without a lookup: every token of every text
     * field passes here, and most are plain words without a digit.
     */
    static boolean split(char[] s, int n, ArrayDeque<String> out) {
        if (n > MAX_TOKEN) {
            return false;
        }
        int first = 0;
        while (first < n && !isDigit(s[first])) {
            first++;
        }
        if (first == n) {
            return false;
        }
        int start = -1;
        int letters = 0;
        for (int i = 0; i <= n && out.size() < MAX_PARTS; i++) {
            boolean inWord = i < n && !isDigit(s[i]);
            if (inWord) {
                if (start < 0) {
                    start = i;
                    letters = 0;
                }
                letters += isLetter(s[i]) ? 1 : 0;
            } else if (start >= 0) {
                if (letters >= 2) {
                    out.add(new String(s, start, i - start));
                }
                start = -1;
            }
        }
        return !out.isEmpty();
    }

    /** {@link Character#isDigit(char)}, whose only ASCII digits are 0 to 9. */
    static boolean isDigit(char c) {
        return c < 0x80 ? c >= '0' && c <= '9' : Character.isDigit(c);
    }

    /** {@link Character#isLetter(char)}, whose only ASCII letters are A to Z either case. */
    static boolean isLetter(char c) {
        return c < 0x80 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : Character.isLetter(c);
    }
}
