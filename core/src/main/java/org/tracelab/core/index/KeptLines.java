package org.tracelab.core.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.util.UnicodeUtil;
import org.tracelab.core.analysis.CaseAnalyzers;
import org.tracelab.core.analysis.CommonGrams;
import org.tracelab.core.internal.KeptAnswers;

/**
 * The tokens of a text's lines as the index writer's analysis makes them, analysed line by line and kept by line: a
 * site's template (its menu, footer, cookie notice, the notice on every page) is analysed once, not on every page;
 * in the generated ads it is more than half of the text, and real sites repeat theirs the same.
 *
 * <p>It gives what analysing the whole text gives. The tokenizers break words at a line break (the Unicode word
 * rules, UAX #29, never join across one) and every filter after them works on one token at a time, so the tokens of
 * a text are those of its lines one after another, their offsets moved by where each line starts (the char filters
 * change no text's length). The common grams pair a token with the one before it when either is a common word:
 * within a line the line's own analysis makes them, across a line break {@link Lines#tokens} does, as
 * {@code CommonGramsFilter} would. The ICU tokenizer carries two things across a line break, which
 * {@link ScriptRuns} follows: its chunks, so a line is cut where a chunk ends; and the script run open at the line's
 * start, so a line whose words depend on it is analysed, and kept, after a letter that opens that run. Where that
 * cannot be followed for certain the text is analysed whole ({@link #of} answers null).
 */
final class KeptLines {
    /**
     * Lines from this long are kept: a shorter one (a menu's item, a button) costs less analysed among its neighbours
     * than it saves as a piece of its own.
     */
    static final int SHORTEST_KEPT = 24;
    /** Lines up to this long are kept: a template's lines are short, the long ones are an ad's or an article's own. */
    static final int LONGEST_KEPT = 1_000;
    /** At most so many lines kept: a few sites' templates, each a few dozen lines. */
    static final int KEPT = 4_096;
    /** Lines seen once are remembered, by hash, in a table this big. */
    private static final int SEEN = 1 << 14;

    /** A piece whose analysis made what {@link AnalysedText} does not keep (a payload, a term frequency). */
    private static final Piece UNKEPT = new Piece(new PieceTokens[0]);

    private final Analyzer analyzer;
    private final KeptAnswers<String, Piece> kept = new KeptAnswers<>(KEPT);
    /**
     * Lines are kept once so many other texts had them: a site's template is on all its pages, a line two pages of
     * different sites share (a "share" button's words, a newsletter's) would only cut the text into more pieces, each
     * analysed at a cost of its own.
     */
    static final int OTHER_TEXTS = 2;

    /**
     * Hashes of lines seen, not kept, the last text each was seen in and in how many others: a line is analysed
     * alone and kept when {@link #OTHER_TEXTS} other texts had it too, so that the lines of one page only (an ad's
     * body, an article, a menu it repeats at its foot) are analysed together, as cheaply as a whole text. Threads
     * race on these harmlessly: a lost or wrong entry only changes which lines are kept, never a token.
     */
    private final int[] seen = new int[SEEN];
    private final int[] seenIn = new int[SEEN];
    private final int[] seenElsewhere = new int[SEEN];
    private final AtomicInteger texts = new AtomicInteger();

