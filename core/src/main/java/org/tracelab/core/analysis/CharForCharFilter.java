package org.tracelab.core.analysis;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.CharFilter;

/**
 * Replaces single chars by single chars as they are read (apostrophe variants by {@code '}, {@code ё} by {@code е}):
 * what a {@link org.apache.lucene.analysis.charfilter.MappingCharFilter} with one-char keys and one-char values
 * gives, offsets included (nothing changes length, so none is corrected), without its matching of every char through
 * a map of strings, which was a tenth of the analysis for the index.
 */
final class CharForCharFilter extends CharFilter {
    private final Substitution substitution;

    CharForCharFilter(Substitution substitution, Reader in) {
        super(in);
        this.substitution = substitution;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        int n = input.read(cbuf, off, len);
        for (int i = off; i < off + n; i++) {
            cbuf[i] = substitution.of(cbuf[i]);
        }
        return n;
    }

    @Override
    protected int correct(int currentOff) {
        return currentOff;
    }

    /** Which char stands for which: a table up to the highest char replaced. Immutable, shared by every filter. */
    static final class Substitution {
        private final char[] table;

        /** {@code from.charAt(i)} replaced by {@code to.charAt(i)}; a char listed twice takes its last replacement. */
        Substitution(String from, String to) {
            if (from.length() != to.length() || from.isEmpty()) {
                throw new IllegalArgumentException("one replacement per char: '" + from + "' -> '" + to + "'");
            }
            char max = 0;
            for (int i = 0; i < from.length(); i++) {
                max = (char) Math.max(max, from.charAt(i));
            }
            table = new char[max + 1];
            for (char c = 0; c < table.length; c++) {
                table[c] = c;
            }
            for (int i = 0; i < from.length(); i++) {
                table[from.charAt(i)] = to.charAt(i);
            }
        }

        char of(char c) {
            return c < table.length ? table[c] : c;
        }
    }
}
