package org.tracelab.core.entities;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tracelab.core.internal.KeptAnswers;

/**
 * Reads digits that ads hide from filters: digits written as words (Uzbek Latin and Cyrillic, Russian, English, with
 * compounds such as "тридцать пять" = 35, "to'qson bir" = 91), letters standing in for digits (O/o/О/о → 0, l/I/| → 1,
 * з/З → 3, and б/Б → 6 only between digits; groups of them may close a number: "555 OO lЗ"), emoji keycap, circled and full-width digits, and digits split by dots,
 * spaces, dashes, underscores, emoji or other symbols.
 *
 * <p>It works on <em>numeric runs</em>: stretches of digit groups and number words joined only by separators. A run is
 * broken by an ordinary word, a line break, a colon, a comma followed by a space and the like. Only runs with at least
 * {@value #MIN_RUN_DIGITS} digits are decoded, so "bir oy" (one month) or "три дня" stay words. Ambiguous words
 * (English "on", "oh") and lone look-alike letters count only between two other digits or number words.
 *
 * <p>Thread-safe; it changes only in the runs it keeps for pieces seen before.
 */
public final class Deobfuscator {

    /** Fewer digits than this in a run cannot be a phone number anywhere we care about. */
    static final int MIN_RUN_DIGITS = 7;
    /** The longest separator (in chars) still joining two digit groups; emoji clusters can be long. */
    static final int MAX_GAP = 16;

    /** One group of digits as written, e.g. "90", "123", "девяносто", "9O1". */
    record Group(String digits, int start, int end) {
    }

    /**
     * A numeric run.
     *
     * @param start  offset of its first char (the '+' or "плюс" when {@code plus})
     * @param end    offset past its last group
     * @param plus   whether a '+' (or the word plus/плюс) stands right before its first group
     * @param groups its digit groups in order
     */
    record Run(int start, int end, boolean plus, List<Group> groups) {
        int digitCount() {
            int n = 0;
            for (Group g : groups) {
                n += g.digits().length();
            }
            return n;
        }

        String digits() {
            StringBuilder b = new StringBuilder();
            for (Group g : groups) {
                b.append(g.digits());
            }
            return b.toString();
        }

        /** The same run {@code by} chars further on. */
        Run shifted(int by) {
            List<Group> moved = new ArrayList<>(groups.size());
            for (Group g : groups) {
                moved.add(new Group(g.digits(), g.start() + by, g.end() + by));
            }
            return new Run(start + by, end + by, plus, moved);
        }
    }

    /**
     * A text with its numeric runs spelled in ASCII digits (groups separated by one space), and the way back to the
     * original offsets. Runs that were already plain digits are left exactly as they were.
     */
    public record Deobfuscated(String text, int[] originalStarts, int[] originalEnds) {

        /** The offset in the original text where the char at {@code index} of {@link #text()} came from. */
        public int originalStart(int index) {
            return index >= originalStarts.length ? originalEnds[originalEnds.length - 1] : originalStarts[index];
        }

        /** The original offset just past the char before {@code endExclusive} in {@link #text()}. */
        public int originalEnd(int endExclusive) {
            return endExclusive <= 0 ? 0 : originalEnds[endExclusive - 1];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Deobfuscated d && text.equals(d.text) && Arrays.equals(originalStarts, d.originalStarts)
                    && Arrays.equals(originalEnds, d.originalEnds);
        }

        @Override
        public int hashCode() {
            return text.hashCode();
        }

        @Override
        public String toString() {
            return "Deobfuscated[" + text + "]";
        }
    }

    private enum T { DIGITS, MIXED, HOMOGLYPHS, WORD, PLUS, SEP, COMMA, BREAK }

    private record Tok(T t, int start, int end, String digits, NumberWords.Word word) {
        boolean strong() {
            return t == T.DIGITS || t == T.MIXED || (t == T.WORD && !word.ambiguous());
        }

        boolean weak() {
            return t == T.HOMOGLYPHS || (t == T.WORD && word.ambiguous());
        }
    }

    /** Pieces whose runs are kept (template lines, record fields); longer ones are read each time. */
    static final int KEPT_PIECES = 8_192;
    static final int MAX_KEPT_PIECE = 400;

    private final NumberWords words;
    private final KeptAnswers<String, List<Run>> pieces = new KeptAnswers<>(KEPT_PIECES);

