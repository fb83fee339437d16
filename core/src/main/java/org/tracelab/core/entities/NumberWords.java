package org.tracelab.core.entities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Number words (Uzbek Latin and Cyrillic, Russian, English) read from {@code number-words.txt} beside this class.
 * Immutable once loaded; {@link #standard()} is shared.
 */
final class NumberWords {

    enum Kind { UNIT, TEEN, TENS, HUNDREDS, HUNDRED, PLUS }

    /** A number word: its value, how it combines with its neighbours, and whether it is also an ordinary word. */
    record Word(int value, Kind kind, boolean ambiguous) {
    }

    private static final String RESOURCE = "number-words.txt";
    private static volatile NumberWords standard;

    /** By the word as written (lowercase, one apostrophe). */
    private final Map<String, Word> exact;
    /** By the word with Uzbek Cyrillic letters folded onto Russian ones, for writers without an Uzbek keyboard. */
    private final Map<String, Word> folded;

    /** The longest word, in chars. */
    private final int maxLength;
    /** Lowercase first chars of all words (BMP), so most ordinary words are turned down without a lookup. */
    private final java.util.BitSet firstChars = new java.util.BitSet(0x10000);
    /**
     * The first two chars of every word as {@link #opening} gives them, sorted: most ordinary words are turned down by
     * them with no string made. Keying and folding map char to char, so a token's opening is one of these whenever
     * its key or its folded key is a word.
     */
    private final int[] openings;

    private NumberWords(Map<String, Word> exact) {
        this.exact = Map.copyOf(exact);
        int max = 0;
        java.util.TreeSet<Integer> open = new java.util.TreeSet<>();
        for (String k : exact.keySet()) {
            max = Math.max(max, k.length());
            firstChars.set(k.charAt(0));
            firstChars.set(fold(k).charAt(0));
            open.add(opening(k, 0, k.length()));
        }
        this.maxLength = max;
        this.openings = open.stream().mapToInt(Integer::intValue).toArray();
        Map<String, Word> f = new HashMap<>();
        exact.forEach((k, w) -> f.merge(fold(k), w, (a, b) -> a.ambiguous() ? b : a));
        this.folded = Map.copyOf(f);
    }

    /** The words shipped with Tracelab. */
    static NumberWords standard() {
        NumberWords s = standard;
        if (s == null) {
            synchronized (NumberWords.class) {
                s = standard;
                if (s == null) {
                    try (InputStream in = NumberWords.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("missing resource " + RESOURCE);
                        }
                        s = parse(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    standard = s;
                }
            }
        }
        return s;
    }

    static NumberWords parse(InputStream in) throws IOException {
        Map<String, Word> map = new HashMap<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] f = t.split("\\s+");
            if (f.length < 3) {
                throw new IOException(RESOURCE + ":" + n + ": want VALUE KIND WORD...");
            }
            int value = Integer.parseInt(f[0]);
            Kind kind = Kind.valueOf(f[1].toUpperCase(Locale.ROOT));
            for (int i = 2; i < f.length; i++) {
                String w = f[i];
                boolean ambiguous = w.endsWith("?");
                if (ambiguous) {
                    w = w.substring(0, w.length() - 1);
                }
                Word prev = map.put(key(w), new Word(value, kind, ambiguous));
                if (prev != null && prev.value() != value) {
                    throw new IOException(RESOURCE + ":" + n + ": '" + w + "' already means " + prev.value());
                }
            }
        }
        return new NumberWords(map);
    }

    /** The word for {@code token} (a run of letters and apostrophes), or {@code null}. */
    Word lookup(CharSequence token) {
        return lookup(token, 0, token.length());
    }

    /** The word for {@code text[start,end)}, or {@code null}; no string is made unless its opening is a word's. */
    Word lookup(CharSequence text, int start, int end) {
        if (end <= start || end - start > maxLength || !firstChars.get(Character.toLowerCase(text.charAt(start)))
                || !mayBeWord(text, start, end)) {
            return null;
        }
        return lookupKey(key(text.subSequence(start, end)));
    }

    /** Whether {@code text[start,end)} opens as a word does: false means {@link #lookupKey} finds nothing for it. */
    boolean mayBeWord(CharSequence text, int start, int end) {
        return java.util.Arrays.binarySearch(openings, opening(text, start, end)) >= 0;
    }

    /** The word whose key is {@code k}, as written or folded. */
    Word lookupKey(String k) {
        Word w = exact.get(k);
        return w != null ? w : folded.get(fold(k));
    }

    /** The first two chars of {@code text[start,end)} keyed and folded, one int ({@code 0xFFFF} for no second). */
    private static int opening(CharSequence text, int start, int end) {
        char first = foldChar(keyChar(text.charAt(start)));
        char second = end - start > 1 ? foldChar(keyChar(text.charAt(start + 1))) : '\uFFFF';
        return first << 16 | second;
    }

    /** Lowercase, one apostrophe, ё as е. */
    static String key(CharSequence s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            b.append(keyChar(s.charAt(i)));
        }
        return b.toString();
    }

    private static char keyChar(char c) {
        char lower = Character.toLowerCase(c);
        return switch (lower) {
            case 'ʻ', 'ʼ', '’', '‘', '`', '´' -> '\'';
            case 'ё' -> 'е';
            default -> lower;
        };
    }

    /** Uzbek Cyrillic ў қ ғ ҳ as the Russian у к г х people type instead. */
    static String fold(String key) {
        return key.replace('ў', 'у').replace('қ', 'к').replace('ғ', 'г').replace('ҳ', 'х');
    }

    /** {@link #fold} of one char. */
    private static char foldChar(char c) {
        return switch (c) {
            case 'ў' -> 'у';
            case 'қ' -> 'к';
            case 'ғ' -> 'г';
            case 'ҳ' -> 'х';
            default -> c;
        };
    }

    static boolean isApostrophe(int c) {
        return c == '\'' || c == 'ʻ' || c == 'ʼ' || c == '’' || c == '‘' || c == '`' || c == '´';
    }
}