    /** Lines analysed by {@code analyzer}: the index writer's, with common grams; thread-safe. */
    KeptLines(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * The pieces of {@code text} with their tokens: kept lines, lines seen again (analysed alone, then kept), and
     * between them the other lines analysed together; a line cut where the ICU tokenizer cuts its chunks. Null when
     * the text must be analysed whole: a piece too long to analyse alone, tokens not kept, or words that depend on
     * what only the whole text says.
     */
    Lines of(String text) {
        Pieces pieces = new Pieces(text, texts.incrementAndGet());
        int chunkStart = 0;
        int chunkEnd = ScriptRuns.chunkEnd(text, 0);
        int at = 0;
        while (true) {
            while (at >= chunkEnd && chunkEnd < text.length()) {
                if (!UCharacter.isWhitespace(text.charAt(chunkEnd - 1))) {
                    return null; // a chunk cut inside a word, which the other fields' tokenizer does not cut
                }
                chunkStart = chunkEnd;
                chunkEnd = ScriptRuns.chunkEnd(text, chunkStart);
            }
            int lineEnd = text.indexOf('\n', at);
            int end = Math.min(lineEnd < 0 ? text.length() : lineEnd, chunkEnd);
            if (!line(pieces, chunkStart, at, end)) {
                return null;
            }
            if (end == text.length()) {
                break;
            }
            at = end == lineEnd ? end + 1 : end;
        }
        return pieces.close() ? pieces.lines() : null;
    }

    /** Adds the line of {@code pieces}' text from {@code from} to {@code to}; false when the text must go whole. */
    private boolean line(Pieces pieces, int chunkStart, int from, int to) {
        String text = pieces.text;
        if (from == to) {
            return pieces.extend(chunkStart, from, to) || pieces.add(from, Piece.EMPTY);
        }
        // Only a line other texts had is looked for among the kept: a page's own lines cost a hash, not a lookup.
        String opener = to - from >= SHORTEST_KEPT && to - from <= LONGEST_KEPT
                && seenElsewhere(text, from, to, pieces.serial) ? opener(text, chunkStart, from, to) : null;
        if (opener != null) {
            // A line whose words depend on the run open before it is analysed after a letter that opens that run.
            String key = opener.isEmpty() ? text.substring(from, to) : opener + "\n" + text.substring(from, to);
            Piece known = kept.get(key, k -> analyse(k, k.length() - (to - from), true));
            return known != UNKEPT && pieces.add(from, known);
        }
        if (pieces.extend(chunkStart, from, to)) {
            return true;
        }
        // Lines gathered after this one carry the run it leaves open: the piece starts with the run open before it.
        String run = runOpener(text, chunkStart, from);
        return run != null && pieces.open(chunkStart, from, to, run);
    }

    /**
     * A letter opening the script run open at {@code from}, whatever follows; nothing when none is, null when that
     * cannot be said for certain.
     */
    private static String runOpener(String text, int chunkStart, int from) {
        int script = from == chunkStart ? UScript.COMMON : ScriptRuns.before(text, chunkStart, from);
        if (script == ScriptRuns.UNKNOWN) {
            return null;
        }
        String opener = script > UScript.INHERITED ? ScriptRuns.opener(script) : "";
        return script > UScript.INHERITED && opener.isEmpty() ? null : opener;
    }

    /**
     * What goes before the line from {@code from} to {@code to} for it to be analysed alone: nothing, or a letter
     * opening the script run its words depend on; null when that cannot be said for certain, and the line is only
     * analysed with those around it.
     */
    private static String opener(String text, int chunkStart, int from, int to) {
        int script = from == chunkStart ? UScript.COMMON : ScriptRuns.before(text, chunkStart, from);
        int depends = script == ScriptRuns.UNKNOWN ? ScriptRuns.UNKNOWN : ScriptRuns.dependsOn(text, from, to, script);
        if (depends == ScriptRuns.UNKNOWN) {
            return null;
        }
        String opener = depends == 1 ? ScriptRuns.opener(script) : "";
        return depends == 1 && opener.isEmpty() ? null : opener;
    }

    /**
     * Whether {@link #OTHER_TEXTS} texts other than the one numbered {@code serial} had the line of {@code text} from
     * {@code from} to {@code to}, as far as the table says.
     */
    private boolean seenElsewhere(String text, int from, int to, int serial) {
        int hash = 0;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + text.charAt(i);
        }
        int slot = (hash ^ hash >>> 15) & (SEEN - 1);
        if (seen[slot] != hash) {
            seen[slot] = hash;
            seenIn[slot] = serial;
            seenElsewhere[slot] = 0;
            return false;
        }
        if (seenIn[slot] != serial) {
            seenIn[slot] = serial;
            seenElsewhere[slot]++;
        }
        return seenElsewhere[slot] >= OTHER_TEXTS;
    }

