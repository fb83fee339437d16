package org.tracelab.core.export;

/**
 * Keeps captured text from running as a formula when a CSV export is opened in a spreadsheet (CSV injection).
 *
 * <p>A cell whose text starts with {@code =}, {@code +}, {@code -}, {@code @}, tab or carriage return is read as a
 * formula by Excel, LibreOffice and Google Sheets; a leading apostrophe makes them show it as text instead, which is
 * the OWASP advice. Numbers Tracelab writes itself are not text cells and are left alone.
 */
public final class SpreadsheetSafe {
    private SpreadsheetSafe() {
    }

    /** The text, with an apostrophe in front when a spreadsheet would otherwise take it as a formula. */
    public static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char c = text.charAt(0);
        boolean formula = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'
                // Full-width forms are folded to these by some spreadsheets.
                || c == '\uff1d' || c == '\uff0b' || c == '\uff0d' || c == '\uff20';
        return formula ? "'" + text : text;
    }
}
