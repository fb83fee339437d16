package org.tracelab.core.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The lines of the texts read so far, each with what it tells the identifier, kept by its characters. A case's texts
 * repeat lines: a site's banner on every page, an ad's lines in its page and again in its JSON record; in the lab's
 * 10,000-ad case half of all characters given to the identifier were in a line it had already read. What a line
 * tells adds up over lines to what one pass over the whole text tells, since neither a word nor a letter pair spans
 * a line feed, and every score is added in the text's order (see {@link LanguageIdentifier}).
 */
final class LineReadings {
    /** Characters of lines kept at most; past that the kept lines are dropped and kept again as they recur. */
    static final int MAX_KEPT_CHARS = 1 << 20;

    private final ConcurrentHashMap<String, Line> kept = new ConcurrentHashMap<>();
    private final AtomicLong keptChars = new AtomicLong();
    private final int sides;
    private final int maxKeptChars;

    /**
     * Lines with room for what each of {@code sides} candidate sides reads in them, {@code maxKeptChars} characters
     * of them at most.
     */
    LineReadings(int sides, int maxKeptChars) {
        if (maxKeptChars < 1) {
            throw new IllegalArgumentException("maxKeptChars must be positive: " + maxKeptChars);
        }
        this.sides = sides;
        this.maxKeptChars = maxKeptChars;
    }

    /**
     * One line, lower case with Uzbek's apostrophes unified, with its letters counted: once when first read, and what
     * a side reads in it ({@link #side}) once when first asked.
     */
    static final class Line {
        private final String normalized;
        private final ScriptCensus census;
        private final LetterTally letters;
        /** What each side read, by side, filled on first need; a race reads the same twice and keeps either. */
        private final AtomicReferenceArray<LanguageIdentifier.SideReading> bySide;
        /** The line's words in each n-gram model's script ({@link NgramModel#scriptWords}), by model, on first need. */
        private final AtomicReferenceArray<String> byModel;
        /**
         * Whether the line writes Σ, the one letter whose lower case depends on what follows (σ or final ς), to the
         * end of the word as {@link java.text.BreakIterator} finds it in the whole text: such a text is lower-cased
         * whole for the n-gram models, as it was before lines were read alone.
         */
        private final boolean capitalSigma;

        private Line(String line, int sides) {
            normalized = UzbekApostrophes.unify(line.toLowerCase(Locale.ROOT));
            census = ScriptCensus.of(normalized);
            letters = LetterTally.of(normalized);
            bySide = new AtomicReferenceArray<>(sides);
            byModel = new AtomicReferenceArray<>(NgramModel.values().length);
            capitalSigma = line.indexOf('\u03A3') >= 0;
        }

        /** The line's words in {@code model}'s script, each followed by a space. */
        String scriptWords(NgramModel model) {
            String words = byModel.get(model.ordinal());
            if (words == null) {
                words = NgramModel.scriptWords(normalized, model.script());
                byModel.set(model.ordinal(), words);
            }
            return words;
        }

        boolean capitalSigma() {
            return capitalSigma;
        }

        /** The line in lower case with Uzbek's apostrophes unified, as the identifier reads it. */
        String normalized() {
            return normalized;
        }

        ScriptCensus census() {
            return census;
        }

        LetterTally letters() {
            return letters;
        }

        /** What side {@code side} read in this line, if it has. */
        LanguageIdentifier.SideReading side(int side) {
            return bySide.get(side);
        }

        void keepSide(int side, LanguageIdentifier.SideReading read) {
            bySide.set(side, read);
        }
    }

    /** The non-empty lines of {@code text} (split at line feeds), in order, each read or looked up. */
    List<Line> lines(String text) {
        List<Line> out = new ArrayList<>();
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            if (end > start) {
                out.add(line(text.substring(start, end)));
            }
            start = end + 1;
        }
        return out;
    }

    private Line line(String line) {
        Line known = kept.get(line);
        if (known != null) {
            return known;
        }
        Line fresh = new Line(line, sides);
        if (keptChars.addAndGet(line.length()) > maxKeptChars) {
            kept.clear();
            keptChars.set(line.length());
        }
        Line raced = kept.putIfAbsent(line, fresh);
        return raced == null ? fresh : raced;
    }
}
