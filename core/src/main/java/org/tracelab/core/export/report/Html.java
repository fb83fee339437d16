package org.tracelab.core.export.report;

import org.tracelab.core.Printable;

/**
 * The one escaping of the report, used for every string that did not come from this code (captured URLs and paths,
 * tags, notes, custody parameters, case fields). It is safe in text and in double- or single-quoted attribute values:
 * markup characters become character references, so a captured {@code <script>}, event handler or
 * {@code javascript:} link is shown as text and never parsed as markup. Control characters are first shown as
 * escapes, as on the terminal.
 */
public final class Html {
    private Html() {
    }

    /** The text, escaped for HTML text and quoted attribute values. */
    public static String escape(Object value) {
        String s = Printable.of(value == null ? "" : value.toString());
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                case '`' -> sb.append("&#96;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }
}