    public Deobfuscator() {
        this(NumberWords.standard());
    }

    Deobfuscator(NumberWords words) {
        this.words = words;
    }

    /** The text with every numeric run of at least {@value #MIN_RUN_DIGITS} digits that needed decoding decoded. */
    public Deobfuscated deobfuscate(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int[] starts = new int[text.length() + 16];
        int[] ends = new int[text.length() + 16];
        int pos = 0;
        int n = 0;
        for (Run run : runs(text)) {
            if (!needsDecoding(text, run.start(), run.end())) {
                continue;
            }
            for (; pos < run.start(); pos++, n++) {
                starts = grow(starts, n);
                ends = grow(ends, n);
                out.append(text.charAt(pos));
                starts[n] = pos;
                ends[n] = pos + 1;
            }
            if (run.plus()) {
                starts = grow(starts, n);
                ends = grow(ends, n);
                out.append('+');
                starts[n] = run.start();
                ends[n] = run.groups().get(0).start();
                n++;
            }
            Group prev = null;
            for (Group g : run.groups()) {
                if (prev != null) {
                    starts = grow(starts, n);
                    ends = grow(ends, n);
                    out.append(' ');
                    starts[n] = prev.end();
                    ends[n] = g.start();
                    n++;
                }
                for (int i = 0; i < g.digits().length(); i++, n++) {
                    starts = grow(starts, n);
                    ends = grow(ends, n);
                    out.append(g.digits().charAt(i));
                    starts[n] = g.start();
                    ends[n] = g.end();
                }
                prev = g;
            }
            pos = run.end();
        }
        for (; pos < text.length(); pos++, n++) {
            starts = grow(starts, n);
            ends = grow(ends, n);
            out.append(text.charAt(pos));
            starts[n] = pos;
            ends[n] = pos + 1;
        }
        return new Deobfuscated(out.toString(), Arrays.copyOf(starts, n), Arrays.copyOf(ends, n));
    }

    private static int[] grow(int[] a, int n) {
        return n < a.length ? a : Arrays.copyOf(a, a.length * 2 + 16);
    }

