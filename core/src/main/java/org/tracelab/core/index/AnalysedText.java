package org.tracelab.core.index;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.BytesTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PayloadAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.apache.lucene.util.AttributeFactory;
import org.apache.lucene.util.BytesRef;
import org.tracelab.core.analysis.CaseAnalyzers;

/**
 * An extracted text run through the case analyzers ahead of indexing, on a thread other than the one that holds the
 * index writer, and replayed into the writer token for token: the same terms, positions and offsets as if the
 * writer had analysed the text itself, so the index does not change, but the analysis (ICU folding, transliteration,
 * stemming: half of adding a document) no longer waits its turn on the thread that stores items in order.
 *
 * <p>It keeps what the writer reads of each token: the term's bytes, the position increment and the offsets (a
 * stream whose tokens carry a payload or a term frequency other than one is not kept, and the writer analyses that
 * text itself). Immutable once made; replayed any number of times.
 */
public final class AnalysedText {
    /**
     * Longer texts are left to the writer. Held here, a text costs about three times its UTF-8 size (a term's bytes
     * and four ints a token, three fields over), and up to six are held at once (four ahead, two being prepared); a
     * text may run to the write limit (10 million chars), ads run to a few thousand.
     */
    static final int MAX_CHARS = 1 << 18;

    private final String text;
    private final Map<String, RecordedTokens> fields;

    private AnalysedText(String text, Map<String, RecordedTokens> fields) {
        this.text = text;
        this.fields = fields;
    }

    /**
     * {@code text} analysed for each of the case's text fields: line by line with the lines {@code lines} keeps,
     * else whole by {@code analyzer} (the writer's, which is thread-safe); empty when the text is too long to hold or
     * the analysis makes what is not kept.
     */
    static Optional<AnalysedText> of(Analyzer analyzer, KeptLines lines, String text) throws IOException {
        Objects.requireNonNull(text, "text");
        if (text.length() > MAX_CHARS) {
            return Optional.empty();
        }
        KeptLines.Lines split = lines.of(text);
        Map<String, RecordedTokens> fields = new LinkedHashMap<>();
        for (String field : CaseAnalyzers.TEXT_FIELDS) {
            RecordedTokens t = split != null ? split.tokens(field)
                    : RecordedTokens.record(analyzer.tokenStream(field, text), text.length(), 0);
            if (t == null) {
                return Optional.empty();
            }
            fields.put(field, t);
        }
        return Optional.of(new AnalysedText(text, fields));
    }

    /** Whether this is the analysis of {@code other}. */
    boolean isOf(String other) {
        return text == other || text.equals(other);
    }

    /** A fresh stream replaying the tokens of {@code field}, one of {@link CaseAnalyzers#TEXT_FIELDS}. */
    TokenStream tokens(String field) {
        RecordedTokens t = fields.get(field);
        if (t == null) {
            throw new IllegalArgumentException("no analysis kept for field " + field);
        }
        return new Replay(t);
    }

    /** Plays recorded tokens back with the attributes the index writer reads. */
    private static final class Replay extends TokenStream {
        private final RecordedTokens tokens;
        private final BytesTermAttribute term;
        private final PositionIncrementAttribute inc;
        private final OffsetAttribute offset;
        private final BytesRef bytes;
        private int next;

        Replay(RecordedTokens tokens) {
            // One plain implementation per attribute: the term is bytes, not chars, so no packed char-term attribute.
            super(AttributeFactory.DEFAULT_ATTRIBUTE_FACTORY);
            this.tokens = tokens;
            this.term = addAttribute(BytesTermAttribute.class);
            this.inc = addAttribute(PositionIncrementAttribute.class);
            this.offset = addAttribute(OffsetAttribute.class);
            addAttribute(TermFrequencyAttribute.class); // one, its default: the writer reads it
            this.bytes = new BytesRef(tokens.terms());
        }

        @Override
        public boolean incrementToken() {
            if (next == tokens.count()) {
                return false;
            }
            clearAttributes();
            int at = RecordedTokens.INTS * next;
            int start = next == 0 ? 0 : tokens.ints()[at - RecordedTokens.INTS];
            bytes.offset = start;
            bytes.length = tokens.ints()[at] - start;
            term.setBytesRef(bytes);
            inc.setPositionIncrement(tokens.ints()[at + 1]);
            offset.setOffset(tokens.ints()[at + 2], tokens.ints()[at + 3]);
            next++;
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end(); // clears the attributes and sets the increment to 0
            inc.setPositionIncrement(tokens.finalIncrement());
            offset.setOffset(tokens.finalOffset(), tokens.finalOffset());
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }
    }
}
