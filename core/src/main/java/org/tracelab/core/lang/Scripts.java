package org.tracelab.core.lang;

/**
 * {@link Character.UnicodeScript#of} by table for the characters most text is written in (the first 0x3000: Latin,
 * Greek, Cyrillic, Armenian, Hebrew, Arabic, the Indic scripts, Georgian, Hangul jamo...), the JDK's own search for
 * the rest: the identifier asks for the script of every letter of its sample, and the JDK's binary search over the
 * script ranges was a tenth of language identification in session 12's profile.
 */
final class Scripts {
    private static final int TABLE = 0x3000;
    private static final Character.UnicodeScript[] BY_CHAR = new Character.UnicodeScript[TABLE];

    static {
        for (int c = 0; c < TABLE; c++) {
            BY_CHAR[c] = Character.UnicodeScript.of(c);
        }
    }

    private Scripts() {
    }

    /** The script of {@code codePoint}, as {@link Character.UnicodeScript#of} gives it. */
    static Character.UnicodeScript of(int codePoint) {
        return codePoint >= 0 && codePoint < TABLE ? BY_CHAR[codePoint] : Character.UnicodeScript.of(codePoint);
    }
}
