package org.tracelab.core.dupes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.tracelab.core.analysis.CaseAnalyzers;

/**
 * Turns a text into its set of word shingles: words folded and transliterated by the case's script-neutral analyzer
 * (so the same ad in Uzbek Latin and Cyrillic is the same text), every run of words holding digits masked to one
 * {@code #} (so a new phone number, price or date does not make a new text), then hashed 2-word windows.
 *
 * <p>Two words, not the five usual for web pages: ads are short (20 to 60 words) and one changed word breaks as many
 * shingles as there are words in one, so a repost of a 23-word ad in a new city keeps a Jaccard similarity of 0.83
 * with 2-word shingles, but 0.74 with 3-word and about 0.65 with 5-word ones — under the 0.8 threshold.
 */
public final class Shingles {
    /** Words per shingle. */
    public static final int WORDS = 2;

    private final Analyzer analyzer = CaseAnalyzers.create();

    /** The distinct shingle hashes of {@code text}, sorted; a one-word text is one shingle. */
    public int[] of(String text) {
        List<String> words = words(text);
        if (words.isEmpty()) {
            return new int[0];
        }
        int n = Math.max(1, words.size() - WORDS + 1);
        int[] hashes = new int[n];
        for (int i = 0; i < n; i++) {
            long h = 0x9E3779B97F4A7C15L;
            for (int j = i; j < Math.min(words.size(), i + WORDS); j++) {
                h = mix(h ^ words.get(j).hashCode());
            }
            hashes[i] = (int) (h ^ (h >>> 32));
        }
        Arrays.sort(hashes);
        return distinct(hashes);
    }

    private List<String> words(String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(CaseAnalyzers.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            boolean lastMasked = false;
            while (ts.incrementToken()) {
                boolean digits = hasDigit(term);
                if (digits && lastMasked) {
                    continue;
                }
                words.add(digits ? "#" : term.toString());
                lastMasked = digits;
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysis of a string failed", e);
        }
        return words;
    }

    private static boolean hasDigit(CharTermAttribute term) {
        for (int i = 0; i < term.length(); i++) {
            if (Character.isDigit(term.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** A 64-bit finalizer (SplitMix64's), so that word hashes combine without clustering. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static int[] distinct(int[] sorted) {
        int k = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[k++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, k);
    }

    /** Exact Jaccard similarity of two sorted, distinct shingle sets. */
    public static double jaccard(int[] a, int[] b) {
        if (a.length == 0 && b.length == 0) {
            return 1.0;
        }
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) common / (a.length + b.length - common);
    }
}
