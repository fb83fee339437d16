package org.tracelab.core.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MimeTypes;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * {@link PlainHtmlPage} answers only where Tika's own magic says {@code text/html}: on typical pages, and on pages that
 * carry, past their doctype, the signatures of every magic Tika ranks above the doctype (read from Tika's own table,
 * so a Tika upgrade with new signatures is checked too). All pages are made by the test and fictitious.
 */
class PlainHtmlPageTest {
    private static final String DOCTYPE_AND_ROOT = "<!DOCTYPE html><html>";
    /** The regex magics above priority 40 that reach past the doctype, each with a text that it matches. */
    private static final Map<String, String> REGEX_EXAMPLES = Map.of(
            "[\\r\\n]%AI5_FileFormat [1-4][\\r\\n]", "\n%AI5_FileFormat 3\n",
            "(999\\r?\\n[^\\r\\n]{0,64}\\\\s+)?0\\r?\\nSECTION\\r?\\n", "0\nSECTION\n",
            "2\\r?\\n(?:HEADER|ENTITIES)\\r?\\n", "2\nHEADER\n",
            "\\\\xFF[\\\\xE3\\\\xF2-\\\\xF7\\\\xFA-\\\\xFD\\\\xFF]", "\u00ff\u00fb",
            "(\\x01|\\x02|\\x04|\\x08|\\x10|\\x20\\x40|x80)", "\u0001");

    @Test
    void typicalPagesAreToldAsTikaTellsThem() throws IOException {
        for (String page : List.of(
                "<!DOCTYPE html>\n<html lang=\"uz\">\n<head><meta charset=\"utf-8\">"
                        + "<title>Ish (fictitious)</title></head>\n<body><p>Ishga taklif: +998 90 000 00 00</p>"
                        + "</body></html>\n",
                "<!doctype html><html><body><div>Работа за границей (вымышлено)</div></body></html>",
                "<!DOCTYPE HTML>\r\n<html data-x='a>b' lang=en><body>Hi</body></html>")) {
            byte[] b = page.getBytes(StandardCharsets.UTF_8);
            assertTrue(PlainHtmlPage.is(b), page);
            assertEquals("text/html", tika(b, "ad.html"), page);
            assertEquals("text/html", MediaTypes.detect(new ByteArrayInputStream(b), "ad.html"));
        }
    }

    @Test
    void pagesTikaMightNameOtherwiseAreLeftToTika() {
        for (String page : List.of(
                "<!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\"><body></body></html>",
                "<?xml version=\"1.0\"?><!DOCTYPE html><html><body></body></html>",
                "\uFEFF<!DOCTYPE html><html><body></body></html>",
                "<!DOCTYPE html><!-- c --><html><body></body></html>",
                "<!DOCTYPE html>\n<html>\nUser-agent: *\nDisallow: /\n</html>",
                "<!DOCTYPE html><html><body>\u0001</body></html>",
                "<!DOCTYPE html><html><body><tmx></tmx></body></html>")) {
            assertFalse(PlainHtmlPage.is(page.getBytes(StandardCharsets.UTF_8)), page);
        }
        assertFalse(PlainHtmlPage.is("<!DOCTYPE html><html><body>\u00e9</body></html>"
                .getBytes(StandardCharsets.ISO_8859_1)), "not UTF-8");
        assertFalse(PlainHtmlPage.named("ad.php"));
        assertFalse(PlainHtmlPage.named("a#b.html"));
        assertFalse(PlainHtmlPage.named(null));
        assertTrue(PlainHtmlPage.named("ad-00012.htm"));
    }

    @Test
    void theOnePassSignatureSearchFindsWhatAStringSearchFinds() {
        java.util.Random random = new java.util.Random(14);
        byte[] alphabet = "<?abBCDFMOSK!.=1234568acspmotx \n".getBytes(StandardCharsets.ISO_8859_1);
        for (int round = 0; round < 3_000; round++) {
            byte[] b = new byte[random.nextInt(200)];
            for (int i = 0; i < b.length; i++) {
                b[i] = alphabet[random.nextInt(alphabet.length)];
            }
            if (b.length > 10 && random.nextBoolean()) {
                String sig = PlainHtmlPage.SIGNATURES.get(random.nextInt(PlainHtmlPage.SIGNATURES.size()));
                // planted whole, or cut short by the end of the bytes
                int at = random.nextInt(b.length);
                byte[] sb = sig.getBytes(StandardCharsets.ISO_8859_1);
                System.arraycopy(sb, 0, b, at, Math.min(sb.length, b.length - at));
            }
            String text = new String(b, StandardCharsets.ISO_8859_1);
            boolean expected = PlainHtmlPage.SIGNATURES.stream().anyMatch(text::contains);
            assertEquals(expected, PlainHtmlPage.holdsSignature(b), text);
        }
    }

