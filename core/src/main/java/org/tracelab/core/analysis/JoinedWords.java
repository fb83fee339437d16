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
            if (split(term, parts)) {
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

    /** Adds to {@code out} the words of {@code s} when it joins letters and digits; true when it added any. */
    static boolean split(CharSequence s, ArrayDeque<String> out) {
        int n = s.length();
        if (n > MAX_TOKEN) {
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
        for (int i = 0; i <= n && out.size() < MAX_PARTS; i++) {
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