    /**
     * The tokens of {@code key} from char {@code skip} on: the text of a piece, after its opener if any; in arrays
     * of their own size with {@code keep}, for a piece that is kept.
     */
    private Piece analyse(String key, int skip, boolean keep) {
        List<String> fields = CaseAnalyzers.TEXT_FIELDS;
        PieceTokens[] byField = new PieceTokens[fields.size()];
        try {
            for (int f = 0; f < byField.length; f++) {
                RecordedTokens t = RecordedTokens.record(analyzer.tokenStream(fields.get(f), key), key.length(), skip);
                if (t == null) {
                    return UNKEPT;
                }
                boolean first = t.count() > 0 && isCommon(fields.get(f), t, 0);
                boolean last = t.count() > 0 && isCommon(fields.get(f), t, t.count() - 1);
                byField[f] = new PieceTokens(keep ? t.trimmed() : t, first, last);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a piece of " + key.length() + " chars", e);
        }
        return new Piece(byField);
    }

    /**
     * A text's pieces as they are found, with the lines not kept gathered into one piece while they follow each
     * other in one chunk and stay shorter than a chunk.
     */
    private final class Pieces {
        final String text;
        /** The text's number among those this has split. */
        final int serial;
        private final List<Piece> pieces = new ArrayList<>();
        private final List<Integer> starts = new ArrayList<>();
        private int chunk = -1;
        private int start = -1;
        private int end = -1;
        private String opener = "";

        Pieces(String text, int serial) {
            this.text = text;
            this.serial = serial;
        }

        /** Adds a piece analysed already, closing the gathered lines; false when those must go whole. */
        boolean add(int from, Piece piece) {
            if (!close()) {
                return false;
            }
            pieces.add(piece);
            starts.add(from);
            return true;
        }

        /** Gathers a line with those gathered, if it follows them in their chunk and they stay short enough. */
        boolean extend(int chunkStart, int from, int to) {
            boolean follows = start >= 0 && chunk == chunkStart && (from == end || from == end + 1);
            if (!follows || !fits(opener, start, to)) {
                return false;
            }
            end = to;
            return true;
        }

        /**
         * Closes the gathered lines and gathers from this one, after {@code opener}; false when those go whole, or
         * this one with its opener is too long to analyse as the whole text's chunk holds it.
         */
        boolean open(int chunkStart, int from, int to, String opener) {
            if (!fits(opener, from, to) || !close()) {
                return false;
            }
            chunk = chunkStart;
            start = from;
            end = to;
            this.opener = opener;
            return true;
        }

        /** Whether the text from {@code from} to {@code to} after {@code opener} is analysed in one chunk. */
        private static boolean fits(String opener, int from, int to) {
            return (opener.isEmpty() ? 0 : opener.length() + 1) + to - from < ScriptRuns.CHUNK;
        }

        /** Analyses the gathered lines as one piece; false when its tokens are not kept. */
        boolean close() {
            if (start < 0) {
                return true;
            }
            String key = opener.isEmpty() ? text.substring(start, end) : opener + "\n" + text.substring(start, end);
            Piece piece = analyse(key, key.length() - (end - start), false);
            pieces.add(piece);
            starts.add(start);
            start = -1;
            return piece != UNKEPT;
        }

        Lines lines() {
            return new Lines(pieces.toArray(Piece[]::new), starts.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    private static boolean isCommon(String field, RecordedTokens t, int token) {
        char[] chars = new char[t.termEnd(token) - t.termStart(token)];
        int length = UnicodeUtil.UTF8toUTF16(t.terms(), t.termStart(token), chars.length, chars);
        return CommonGrams.isCommon(field, chars, length);
    }

    /** A text's pieces, in order, and where each starts. */
    record Lines(Piece[] pieces, int[] starts) {
        /**
         * The tokens of {@code field} (one of {@link CaseAnalyzers#TEXT_FIELDS}) as the writer's analysis makes them
         * of the whole text: each line's, their offsets moved by its start, a position gap a line leaves at its end
         * (a word its filters dropped) carried to the next token, and a common gram where a line's last token and
         * the next line's first pair.
         */
        RecordedTokens tokens(String field) {
            int f = CaseAnalyzers.TEXT_FIELDS.indexOf(field);
            int bytes = 0;
            int count = 0;
            PieceTokens before = null;
            for (Piece piece : pieces) {
                PieceTokens t = piece.fields()[f];
                if (t.tokens().count() == 0) {
                    continue;
                }
                if (before != null && before.pairs(t)) {
                    RecordedTokens last = before.tokens();
                    bytes += last.termEnd(last.count() - 1) - last.termStart(last.count() - 1) + 1
                            + t.tokens().termEnd(0);
                    count++;
                }
                bytes += t.tokens().termEnd(t.tokens().count() - 1);
                count += t.tokens().count();
                before = t;
            }
            byte[] terms = new byte[bytes];
            int[] ints = new int[RecordedTokens.INTS * count];
            int used = 0;
            int at = 0;
            int gap = 0;
            before = null;
            int beforeStart = 0;
            for (int n = 0; n < pieces.length; n++) {
                PieceTokens t = pieces[n].fields()[f];
                RecordedTokens own = t.tokens();
                int start = starts[n];
                if (own.count() > 0) {
                    if (before != null && before.pairs(t)) {
                        // CommonGramsFilter's gram: the two terms joined, at the first one's position, over both.
                        RecordedTokens last = before.tokens();
                        int from = last.termStart(last.count() - 1);
                        int length = last.termEnd(last.count() - 1) - from;
                        System.arraycopy(last.terms(), from, terms, used, length);
                        used += length;
                        terms[used++] = (byte) CommonGrams.SEPARATOR;
                        System.arraycopy(own.terms(), 0, terms, used, own.termEnd(0));
                        used += own.termEnd(0);
                        ints[at] = used;
                        ints[at + 1] = 0;
                        ints[at + 2] = beforeStart + last.ints()[RecordedTokens.INTS * (last.count() - 1) + 2];
                        ints[at + 3] = start + own.ints()[3];
                        at += RecordedTokens.INTS;
                    }
                    int base = used;
                    System.arraycopy(own.terms(), 0, terms, used, own.termEnd(own.count() - 1));
                    used += own.termEnd(own.count() - 1);
                    for (int i = 0; i < own.count(); i++, at += RecordedTokens.INTS) {
                        int from = RecordedTokens.INTS * i;
                        ints[at] = base + own.ints()[from];
                        ints[at + 1] = own.ints()[from + 1] + (i == 0 ? gap : 0);
                        ints[at + 2] = start + own.ints()[from + 2];
                        ints[at + 3] = start + own.ints()[from + 3];
                    }
                    gap = 0;
                    before = t;
                    beforeStart = start;
                }
                gap += own.finalIncrement();
            }
            int last = pieces.length - 1;
            int end = starts[last] + pieces[last].fields()[f].tokens().finalOffset();
            return new RecordedTokens(terms, ints, count, gap, end);
        }
    }

    /**
     * The tokens of a piece of a text (a line, or lines analysed together), by text field in the order of
     * {@link CaseAnalyzers#TEXT_FIELDS}; immutable once made.
     */
    record Piece(PieceTokens[] fields) {
        static final Piece EMPTY = empty();

        private static Piece empty() {
            PieceTokens[] none = new PieceTokens[CaseAnalyzers.TEXT_FIELDS.size()];
            Arrays.fill(none, new PieceTokens(new RecordedTokens(new byte[0], new int[0], 0, 0, 0), false, false));
            return new Piece(none);
        }
    }

    /** A piece's tokens in one field, and whether its first and its last token are common words there. */
    record PieceTokens(RecordedTokens tokens, boolean firstCommon, boolean lastCommon) {
        /** Whether this piece's last token and {@code next} piece's first make a common gram. */
        boolean pairs(PieceTokens next) {
            return lastCommon || next.firstCommon;
        }
    }
}
