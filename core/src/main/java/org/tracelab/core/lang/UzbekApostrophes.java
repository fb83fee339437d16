package org.tracelab.core.lang;

/**
 * The many apostrophes Uzbek Latin is typed with ({@code ' ʻ ‘ ’ ʼ `} and the acute accent), unified to the ASCII
 * apostrophe, so {@code oʻ}, {@code o‘} and {@code o'} are one letter everywhere Tracelab compares text.
 */
public final class UzbekApostrophes {
    /** Every character seen standing in for the Uzbek modifier letter turned comma or the tutuq belgisi. */
    public static final String VARIANTS = "'ʻ‘’ʼ`´ʹ";

    private UzbekApostrophes() {
    }

    /** {@code text} with each apostrophe variant replaced by {@code '}. */
    public static String unify(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\'' && VARIANTS.indexOf(c) >= 0) {
                if (out == null) {
                    out = new StringBuilder(text);
                }
                out.setCharAt(i, '\'');
            }
        }
        return out == null ? text : out.toString();
    }
}
