package org.tracelab.core;

/**
 * Makes captured or user-given text safe to print on one terminal line: control characters (newlines, escape
 * sequences that could repaint the screen) are shown as escapes, so a hostile file name cannot forge output.
 */
public final class Printable {
    private Printable() {
    }

    /** The text with every control character written as {@code \n}, {@code \t}, {@code \x1b}-style escapes. */
    public static String of(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            boolean control = Character.isISOControl(ch) || ch == '\u2028' || ch == '\u2029' || ch == '\u202e';
            if (control && sb == null) {
                sb = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (sb != null) {
                if (!control) {
                    sb.append(ch);
                } else if (ch == '\n') {
                    sb.append("\\n");
                } else if (ch == '\r') {
                    sb.append("\\r");
                } else if (ch == '\t') {
                    sb.append("\\t");
                } else {
                    sb.append(String.format("\\u%04x", (int) ch));
                }
            }
        }
        return sb == null ? text : sb.toString();
    }
}
