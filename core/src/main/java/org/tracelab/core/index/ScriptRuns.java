package org.tracelab.core.index;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UScript;
import java.util.BitSet;

/**
 * What the ICU tokenizer (the {@code text} field's) carries from one line of a text to the next, so that a line can
 * be analysed alone and give the words it gives within its text.
 *
 * <p>The tokenizer reads a text in chunks of {@link #CHUNK} chars cut after the chunk's last white space, and splits
 * each chunk into runs of one script, each run's words found on their own: a digit, a sign or a mark belongs to the
 * script run it follows, so {@code "2ta"} at the start of a line is one word after a Latin line and two after a
 * Cyrillic one ("2" closes the Cyrillic run). This class follows the tokenizer's rules (Lucene's package-private
 * {@code ScriptIterator}, with Han, Hiragana and Katakana as one script and full-width digits as Latin; its
 * {@code DefaultICUTokenizerConfig}, where only that joined Japanese script breaks words differently) to say where
 * chunks end, which script a point of a text is in, and whether a line's words depend on it; where a character
 * belongs to several scripts it answers {@link #UNKNOWN} and the text is analysed whole.
 */
final class ScriptRuns {
    /** The tokenizer's chunk: {@code ICUTokenizer.IOBUFFER}. */
    static final int CHUNK = 4_096;
    /** No answer: a character of several scripts decides. */
    static final int UNKNOWN = -2;

    private ScriptRuns() {
    }

    /** Where the chunk that starts at {@code start} ends: after its last white space, when the text goes on. */
    static int chunkEnd(String text, int start) {
        if (text.length() - start < CHUNK) {
            return text.length();
        }
        for (int i = start + CHUNK - 1; i >= start; i--) {
            if (UCharacter.isWhitespace(text.charAt(i))) {
                return i + 1;
            }
        }
        return start + CHUNK;
    }

    /**
     * The script of the run open at {@code at}, in the chunk that starts at {@code chunkStart}: that of the last
     * letter before it, or of the first mark when only marks and common signs came before; {@link UScript#COMMON}
     * when nothing of a script did.
     */
    static int before(String text, int chunkStart, int at) {
        int marks = UScript.COMMON;
        for (int i = at; i > chunkStart; ) {
            int c = text.codePointBefore(i);
            i -= Character.charCount(c);
            int script = script(c);
            if (script <= UScript.INHERITED) {
                continue;
            }
            if (manyScripts(c)) {
                return UNKNOWN;
            }
            if (UCharacter.getType(c) == UCharacterCategory.NON_SPACING_MARK) {
                marks = script; // a mark sets the run's script only as its first character of a script
                continue;
            }
            return script;
        }
        return marks;
    }

    /**
     * Whether the words of {@code text} from {@code from} to {@code to} (no line break between) differ when a run
     * of {@code script} is open before them from when they start a text: 1 when they may, 0 when not,
     * {@link #UNKNOWN} when a character of several scripts decides.
     */
    static int dependsOn(String text, int from, int to, int script) {
        if (script <= UScript.INHERITED) {
            return 0;
        }
        for (int i = from; i < to; ) {
            int c = text.codePointAt(i);
            int own = script(c);
            if (own > UScript.INHERITED) {
                if (manyScripts(c)) {
                    return UNKNOWN;
                }
                boolean breaks = i == from && UCharacter.getType(c) != UCharacterCategory.NON_SPACING_MARK;
                // A letter that starts the line starts a run either way; else the open run takes what came first.
                return breaks || own == script ? 0 : 1;
            }
            i += Character.charCount(c);
        }
        // Common signs alone are split by the open run's rules: other than the default for Japanese only.
        return script == UScript.JAPANESE ? 1 : 0;
    }

    /**
     * A letter of {@code script} that, with a line break after it, opens a run of that script before a line; empty
     * when the script has none that does so for certain.
     */
    static String opener(int script) {
        String sample = script == UScript.JAPANESE ? "か" : UScript.getSampleString(script);
        if (sample.isEmpty() || sample.codePointCount(0, sample.length()) != 1) {
            return "";
        }
        int c = sample.codePointAt(0);
        return script(c) == script && !manyScripts(c)
                && UCharacter.getType(c) != UCharacterCategory.NON_SPACING_MARK ? sample : "";
    }

    /** The script as the tokenizer counts it: Han, Hiragana and Katakana as Japanese, full-width digits as Latin. */
    static int script(int c) {
        int script = UScript.getScript(c);
        if (script == UScript.HAN || script == UScript.HIRAGANA || script == UScript.KATAKANA) {
            return UScript.JAPANESE;
        }
        return c >= 0xFF10 && c <= 0xFF19 ? UScript.LATIN : script;
    }

    private static boolean manyScripts(int c) {
        return UScript.getScriptExtensions(c, new BitSet()) < 0;
    }
}