    @Test
    void aLongPageIsCheckedForUtf8ToItsLastByte() {
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html lang=\"ru\"><body>");
        while (page.length() < 30_000) {
            page.append("<p>Работа за границей, жильё (вымышлено) — ish taklifi ✓</p>\n");
        }
        byte[] good = page.toString().getBytes(StandardCharsets.UTF_8);
        assertTrue(PlainHtmlPage.is(good), "valid UTF-8 across many decoding pieces");
        byte[] bad = good.clone();
        bad[bad.length - 10] = (byte) 0xC3; // a lead byte followed by ASCII: malformed, far past the first piece
        bad[bad.length - 9] = 'x';
        assertFalse(PlainHtmlPage.is(bad), "malformed near the end");
        byte[] cut = java.util.Arrays.copyOf(good, good.length - 1);
        while ((cut[cut.length - 1] & 0xC0) == 0x80 || (cut[cut.length - 1] & 0x80) == 0) {
            cut = java.util.Arrays.copyOf(cut, cut.length - 1); // end inside a multi-byte sequence
        }
        assertTrue(PlainHtmlPage.is(cut), "a sequence cut by the header's end is no fault");
    }

    @Test
    void noMagicRankedAboveTheDoctypeIsMissed() throws Exception {
        List<List<Element>> magics = higherMagics();
        Set<String> regexes = new TreeSet<>();
        int pages = 0;
        List<String> missed = new ArrayList<>();
        for (List<Element> leaves : magics) {
            for (Element leaf : leaves) {
                if (leaf.getAttribute("type").equals("regex") && reachesPastDoctype(leaf)) {
                    regexes.add(leaf.getAttribute("value"));
                }
                byte[] value = value(leaf);
                if (value != null) {
                    byte[] alone = page(List.of(leaf));
                    if (alone != null) {
                        check(alone, leaf, missed);
                        pages++;
                    }
                }
            }
            // All of a magic's matches at once, and all those that start a line (headers, of which some magics
            // want two or more), so that magics of several matches are tried as well.
            List<Element> lines = leaves.stream().filter(PlainHtmlPageTest::startsALine).toList();
            for (List<Element> together : List.of(leaves, lines)) {
                byte[] page = page(together);
                if (page != null) {
                    check(page, together.getFirst(), missed);
                    pages++;
                }
            }
        }
        assertEquals(new TreeSet<>(REGEX_EXAMPLES.keySet()), regexes,
                "a regex magic above the doctype that this test has no example for");
        assertTrue(pages > 250, "pages checked: " + pages);
        assertEquals(List.of(), missed);
    }

    private static void check(byte[] page, Element leaf, List<String> missed) throws IOException {
        if (PlainHtmlPage.is(page)) {
            String tika = tika(page, "page.html");
            if (!tika.equals("text/html")) {
                missed.add(tika + " from " + leaf.getAttribute("type") + " " + leaf.getAttribute("offset") + " "
                        + leaf.getAttribute("value"));
            }
        }
    }

    private static String tika(byte[] page, String name) throws IOException {
        Metadata m = new Metadata();
        m.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        return MimeTypes.getDefaultMimeTypes().detect(new ByteArrayInputStream(page), m).toString();
    }

    /** A doctype page with each leaf that fits placed at the first offset it allows past the root tag; null if none. */
    private static byte[] page(List<Element> leaves) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(DOCTYPE_AND_ROOT.getBytes(StandardCharsets.US_ASCII));
        boolean any = false;
        for (Element leaf : leaves) {
            byte[] value = value(leaf);
            if (value == null) {
                continue;
            }
            int[] range = range(leaf);
            int at = Math.max(range[0], out.size());
            if (at > range[1] || at + value.length > MediaTypes.HEADER_BYTES) {
                continue;
            }
            while (out.size() < at) {
                out.write(' ');
            }
            out.writeBytes(value);
            any = true;
        }
        out.writeBytes(" </html>".getBytes(StandardCharsets.US_ASCII));
        return any ? out.toByteArray() : null;
    }

    private static boolean startsALine(Element leaf) {
        byte[] value = value(leaf);
        return value != null && value.length > 0 && (value[0] == '\n' || value[0] == '\r');
    }

    private static boolean reachesPastDoctype(Element leaf) {
        return range(leaf)[1] + 1 >= DOCTYPE_AND_ROOT.length() - 6;
    }

    private static int[] range(Element leaf) {
        String offset = leaf.getAttribute("offset").isEmpty() ? "0" : leaf.getAttribute("offset");
        String[] p = offset.split(":");
        int a = Integer.parseInt(p[0]);
        return new int[] {a, p.length > 1 ? Integer.parseInt(p[1]) : a};
    }

    /** Every match under each magic ranked above 40 (Tika's default rank is 50). */
    private static List<List<Element>> higherMagics() throws Exception {
        List<List<Element>> out = new ArrayList<>();
        try (InputStream in = MimeTypes.class.getResourceAsStream("tika-mimetypes.xml")) {
            var doc = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(in);
            var magics = doc.getElementsByTagName("magic");
            for (int i = 0; i < magics.getLength(); i++) {
                Element magic = (Element) magics.item(i);
                String p = magic.getAttribute("priority");
                if ((p.isEmpty() ? 50 : Integer.parseInt(p)) > 40) {
                    List<Element> leaves = new ArrayList<>();
                    collect(magic, leaves);
                    out.add(leaves);
                }
            }
        }
        return out;
    }

    private static void collect(Node n, List<Element> out) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && e.getTagName().equals("match")) {
                out.add(e);
                collect(e, out);
            }
        }
    }

    /** The bytes a match looks for, decoded as Tika's MagicDetector decodes them; a regex by its example. */
    private static byte[] value(Element leaf) {
        String type = leaf.getAttribute("type").isEmpty() ? "string" : leaf.getAttribute("type");
        String value = leaf.getAttribute("value");
        if (type.equals("regex")) {
            return REGEX_EXAMPLES.containsKey(value) ? REGEX_EXAMPLES.get(value).getBytes(StandardCharsets.ISO_8859_1)
                    : null;
        }
        return TikaMagics.decodeValue(value, type);
    }
}