    /**
     * Whether {@code text[start,end)} is anything but plain ASCII digits with the usual phone punctuation, that is,
     * whether reading it needed decoding.
     */
    static boolean needsDecoding(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            boolean plain = (c >= '0' && c <= '9') || c == ' ' || c == '\u00A0' || c == '\u202F' || c == '\u2009'
                    || c == '+' || c == '(' || c == ')' || c == '-' || c == '.' || c == '\t';
            if (!plain) {
                return true;
            }
        }
        return false;
    }

    /**
     * The numeric runs of {@code text} with at least {@value #MIN_RUN_DIGITS} digits, in text order, read piece by
     * piece, a piece ending at a line break or a double quote: both are breaks, which no run crosses and no token
     * holds, and what the tokenizer looks at beyond a token (the char before a '+', the char after an apostrophe or
     * a '|') reads either as it reads a text's end. A comma just before a double quote is a separator in the text and
     * a list comma at a piece's end, but nothing in the piece follows it to be joined, so it ends a run either way.
     * So a piece's runs are the same wherever it stands, and a piece seen before is not read again: a site's
     * template lines, and the fields of an ad's record (JSON, one line), which repeat its page's lines.
     */
    List<Run> runs(String text) {
        List<Run> out = new ArrayList<>();
        int from = 0;
        while (from <= text.length()) {
            int to = PhoneFinder.pieceEnd(text, from);
            if (to > from) {
                String piece = from == 0 && to == text.length() ? text : text.substring(from, to);
                List<Run> found = to - from <= MAX_KEPT_PIECE ? pieces.get(piece, this::runsRead) : runsRead(piece);
                for (Run r : found) {
                    out.add(from == 0 ? r : r.shifted(from));
                }
            }
            if (to == text.length()) {
                break;
            }
            from = to + 1;
        }
        return out;
    }

    /** The numeric runs of {@code text} read as one piece, whatever breaks it holds. */
    List<Run> runsRead(String text) {
        List<Tok> toks = tokenize(text);
        int m = toks.size();
        boolean[] num = new boolean[m];
        for (int k = 0; k < m; k++) {
            num[k] = toks.get(k).strong();
        }
        for (int k = 0; k < m; k++) {
            if (toks.get(k).weak() && k >= 2 && k + 2 < m && joins(toks, k - 1) && num[k - 2]
                    && joins(toks, k + 1) && toks.get(k + 2).strong()) {
                num[k] = true;
            }
        }
        for (int k = 2; k < m; k++) {
            if (lookAlikeGroup(toks.get(k)) && joins(toks, k - 1) && num[k - 2]) {
                num[k] = true; // "+998 95 555 OO OЗ": a number's last groups written in look-alikes
            }
        }
        List<Run> runs = new ArrayList<>();
        int k = 0;
        while (k < m) {
            if (!num[k]) {
                k++;
                continue;
            }
            boolean plus = false;
            int start = toks.get(k).start();
            if (k >= 1 && toks.get(k - 1).t() == T.PLUS) {
                plus = true;
                start = toks.get(k - 1).start();
            } else if (k >= 2 && toks.get(k - 2).t() == T.PLUS && toks.get(k - 1).t() == T.SEP
                    && text.substring(toks.get(k - 1).start(), toks.get(k - 1).end()).isBlank()
                    && toks.get(k - 1).end() - toks.get(k - 1).start() <= 2) {
                plus = true;
                start = toks.get(k - 2).start();
            }
            List<Tok> members = new ArrayList<>();
            members.add(toks.get(k));
            while (k + 2 < m && joins(toks, k + 1) && num[k + 2]) {
                k += 2;
                members.add(toks.get(k));
            }
            k++;
            Run run = new Run(start, members.get(members.size() - 1).end(), plus, compose(members));
            if (run.digitCount() >= MIN_RUN_DIGITS) {
                runs.add(run);
            }
        }
        return List.copyOf(runs);
    }

    /**
     * Whether {@code t} is a group of two or three look-alike letters ("OO", "lЗ"), the size of a phone number's
     * closing groups; such a group continues a run that came before it. A lone letter ("I", "o") never does.
     */
    private static boolean lookAlikeGroup(Tok t) {
        int length = t.end() - t.start();
        return t.t() == T.HOMOGLYPHS && length >= 2 && length <= 3;
    }

    /**
     * Whether the token at {@code k} joins its neighbours into one run: a short separator does; a comma does only
     * next to a number word ("девяносто, сто двадцать три, …"), since between digits it separates list items.
     */
    private static boolean joins(List<Tok> toks, int k) {
        Tok sep = toks.get(k);
        if (sep.end() - sep.start() > MAX_GAP) {
            return false;
        }
        if (sep.t() == T.SEP) {
            return true;
        }
        return sep.t() == T.COMMA && k >= 1 && k + 1 < toks.size()
                && (toks.get(k - 1).t() == T.WORD || toks.get(k + 1).t() == T.WORD);
    }

    /** Digit groups from the run's tokens, number words combined as people say them. */
    private static List<Group> compose(List<Tok> members) {
        List<Group> groups = new ArrayList<>();
        int idx = 0;
        while (idx < members.size()) {
            Tok t = members.get(idx);
            if (t.t() != T.WORD) {
                groups.add(new Group(t.digits(), t.start(), t.end()));
                idx++;
                continue;
            }
            NumberWords.Word w = t.word();
            int v = w.value();
            int last = idx;
            int state; // 0: complete, 1: after hundreds (takes tens, teen or unit), 2: after tens (takes a unit)
            switch (w.kind()) {
                case UNIT -> {
                    state = 0;
                    if (v >= 1 && v <= 9 && kindAt(members, last + 1) == NumberWords.Kind.HUNDRED) {
                        v *= 100;
                        last++;
                        state = 1;
                    }
                }
                case TENS -> state = 2;
                case HUNDREDS, HUNDRED -> state = 1;
                default -> state = 0;
            }
            if (state == 1) {
                NumberWords.Kind next = kindAt(members, last + 1);
                if (next == NumberWords.Kind.TENS) {
                    v += members.get(++last).word().value();
                    state = 2;
                } else if (next == NumberWords.Kind.TEEN
                        || (next == NumberWords.Kind.UNIT && members.get(last + 1).word().value() > 0)) {
                    v += members.get(++last).word().value();
                }
            }
            if (state == 2 && kindAt(members, last + 1) == NumberWords.Kind.UNIT
                    && members.get(last + 1).word().value() > 0) {
                v += members.get(++last).word().value();
            }
            groups.add(new Group(Integer.toString(v), t.start(), members.get(last).end()));
            idx = last + 1;
        }
        return groups;
    }

    private static NumberWords.Kind kindAt(List<Tok> members, int i) {
        return i < members.size() && members.get(i).t() == T.WORD ? members.get(i).word().kind() : null;
    }

    private List<Tok> tokenize(String text) {
        List<Tok> toks = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            int len = Character.charCount(cp);
            if (isDigit(cp) || Character.isLetter(cp) || (cp == '|' && i + 1 < n && isAlnum(text.codePointAt(i + 1)))) {
                int j = scanAlnum(text, i);
                toks.add(classify(text, i, j));
                i = j;
                continue;
            }
            Tok last = toks.isEmpty() ? null : toks.get(toks.size() - 1);
            boolean adjacentGap = last != null && last.end() == i && (last.t() == T.SEP || last.t() == T.COMMA);
            if (cp == '+') { // "18+" and "A+" are no country-code plus
                boolean glued = i > 0 && isAlnum(Character.codePointBefore(text, i));
                toks.add(new Tok(glued ? T.BREAK : T.PLUS, i, i + 1, null, null));
            } else if (cp == ',' && isBreak(text, i, cp)) { // a list comma: joins only number words
                if (adjacentGap) {
                    toks.set(toks.size() - 1, new Tok(T.COMMA, last.start(), i + len, null, null));
                } else {
                    toks.add(new Tok(T.COMMA, i, i + len, null, null));
                }
            } else if (isBreak(text, i, cp)) {
                toks.add(new Tok(T.BREAK, i, i + len, null, null));
            } else if (adjacentGap) {
                toks.set(toks.size() - 1, new Tok(last.t(), last.start(), i + len, null, null));
            } else {
                toks.add(new Tok(T.SEP, i, i + len, null, null));
            }
            i += len;
        }
        return toks;
    }

    private static boolean isAlnum(int cp) {
        return isDigit(cp) || Character.isLetter(cp);
    }

    private static int scanAlnum(String text, int i) {
        int n = text.length();
        int j = i;
        int prev = -1;
        while (j < n) {
            int cp = text.codePointAt(j);
            int len = Character.charCount(cp);
            boolean take;
            if (isAlnum(cp)) {
                take = true;
            } else if (cp == '|') {
                take = j + 1 < n && isAlnum(text.codePointAt(j + 1));
            } else if (cp == 0xFE0F || cp == 0x20E3) {
                take = prev >= '0' && prev <= '9' || prev == 0xFE0F;
            } else if (NumberWords.isApostrophe(cp)) {
                take = prev >= 0 && Character.isLetter(prev) && j + 1 < n && Character.isLetter(text.codePointAt(j + 1));
            } else {
                take = false;
            }
            if (!take) {
                break;
            }
            prev = cp;
            j += len;
        }
        return j;
    }

    private Tok classify(String text, int s, int e) {
        boolean asciiDigits = true;
        boolean word = true; // letters and apostrophes only
        boolean lookAlikes = true; // look-alike letters only
        for (int i = s; i < e && (asciiDigits || word); ) {
            int c = text.codePointAt(i);
            asciiDigits &= c >= '0' && c <= '9';
            word &= Character.isLetter(c) || NumberWords.isApostrophe(c);
            lookAlikes &= homoglyph(c) >= 0 && homoglyph(c) != 6;
            i += Character.charCount(c);
        }
        if (asciiDigits) {
            return new Tok(T.DIGITS, s, e, text.substring(s, e), null);
        }
        if (word && !lookAlikes) { // a plain word: a number word or nothing
            NumberWords.Word w = words.lookup(text, s, e);
            if (w == null) {
                return new Tok(T.BREAK, s, e, null, null);
            }
            return w.kind() == NumberWords.Kind.PLUS ? new Tok(T.PLUS, s, e, null, null) : new Tok(T.WORD, s, e, null, w);
        }
        int[] cps = text.substring(s, e).codePoints().toArray();
        boolean hasDigit = false;
        boolean hasLetter = false;
        for (int cp : cps) {
            if (isDigit(cp)) {
                hasDigit = true;
            } else if (cp != 0xFE0F && cp != 0x20E3) {
                hasLetter = true;
            }
        }
        if (!hasLetter) {
            StringBuilder d = new StringBuilder();
            for (int cp : cps) {
                if (isDigit(cp)) {
                    d.append((char) ('0' + digitValue(cp)));
                }
            }
            return new Tok(T.DIGITS, s, e, d.toString(), null);
        }
        if (!hasDigit) {
            NumberWords.Word w = words.lookup(text, s, e);
            if (w != null) {
                return w.kind() == NumberWords.Kind.PLUS ? new Tok(T.PLUS, s, e, null, null) : new Tok(T.WORD, s, e, null, w);
            }
        }
        // look-alike letters, alone or mixed with digits
        StringBuilder d = new StringBuilder();
        for (int k = 0; k < cps.length; k++) {
            int cp = cps[k];
            if (cp == 0xFE0F || cp == 0x20E3) {
                continue;
            }
            int v = isDigit(cp) ? digitValue(cp) : homoglyph(cp);
            if (v == 6 && !isDigit(cp)) { // б only between digits (or other look-alikes)
                boolean before = k > 0 && (isDigit(cps[k - 1]) || homoglyph(cps[k - 1]) >= 0 && homoglyph(cps[k - 1]) != 6);
                boolean after = k + 1 < cps.length
                        && (isDigit(cps[k + 1]) || homoglyph(cps[k + 1]) >= 0 && homoglyph(cps[k + 1]) != 6);
                if (!before || !after || !hasDigit) {
                    v = -1;
                }
            }
            if (v < 0) {
                return new Tok(T.BREAK, s, e, null, null);
            }
            d.append((char) ('0' + v));
        }
        return new Tok(hasDigit ? T.MIXED : T.HOMOGLYPHS, s, e, d.toString(), null);
    }

    /** The digit a look-alike letter stands for, or -1. */
    static int homoglyph(int cp) {
        return switch (cp) {
            case 'O', 'o', 'О', 'о', 'Ο', 'ο' -> 0;
            case 'l', 'I', '|', 'І', 'ӏ', 'Ӏ' -> 1;
            case 'з', 'З' -> 3;
            case 'б', 'Б' -> 6;
            default -> -1;
        };
    }

    /** Whether {@code cp} is a digit: any Unicode decimal digit, or a circled / dingbat digit. */
    static boolean isDigit(int cp) {
        return digitValue(cp) >= 0;
    }

    static int digitValue(int cp) {
        if (cp >= '0' && cp <= '9') {
            return cp - '0';
        }
        if (cp < 0x80) {
            return -1;
        }
        if (Character.isDigit(cp)) {
            return Character.digit(cp, 10);
        }
        if (cp >= 0x2460 && cp <= 0x2468) { // ① … ⑨
            return cp - 0x2460 + 1;
        }
        if (cp >= 0x2776 && cp <= 0x277E) { // ❶ … ❾
            return cp - 0x2776 + 1;
        }
        if (cp >= 0x2780 && cp <= 0x2788) { // ➀ … ➈
            return cp - 0x2780 + 1;
        }
        if (cp >= 0x278A && cp <= 0x2792) { // ➊ … ➒
            return cp - 0x278A + 1;
        }
        if (cp >= 0x24F5 && cp <= 0x24FD) { // ⓵ … ⓽
            return cp - 0x24F5 + 1;
        }
        if (cp == 0x24EA || cp == 0x24FF || cp == 0x1F10B || cp == 0x1F10C) { // ⓪ ⓿ 🄋 🄌
            return 0;
        }
        return -1;
    }

    /** Chars that end a numeric run: line breaks, list and sentence punctuation, currency, %, @, #, №. */
    private static boolean isBreak(String text, int i, int cp) {
        switch (cp) {
            case '\n', '\r', '\u000B', '\u000C', '\u0085', '\u2028', '\u2029',
                 ';', ':', '!', '?', '%', '=', '&', '@', '#', '№', '<', '>', '"', '«', '»', '“', '”' -> {
                return true;
            }
            case ',' -> {
                return i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1))
                        || Character.isSpaceChar(text.charAt(i + 1));
            }
            default -> {
                return Character.getType(cp) == Character.CURRENCY_SYMBOL;
            }
        }
    }
}
