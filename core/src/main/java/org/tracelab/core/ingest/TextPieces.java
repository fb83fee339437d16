package org.tracelab.core.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a page's main text lies in its full extracted text when it is made of pieces of it in order (most pages:
 * the page less its menus, banners and footers): char ranges of the full text (UTF-16 code units, as entity offsets
 * are; start inclusive, end exclusive), the main text being the pieces joined by line breaks. A main text so placed
 * is not stored a second time; its derived row names the pieces and the digest of the text they make, which
 * {@code verify} checks. Written {@code start-end,start-end,...}.
 *
 * @param ranges the pieces, in order, none overlapping the one before
 */
public record TextPieces(List<Range> ranges) {
    /** Beyond this many pieces a main text is stored as a blob of its own: a row names a few, not a page's every line. */
    public static final int MAX_PIECES = 64;
    /** What joins the pieces: the line break {@code BlockText} puts between blocks. */
    public static final char JOIN = '\n';

    /** What pieces that cannot be read stand for: a piece past the end of any text, which readers refuse. */
    public static final TextPieces BEYOND_ANY_TEXT = new TextPieces(List.of(new Range(Integer.MAX_VALUE,
            Integer.MAX_VALUE)));

    /** One piece: chars {@code start} (inclusive) to {@code end} (exclusive) of the full text. */
    public record Range(int start, int end) {
        public Range {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("not a range of a text: " + start + "-" + end);
            }
        }
    }

    public TextPieces {
        ranges = List.copyOf(ranges);
        if (ranges.isEmpty() || ranges.size() > MAX_PIECES) {
            throw new IllegalArgumentException(ranges.size() + " pieces of a text: 1 to " + MAX_PIECES + " expected");
        }
        for (int i = 1; i < ranges.size(); i++) {
            if (ranges.get(i).start() < ranges.get(i - 1).end()) {
                throw new IllegalArgumentException("pieces of a text out of order or overlapping: " + ranges);
            }
        }
    }

    /**
     * The pieces of {@code whole} that {@code part} is made of, line by line in order, when it is so made (and the
     * pieces, joined, give it back exactly); empty when it is not, or needs more than {@link #MAX_PIECES}.
     */
    public static Optional<TextPieces> find(String part, String whole) {
        List<Range> out = new ArrayList<>();
        int start = -1; // the piece being grown, from start to cursor
        int cursor = 0;
        int from = 0;
        while (true) {
            int eol = part.indexOf(JOIN, from);
            int to = eol < 0 ? part.length() : eol;
            if (to == from) {
                return Optional.empty(); // an empty line has no place of its own to find
            }
            int at = whole.indexOf(part.substring(from, to), cursor);
            if (at < 0) {
                return Optional.empty();
            }
            if (start < 0 || at != cursor + 1 || whole.charAt(cursor) != JOIN) {
                if (start >= 0) {
                    out.add(new Range(start, cursor));
                }
                start = at; // else the next line of the same block of lines
            }
            cursor = at + (to - from);
            if (eol < 0) {
                break;
            }
            from = eol + 1;
        }
        out.add(new Range(start, cursor));
        if (out.size() > MAX_PIECES) {
            return Optional.empty();
        }
        TextPieces pieces = new TextPieces(out);
        return pieces.in(whole).equals(part) ? Optional.of(pieces) : Optional.empty();
    }

    /** The text these pieces of {@code whole} make; pieces that reach past its end are refused, not cut. */
    public String in(String whole) {
        if (end() > whole.length()) {
            throw new IllegalArgumentException("chars " + this + " of a text of " + whole.length() + " chars");
        }
        StringBuilder sb = new StringBuilder(length());
        for (Range r : ranges) {
            if (r != ranges.getFirst()) {
                sb.append(JOIN);
            }
            sb.append(whole, r.start(), r.end());
        }
        return sb.toString();
    }

    /** Where the last piece ends: the text must be at least this long. */
    public int end() {
        return ranges.getLast().end();
    }

    /** The length of the text the pieces make. */
    public int length() {
        int n = ranges.size() - 1;
        for (Range r : ranges) {
            n += r.end() - r.start();
        }
        return n;
    }

    /** Pieces as written ({@code start-end,...}); empty when {@code written} is not that. */
    public static Optional<TextPieces> parse(String written) {
        if (written == null || written.isEmpty() || written.length() > MAX_PIECES * 24) {
            return Optional.empty();
        }
        List<Range> out = new ArrayList<>();
        try {
            for (String piece : written.split(",", -1)) {
                int dash = piece.indexOf('-');
                if (dash <= 0) {
                    return Optional.empty();
                }
                out.add(new Range(Integer.parseInt(piece, 0, dash, 10),
                        Integer.parseInt(piece, dash + 1, piece.length(), 10)));
            }
            return Optional.of(new TextPieces(out));
        } catch (IllegalArgumentException e) { // NumberFormatException among them
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Range r : ranges) {
            sb.append(sb.isEmpty() ? "" : ",").append(r.start()).append('-').append(r.end());
        }
        return sb.toString();
    }
}
