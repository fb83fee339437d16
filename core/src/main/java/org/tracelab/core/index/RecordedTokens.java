package org.tracelab.core.index;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PayloadAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.apache.lucene.util.BytesRef;

/**
 * Tokens as the index writer reads them: the terms' UTF-8 bytes end to end in one array, and four ints a token (end
 * of its term in {@code terms}, position increment, start and end offset); with the increment and offset the stream
 * ends with. Immutable once made.
 */
record RecordedTokens(byte[] terms, int[] ints, int count, int finalIncrement, int finalOffset) {
    static final int INTS = 4;

    /**
     * The tokens of {@code stream}, made of a text {@code chars} long, from its char {@code skip} on, their offsets
     * counted from there; null when they are not all kept (a payload, a term frequency other than one).
     */
    static RecordedTokens record(TokenStream stream, int chars, int skip) throws IOException {
        byte[] terms = new byte[Math.max(16, chars)];
        int[] ints = new int[INTS * 16];
        int used = 0;
        int count = 0;
        try (TokenStream ts = stream) {
            TermToBytesRefAttribute term = ts.getAttribute(TermToBytesRefAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            TermFrequencyAttribute freq = ts.addAttribute(TermFrequencyAttribute.class);
            PayloadAttribute payload = ts.hasAttribute(PayloadAttribute.class)
                    ? ts.getAttribute(PayloadAttribute.class) : null;
            ts.reset();
            while (ts.incrementToken()) {
                if (freq.getTermFrequency() != 1 || payload != null && payload.getPayload() != null
                        && payload.getPayload().length > 0) {
                    return null;
                }
                if (offset.startOffset() < skip) {
                    continue;
                }
                BytesRef b = term.getBytesRef();
                if (used + b.length > terms.length) {
                    terms = Arrays.copyOf(terms, Math.max(terms.length * 2, used + b.length));
                }
                System.arraycopy(b.bytes, b.offset, terms, used, b.length);
                used += b.length;
                if (INTS * (count + 1) > ints.length) {
                    ints = Arrays.copyOf(ints, ints.length * 2);
                }
                int at = INTS * count++;
                ints[at] = used;
                ints[at + 1] = inc.getPositionIncrement();
                ints[at + 2] = offset.startOffset() - skip;
                ints[at + 3] = offset.endOffset() - skip;
            }
            ts.end();
            return new RecordedTokens(terms, ints, count, inc.getPositionIncrement(), offset.endOffset() - skip);
        }
    }

    /** Where token {@code i}'s term starts in {@link #terms}. */
    int termStart(int i) {
        return i == 0 ? 0 : ints[INTS * i - INTS];
    }

    /** Where token {@code i}'s term ends in {@link #terms}. */
    int termEnd(int i) {
        return ints[INTS * i];
    }

    /** These tokens in arrays of their own size: to be kept long. */
    RecordedTokens trimmed() {
        return new RecordedTokens(Arrays.copyOf(terms, count == 0 ? 0 : termEnd(count - 1)),
                Arrays.copyOf(ints, INTS * count), count, finalIncrement, finalOffset);
    }
}
