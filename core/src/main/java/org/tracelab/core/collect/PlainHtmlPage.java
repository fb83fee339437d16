package org.tracelab.core.collect;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tells, without running Tika's ~850 magic numbers, a saved page that Tika would call {@code text/html}: named
 * {@code *.html} or {@code *.htm}, starting with {@code <!DOCTYPE html>} then an {@code <html>} element that declares
 * no namespace, in UTF-8 text without control characters, and holding none of the strings that a magic ranked above
 * HTML's doctype (priority 40) looks for past the doctype. Anything else is left to Tika, which answers for it.
 *
 * <p>Why the answer is Tika's: the doctype matches Tika's priority-40 HTML magic, so only a magic of higher priority
 * could win; those that look at the first 15 bytes cannot match the doctype, and the others (Tika 3.3.1's table, held
 * by {@code PlainHtmlPageTest} against the table itself) need a control byte, bytes that are not UTF-8, a line
 * that starts as a robots.txt rule, an EndNote field, an Illustrator comment or a DXF section does, or one of
 * {@link #SIGNATURES}. Tika then reads the root element, {@code html} without a namespace, which names
 * {@code text/html} again, and the file name's hint agrees.
 */
final class PlainHtmlPage {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+\\.html?");
    private static final List<String> DOCTYPES = List.of("<!DOCTYPE html>", "<!DOCTYPE HTML>", "<!doctype html>",
            "<!doctype HTML>");
    /**
     * Signatures of higher-priority magics that an HTML page's text could hold past its doctype, without a control
     * byte: TMX, Mobipocket, InDesign, FreeHand, MOD music, ICC profiles, SC and Gnumeric spreadsheets, DICOM,
     * ISO 9660 images, Word and Excel streams. Looked for anywhere in the header, stricter than Tika's offsets.
     */
    static final List<String> SIGNATURES = List.of("<tmx", "BOOKMOBI", "<?aid", "FreeHand1", "BMOD2STM", "acsp",
            "Spreadsheet", "=<gmr:Workbook", "DICM", "CD001", "MSWordDoc", "Biff5", "M.K.", "M!K!", "4CHN", "6CHN",
            "8CHN", "16CN", "32CN", "CD81", "OKTA", "FLT4", "FLT8");
    /** {@link #SIGNATURES} by their first byte (all are ASCII); null where none starts so. */
    private static final String[][] SIGNATURES_BY_FIRST_BYTE = byFirstByte(SIGNATURES);

    /** Characters decoded at a time when the header is checked for UTF-8. */
    private static final int DECODE_CHUNK = 4096;
    private static final List<String> ROBOTS_RULES = List.of("user-agent:", "allow:", "disallow:", "sitemap:");

    private PlainHtmlPage() {
    }

    /** True when {@code fileName} is one Tika's name hint calls {@code text/html} and reads as a plain name. */
    static boolean named(String fileName) {
        return fileName != null && NAME.matcher(fileName).matches();
    }

    /**
     * True when Tika's magic would call {@code header} (a file's first {@link MediaTypes#HEADER_BYTES} bytes, or all
     * of a shorter file) {@code text/html}, by the rules above; false when it cannot be told this cheaply.
     */
    static boolean is(byte[] header) {
        int at = doctypeEnd(header);
        return at > 0
                && plainHtmlElement(header, skipSpace(header, at))
                && utf8Text(header)
                && !lineStartsLikeAHeader(header)
                && !holdsSignature(header);
    }

    private static int doctypeEnd(byte[] b) {
        for (String d : DOCTYPES) {
            if (startsWith(b, 0, d)) {
                return d.length();
            }
        }
        return -1;
    }

    /** An {@code <html>} start tag at {@code at} whose attributes (to the first {@code >} unquoted) hold no xmlns. */
    private static boolean plainHtmlElement(byte[] b, int at) {
        if (!startsWith(b, at, "<html") || at + 5 >= b.length) {
            return false;
        }
        int c = b[at + 5];
        if (c != '>' && !space(c)) {
            return false;
        }
        int quote = 0;
        int end = -1;
        for (int i = at + 5; i < b.length; i++) {
            int x = b[i];
            if (quote != 0) {
                quote = x == quote ? 0 : quote;
            } else if (x == '"' || x == '\'') {
                quote = x;
            } else if (x == '>') {
                end = i;
                break;
            }
        }
        if (end < 0) {
            return false;
        }
        String tag = new String(b, at, end - at, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        return !tag.contains("xmlns");
    }

    /**
     * Strict UTF-8 with no control character but tab, line feed, form feed and carriage return; a sequence cut by the
     * header's end is not a fault.
     */
    private static boolean utf8Text(byte[] b) {
        for (byte x : b) {
            int c = x & 0xff;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r' || c == 0x7f) {
                return false;
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // Decoded a piece at a time into one small buffer: only whether the bytes decode is wanted, not the text.
        ByteBuffer in = ByteBuffer.wrap(b);
        CharBuffer out = CharBuffer.allocate(DECODE_CHUNK);
        while (true) {
            CoderResult r = decoder.decode(in, out, false);
            if (r.isError()) {
                return false;
            }
            if (r.isUnderflow()) {
                return true; // all decoded, or a sequence cut by the header's end
            }
            out.clear();
        }
    }

    /**
     * A line that starts as an EndNote field or Illustrator comment does ({@code %}), as a DXF section does, or as a
     * robots.txt rule does ({@code User-agent:}, {@code Allow:}, {@code Disallow:}, {@code Sitemap:}, two of which make
     * a robots file for Tika). Mail and HTTP headers need their first line at the file's start, where the doctype is.
     */
    private static boolean lineStartsLikeAHeader(byte[] b) {
        for (int i = 0; i + 1 < b.length; i++) {
            if (b[i] != '\n' && b[i] != '\r') {
                continue;
            }
            int start = i + 1;
            if (b[start] == '%' || startsWith(b, start, "SECTION") || startsWith(b, start, "HEADER")
                    || startsWith(b, start, "ENTITIES")) {
                return true;
            }
            for (String rule : ROBOTS_RULES) {
                if (startsWithIgnoringCase(b, start, rule)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean startsWithIgnoringCase(byte[] b, int at, String lowerCase) {
        if (at + lowerCase.length() > b.length) {
            return false;
        }
        for (int i = 0; i < lowerCase.length(); i++) {
            int c = b[at + i];
            if ((c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c) != lowerCase.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether any of {@link #SIGNATURES} occurs in {@code b}: one pass that tries only the signatures starting with
     * the byte at hand. Searched one signature at a time, the 23 passes over a 64 KiB header were a tenth of an
     * import's CPU (docs/BENCHMARKS.md, session 14).
     */
    static boolean holdsSignature(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            String[] starting = SIGNATURES_BY_FIRST_BYTE[b[i] & 0xff];
            if (starting != null) {
                for (String sig : starting) {
                    if (startsWith(b, i, sig)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String[][] byFirstByte(List<String> signatures) {
        String[][] table = new String[256][];
        for (String sig : signatures) {
            int first = sig.charAt(0);
            String[] was = table[first] == null ? new String[0] : table[first];
            String[] now = java.util.Arrays.copyOf(was, was.length + 1);
            now[was.length] = sig;
            table[first] = now;
        }
        return table;
    }

    private static int skipSpace(byte[] b, int at) {
        while (at < b.length && space(b[at])) {
            at++;
        }
        return at;
    }

    private static boolean space(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private static boolean startsWith(byte[] b, int at, String s) {
        if (at + s.length() > b.length) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (b[at + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
