package org.tracelab.core.collect;

import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.apache.tika.mime.MimeTypes;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Tika's magic table, read from Tika's own {@code tika-mimetypes.xml}, kept to answer one question cheaply: could any
 * of its magics match these bytes? Tika answers it by running its ~1,300 match rules through a stream, a new buffer
 * and, for regex rules, a new compiled pattern each; about a millisecond a file. Here each magic is reduced to what
 * it cannot match without: its top rule (nested rules only narrow it; a {@code minShouldMatch} group needs one of its
 * members), checked byte for byte as Tika's {@code MagicDetector} checks it. When no magic can match, Tika's answer is
 * the one it gives bytes no magic matches ({@link MediaTypes} says which). Most magics are their top rule alone (a
 * JPEG's {@code 0xffd8ff} at offset 0): when only such magics match, which match is known too, and so is the type
 * Tika's magic loop settles on ({@link #magicTypes}); when a magic with more to it might match, Tika is asked.
 *
 * <p>Only Tika's built-in table is known here: when another table is on the class path or named by Tika's system
 * property, {@link #table()} is empty and every question goes to Tika.
 */
final class TikaMagics {
    /** Where Tika keeps its table, beside its {@code MimeTypes}. */
    static final String TABLE = "org/apache/tika/mime/tika-mimetypes.xml";
    /** The tables Tika adds to its own ({@code MimeTypesFactory}): from the class path and a system property. */
    private static final String CUSTOM_TABLE = "custom-mimetypes.xml";
    private static final String CUSTOM_TABLE_PROPERTY = "tika.custom-mimetypes";
    /** The window a regex rule is matched in from each offset of its range ({@code MagicDetector}). */
    private static final int REGEX_WINDOW = 8 * 1024;

    private static final class Holder {
        static final Optional<TikaMagics> TABLE = load(MimeTypes.class.getClassLoader());
    }

    /** The table's magics, in its order: one for each {@code <match>} directly under a {@code <magic>}, as Tika's. */
    private final List<Magic> magics;
    /**
     * The rules at one offset, by the value of the byte there that can start them ({@link Window#first}): most rules
     * look at one offset, so a file's byte there rules out nearly all of them with one look-up.
     */
    private final TreeMap<Integer, Rule[][]> fixed = new TreeMap<>();
    /** The rules over a range of offsets, by the byte that can start them, for one pass over the range. */
    private final Rule[][] ranged;
    /** Where the ranged rules' offsets begin and end, at the least and most. */
    private final int rangedFrom;
    private final int rangedTo;
    /** The rules that may start at a zero byte past the data's end, or cannot be read: each tried on its own. */
    private final List<Rule> others = new ArrayList<>();

    /**
     * One magic as Tika's {@code MimeTypesReader} makes it: the type it tells, its priority, and whether it is its
     * top rule alone (no nested rules, no {@code minShouldMatch} group, a rule read here), so that it matches exactly
     * where that rule holds.
     */
    record Magic(String type, int priority, boolean topRuleAlone) {
    }

    /** A rule kept for a magic (its top rule, or one member of its {@code minShouldMatch} group), and which magic. */
    private record Rule(Window window, int magic) {
    }

    private TikaMagics(List<Magic> magics, List<Rule> rules) {
        this.magics = List.copyOf(magics);
        List<List<Rule>> byFirst = byteLists();
        int from = Integer.MAX_VALUE;
        int to = -1;
        Map<Integer, List<List<Rule>>> atOffset = new TreeMap<>();
        for (Rule r : rules) {
            Window w = r.window();
            if (w.unknown() || w.pattern().length == 0 || w.first()[0] && (w.regex() != null || w.begin() != w.end())) {
                others.add(r);
            } else if (w.begin() == w.end()) {
                List<List<Rule>> lists = atOffset.computeIfAbsent(w.begin(), k -> byteLists());
                w.startingBytes().forEach(b -> lists.get(b).add(r));
            } else {
                w.startingBytes().forEach(b -> byFirst.get(b).add(r));
                from = Math.min(from, w.begin());
                to = Math.max(to, w.end());
            }
        }
        atOffset.forEach((at, lists) -> fixed.put(at, arrays(lists)));
        this.ranged = arrays(byFirst);
        this.rangedFrom = from;
        this.rangedTo = to;
    }

    private static List<List<Rule>> byteLists() {
        List<List<Rule>> l = new ArrayList<>(256);
        for (int b = 0; b < 256; b++) {
            l.add(new ArrayList<>());
        }
        return l;
    }

    private static Rule[][] arrays(List<List<Rule>> lists) {
        Rule[][] a = new Rule[256][];
        for (int b = 0; b < 256; b++) {
            a[b] = lists.get(b).toArray(new Rule[0]);
        }
        return a;
    }

    /** Tika's built-in table, read once; empty when Tika would use another or more than it. */
    static Optional<TikaMagics> table() {
        return Holder.TABLE;
    }

    /** How many magics the table holds. */
    int size() {
        return magics.size();
    }

    /** The table's magics, in its order. */
    List<Magic> magics() {
        return magics;
    }

    /**
     * True when some magic's top rule holds for {@code header} (a file's first 64 KiB, or all of a shorter file).
     * False means no magic of the table matches.
     */
    boolean mayMatch(byte[] header) {
        return !holding(header).isEmpty();
    }

    /**
     * The types Tika's magic loop ({@code MimeTypes.getMimeType(byte[])}) finds for {@code header} before it looks
     * at XML roots or the text test: none when no magic matches, or the one type of every matching magic of the
     * highest priority. That loop goes through the magics by priority, highest first, and stops below the first
     * priority that matched; so a magic of more than its top rule decides nothing when a magic of its top rule alone
     * matches at a higher priority. Empty when only Tika can say: such a magic might match at that priority or above,
     * the best matches tell more than one type (their order is Tika's to make), or their priority is not above zero
     * (where Tika's loop does not stop).
     */
    Optional<List<String>> magicTypes(byte[] header) {
        BitSet holding = holding(header);
        if (holding.isEmpty()) {
            return Optional.of(List.of());
        }
        // the best priority of the magics that surely match (their top rule alone, which holds), and their type
        String type = null;
        int best = Integer.MIN_VALUE;
        int bestUnsure = Integer.MIN_VALUE;
        for (int m = holding.nextSetBit(0); m >= 0; m = holding.nextSetBit(m + 1)) {
            Magic magic = magics.get(m);
            if (!magic.topRuleAlone()) {
                bestUnsure = Math.max(bestUnsure, magic.priority());
            } else if (magic.priority() > best) {
                best = magic.priority();
                type = magic.type();
            } else if (magic.priority() == best && !magic.type().equals(type)) {
                type = null;
            }
        }
        return best > 0 && bestUnsure < best && type != null ? Optional.of(List.of(type)) : Optional.empty();
    }

    /** The magics (by their place in {@link #magics}) a rule kept for which holds for {@code header}. */
    private BitSet holding(byte[] header) {
        BitSet holding = new BitSet(magics.size());
        for (Map.Entry<Integer, Rule[][]> e : fixed.entrySet()) {
            int at = e.getKey();
            if (at >= header.length) {
                // the offsets are in order; past the end, only a rule that can start at a zero byte (one of the
                // others) could hold
                break;
            }
            for (Rule r : e.getValue()[header[at] & 0xff]) {
                if (!holding.get(r.magic()) && r.window().holdsAt(header, 0)) {
                    holding.set(r.magic());
                }
            }
        }
        // past the data's end the bytes read as zeros, which start none of the ranged rules
        int last = Math.min(rangedTo, header.length - 1);
        for (int at = Math.max(rangedFrom, 0); at <= last; at++) {
            for (Rule r : ranged[header[at] & 0xff]) {
                Window w = r.window();
                if (at >= w.begin() && at <= w.end() && !holding.get(r.magic()) && w.holdsAt(header, at - w.begin())) {
                    holding.set(r.magic());
                }
            }
        }
        for (Rule r : others) {
            if (!holding.get(r.magic()) && r.window().mayHold(header)) {
                holding.set(r.magic());
            }
        }
        return holding;
    }

    static Optional<TikaMagics> load(ClassLoader loader) {
        try {
            if (System.getProperty(CUSTOM_TABLE_PROPERTY) != null
                    || loader.getResources(CUSTOM_TABLE).hasMoreElements()) {
                return Optional.empty();
            }
            URL table = loader.getResource(TABLE);
            if (table == null) {
                return Optional.empty();
            }
            try (InputStream in = table.openStream()) {
                return Optional.of(read(in));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading Tika's magic table", e);
        }
    }

    /**
     * Reads a table in Tika's format. Each {@code <match>} directly under a {@code <magic>} is one magic, which needs
     * at least that rule to hold; a match's own members only narrow it, and of a {@code minShouldMatch} group (Tika
     * refuses a minimum under one) at least one member must hold. So no magic matches bytes for which none of the
     * rules kept here holds. Each magic has its {@code <mime-type>}'s type and its {@code <magic>}'s priority (50
     * when none is given, as Tika's reader has it).
     */
    static TikaMagics read(InputStream xml) throws IOException {
        List<Rule> kept = new ArrayList<>();
        List<Magic> magics = new ArrayList<>();
        DefaultHandler handler = new DefaultHandler() {
            /** Where the rules met now go, innermost last; {@link #DROPPED} under a plain match. */
            private final Deque<List<Rule>> open = new ArrayDeque<>();
            private final Deque<Boolean> group = new ArrayDeque<>();
            private boolean inMagic;
            private String type;
            private int priority;

            @Override
            public void startElement(String uri, String localName, String qName, Attributes a) {
                if (qName.equals("mime-type")) {
                    type = a.getValue("type");
                } else if (qName.equals("magic")) {
                    inMagic = true;
                    String p = a.getValue("priority");
                    priority = p == null || p.isEmpty() ? 50 : Integer.parseInt(p);
                } else if (qName.equals("match") && inMagic) {
                    boolean minShouldMatch = a.getValue("minShouldMatch") != null;
                    if (open.isEmpty()) {
                        magics.add(new Magic(type, priority, !minShouldMatch));
                    } else {
                        // nested: the magic is more than its top rule
                        int m = magics.size() - 1;
                        magics.set(m, new Magic(type, priority, false));
                    }
                    int magic = magics.size() - 1;
                    List<Rule> into = open.isEmpty() ? kept : open.peek();
                    if (!minShouldMatch && into != DROPPED) {
                        String kind = a.getValue("type");
                        Window w = Window.of(kind == null ? "string" : kind, a.getValue("offset"),
                                a.getValue("value"), a.getValue("mask"));
                        into.add(new Rule(w, magic));
                        if (w.unknown()) {
                            magics.set(magic, new Magic(type, priority, false));
                        }
                    }
                    group.push(minShouldMatch);
                    open.push(minShouldMatch && into != DROPPED ? new ArrayList<>() : DROPPED);
                }
            }

            @Override
            public void endElement(String uri, String localName, String qName) {
                if (qName.equals("magic")) {
                    inMagic = false;
                } else if (qName.equals("match") && inMagic) {
                    List<Rule> members = open.pop();
                    if (group.pop() && members != DROPPED) {
                        (open.isEmpty() ? kept : open.peek()).addAll(members);
                    }
                }
            }
        };
        try {
            SAXParserFactory.newDefaultInstance().newSAXParser().parse(xml, handler);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("Tika's magic table cannot be read: " + e.getMessage(), e);
        }
        return new TikaMagics(magics, kept);
    }

    /** Where the members of a plain match go: nowhere, as they only narrow it. */
    private static final List<Rule> DROPPED = Collections.unmodifiableList(new ArrayList<>());

    /**
     * One match rule as Tika's {@code MagicDetector} holds it: a pattern, masked, looked for at each offset from
     * {@code begin} to {@code end}, in a window of the pattern's length (8 KiB for a regex) zero-filled past the
     * data's end. {@code regex} is null for byte patterns; {@code unknown} marks a rule this class cannot read,
     * which may always hold. {@code first} says which byte values can start a match at an offset: for a byte pattern,
     * those equal to its first byte under the mask; for a regex, those after which the regex engine, given that one
     * character, either matched or wanted more input ({@link Matcher#hitEnd}: when it wants none, no longer text
     * that starts so can match).
     */
    record Window(int begin, int end, byte[] pattern, byte[] mask, boolean ignoreCase, Pattern regex,
                  boolean unknown, boolean[] first) {

        /** The rule Tika's {@code MagicDetector.parse} makes of a match's attributes. */
        static Window of(String kind, String offset, String value, String mask) {
            int begin = 0;
            int end = 0;
            try {
                if (offset != null) {
                    int colon = offset.indexOf(':');
                    begin = Integer.parseInt(colon < 0 ? offset : offset.substring(0, colon));
                    end = colon < 0 ? begin : Integer.parseInt(offset.substring(colon + 1));
                }
                byte[] p = decodeValue(value, kind);
                byte[] m = mask == null ? null : decodeValue(mask, kind);
                if (p == null || begin < 0 || end < begin) {
                    return unreadable();
                }
                int length = Math.max(p.length, m == null ? 0 : m.length);
                byte[] fullMask = new byte[length];
                byte[] masked = new byte[length];
                for (int i = 0; i < length; i++) {
                    fullMask[i] = m != null && i < m.length ? m[i] : -1;
                    masked[i] = i < p.length ? (byte) (p[i] & fullMask[i]) : 0;
                }
                boolean ignoreCase = kind.equals("stringignorecase");
                Pattern regex = kind.equals("regex")
                        ? Pattern.compile(new String(masked, StandardCharsets.UTF_8),
                                ignoreCase ? Pattern.CASE_INSENSITIVE : 0)
                        : null;
                boolean[] first = new boolean[256];
                for (int b = 0; b < 256; b++) {
                    if (regex != null) {
                        Matcher probe = regex.matcher(String.valueOf((char) b));
                        first[b] = probe.lookingAt() || probe.hitEnd();
                    } else {
                        first[b] = length == 0 || byteMatches((byte) b, fullMask[0], masked[0], ignoreCase);
                    }
                }
                return new Window(begin, end, masked, fullMask, ignoreCase, regex, false, first);
            } catch (RuntimeException unreadable) {
                // NumberFormatException, PatternSyntaxException, a cut escape: Tika decides such a rule itself
                return unreadable();
            }
        }

        private static Window unreadable() {
            boolean[] any = new boolean[256];
            Arrays.fill(any, true);
            return new Window(0, 0, new byte[0], new byte[0], false, null, true, any);
        }

        /** Whether one byte of data matches one of a pattern's, as Tika's {@code MagicDetector} compares them. */
        private static boolean byteMatches(byte data, byte mask, byte pattern, boolean ignoreCase) {
            int masked = data & mask;
            if (ignoreCase) {
                masked = Character.toLowerCase(masked);
            }
            return masked == pattern;
        }

        /** The byte values that can start a match. */
        IntStream startingBytes() {
            return IntStream.range(0, 256).filter(b -> first[b]);
        }

        /** True when Tika's detector for this rule matches {@code data} (a file's first bytes). */
        boolean mayHold(byte[] data) {
            if (unknown) {
                return true;
            }
            for (int i = 0; i <= end - begin; i++) {
                int at = begin + i;
                if (first[(at < data.length ? data[at] : 0) & 0xff] && holdsAt(data, i)) {
                    return true;
                }
            }
            return false;
        }

        /** True when the rule matches at {@code begin + i} as Tika's detector looks there (i within the range). */
        boolean holdsAt(byte[] data, int i) {
            if (unknown) {
                return true;
            }
            if (data.length < begin) {
                return false; // Tika's skip to begin reaches the end
            }
            if (regex != null) {
                // Tika decodes 8 KiB past the range's end from begin, zero-filled, as ISO-8859-1, and tries each
                // offset's window in turn, its bounds opaque
                int windowLength = REGEX_WINDOW + (end - begin);
                Matcher m = regex.matcher(new Latin1(data, begin, Math.min(data.length - begin, windowLength),
                        windowLength));
                m.region(i, REGEX_WINDOW + i);
                return m.lookingAt();
            }
            int length = pattern.length;
            if (data.length - begin < length) {
                return false; // a byte rule needs at least one whole window of data
            }
            for (int j = 0; j < length; j++) {
                int at = begin + i + j;
                if (!byteMatches(at < data.length ? data[at] : 0, mask[j], pattern[j], ignoreCase)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Bytes read as ISO-8859-1 characters, zero-filled to a length, as Tika's regex rule decodes its window;
     * a view, so no window is copied.
     */
    private record Latin1(byte[] data, int from, int available, int length) implements CharSequence {
        @Override
        public char charAt(int index) {
            if (index < 0 || index >= length) {
                throw new IndexOutOfBoundsException(index);
            }
            return index < available ? (char) (data[from + index] & 0xff) : 0;
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            char[] c = new char[end - start];
            for (int i = start; i < end; i++) {
                c[i - start] = charAt(i);
            }
            return new String(c);
        }

        @Override
        public String toString() {
            return subSequence(0, length).toString();
        }
    }

    /** A match's value or mask as bytes, decoded as Tika's {@code MagicDetector} decodes it; null if it has none. */
    static byte[] decodeValue(String value, String kind) {
        if (value == null || kind == null) {
            return null;
        }
        String digits = value.startsWith("0x") ? value.substring(2) : value;
        int radix = value.startsWith("0x") ? 16 : 8;
        return switch (kind) {
            case "string", "regex", "unicodeLE", "unicodeBE" -> decodeString(value, kind);
            case "stringignorecase" -> decodeString(value.toLowerCase(Locale.ROOT), kind);
            case "byte" -> digits.getBytes(StandardCharsets.UTF_8);
            case "host16", "little16" -> {
                int i = Integer.parseInt(digits, radix);
                yield new byte[] {(byte) (i & 0xff), (byte) (i >> 8)};
            }
            case "big16" -> {
                int i = Integer.parseInt(digits, radix);
                yield new byte[] {(byte) (i >> 8), (byte) (i & 0xff)};
            }
            case "host32", "little32" -> {
                long i = Long.parseLong(digits, radix);
                yield new byte[] {(byte) (i & 0xff), (byte) ((i & 0xff00) >> 8), (byte) ((i & 0xff0000) >> 16),
                        (byte) ((i & 0xff000000L) >> 24)};
            }
            case "big32" -> {
                long i = Long.parseLong(digits, radix);
                yield new byte[] {(byte) ((i & 0xff000000L) >> 24), (byte) ((i & 0xff0000) >> 16),
                        (byte) ((i & 0xff00) >> 8), (byte) (i & 0xff)};
            }
            default -> null;
        };
    }

    private static byte[] decodeString(String value, String kind) {
        if (value.startsWith("0x")) {
            byte[] b = new byte[(value.length() - 2) / 2];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) Integer.parseInt(value.substring(2 + i * 2, 4 + i * 2), 16);
            }
            return b;
        }
        CharArrayWriter decoded = new CharArrayWriter();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\') {
                decoded.write(c);
            } else if (value.charAt(i + 1) == '\\') {
                decoded.write('\\');
                i++;
            } else if (value.charAt(i + 1) == 'x') {
                decoded.write(Integer.parseInt(value.substring(i + 2, i + 4), 16));
                i += 3;
            } else if (value.charAt(i + 1) == 'r') {
                decoded.write('\r');
                i++;
            } else if (value.charAt(i + 1) == 'n') {
                decoded.write('\n');
                i++;
            } else {
                int j = i + 1;
                while (j < i + 4 && j < value.length() && Character.isDigit(value.charAt(j))) {
                    j++;
                }
                decoded.write(Short.decode("0" + value.substring(i + 1, j)).byteValue());
                i = j - 1;
            }
        }
        char[] chars = decoded.toCharArray();
        byte[] b;
        if (kind.equals("unicodeLE") || kind.equals("unicodeBE")) {
            boolean le = kind.equals("unicodeLE");
            b = new byte[chars.length * 2];
            for (int i = 0; i < chars.length; i++) {
                b[i * 2] = (byte) (le ? chars[i] & 0xff : chars[i] >> 8);
                b[i * 2 + 1] = (byte) (le ? chars[i] >> 8 : chars[i] & 0xff);
            }
        } else {
            b = new byte[chars.length];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) chars[i];
            }
        }
        return b;
    }
}
