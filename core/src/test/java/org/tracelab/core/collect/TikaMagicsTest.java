package org.tracelab.core.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.tika.detect.MagicDetector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * {@link TikaMagics} reads every rule of Tika's table as Tika does and holds exactly where Tika's own detector for
 * the rule matches, so that "no magic can match" is never said of bytes some magic matches; and {@link MediaTypes}
 * then gives Tika's answer. Every byte here is made by the test (random with a fixed seed, or a rule's own pattern).
 */
class TikaMagicsTest {
    private static final Random RANDOM = new Random(20);
    /** What Tika's detector for one rule answers when the rule matches (it answers octet-stream when not). */
    private static final MediaType MATCHED = MediaType.parse("application/x-rule-matched");

    @Test
    void everyRuleOfTikasTableIsReadAsTikaReadsIt() throws Exception {
        List<Element> rules = rules();
        assertTrue(rules.size() > 1_000, "rules: " + rules.size());
        for (Element r : rules) {
            TikaMagics.Window w = window(r);
            assertFalse(w.unknown(), "unread: " + describe(r));
            // Tika's detector prints what it decoded, byte for byte, pattern and mask
            String tika = tikaRule(r).toString();
            String ours = "Magic Detection for " + MATCHED + " looking for " + w.pattern().length
                    + " bytes = " + Arrays.toString(w.pattern()) + " mask = " + Arrays.toString(w.mask());
            assertEquals(tika, ours, describe(r));
        }
        assertTrue(TikaMagics.table().isPresent(), "Tika's own table alone is on the class path");
        assertTrue(TikaMagics.table().orElseThrow().size() > 800);
    }

    @Test
    void everyRuleHoldsExactlyWhereTikasDetectorMatches() throws Exception {
        List<byte[]> samples = new ArrayList<>(List.of(new byte[0], new byte[1], new byte[100], new byte[9_000],
                random(1), random(3), random(64), random(2_097), random(70_000),
                "P4\n1 1\n".getBytes(StandardCharsets.US_ASCII), "BZh91AY&SY".getBytes(StandardCharsets.US_ASCII),
                "<html><body>x</body></html>".getBytes(StandardCharsets.US_ASCII),
                "function f = g\n".getBytes(StandardCharsets.US_ASCII),
                "X-Mailer: test (fictitious)\r\n\r\nbody".getBytes(StandardCharsets.US_ASCII),
                "digraph g { a -> b }".getBytes(StandardCharsets.US_ASCII),
                "\n%AI5_FileFormat 3\n".getBytes(StandardCharsets.US_ASCII),
                "%!PS-Adobe-3.0\r\n%%Creator: x (fictitious)\r%AI5_FileFormat 4\r\n"
                        .getBytes(StandardCharsets.US_ASCII),
                "\u0000\u0000\u0000ID3".getBytes(StandardCharsets.ISO_8859_1),
                "\r\n\u00ff\u00fb".getBytes(StandardCharsets.ISO_8859_1),
                "strict digraph g {}".getBytes(StandardCharsets.US_ASCII),
                "/* c */ graph g {}".getBytes(StandardCharsets.US_ASCII),
                "12345nam a2200".getBytes(StandardCharsets.US_ASCII),
                "FCS3.0    ".getBytes(StandardCharsets.US_ASCII),
                "JAVA PROFILE 1.0.2,".getBytes(StandardCharsets.US_ASCII),
                "999\r\ncomment\n  0\r\nSECTION\r\n".getBytes(StandardCharsets.US_ASCII),
                "<h1 class=x>T</h1>".getBytes(StandardCharsets.US_ASCII),
                "DC\u0007\u0001".getBytes(StandardCharsets.ISO_8859_1),
                "ARC-Seal: i=1 (fictitious)".getBytes(StandardCharsets.US_ASCII),
                "0\nSECTION\n".getBytes(StandardCharsets.US_ASCII)));
        List<Element> rules = rules();
        // and bytes made to match rules: each rule's pattern at the first and last offsets it allows, tried on the
        // rule itself and, for every tenth rule, on all the others
        List<byte[]> shared = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            TikaMagics.Window w = window(rules.get(i));
            if (w.regex() == null && i % 10 == 0) {
                shared.add(placed(w, w.begin(), 0));
                shared.add(placed(w, w.end(), 200));
            }
        }
        samples.addAll(shared);
        int held = 0;
        for (Element r : rules) {
            TikaMagics.Window w = window(r);
            MagicDetector tika = tikaRule(r);
            List<byte[]> tried = new ArrayList<>(samples);
            if (w.regex() == null) {
                tried.add(placed(w, w.begin(), 0));
                tried.add(placed(w, w.end(), 200));
            }
            for (byte[] s : tried) {
                boolean tikaMatches = tika.detect(new ByteArrayInputStream(s), new Metadata()).equals(MATCHED);
                assertEquals(tikaMatches, w.mayHold(s), describe(r) + " on " + s.length + " bytes");
                held += tikaMatches ? 1 : 0;
            }
        }
        assertTrue(held > rules.size(), "made bytes matched rules only " + held + " times");
    }

    @Test
    void bytesThatHoldAMagicsTopRuleAreAlwaysLeftToTika() throws Exception {
        TikaMagics table = TikaMagics.table().orElseThrow();
        int tops = 0;
        for (Element r : rules()) {
            TikaMagics.Window w = window(r);
            if (w.regex() == null && r.getParentNode() instanceof Element p && p.getTagName().equals("magic")) {
                for (byte[] b : List.of(placed(w, w.begin(), 0), placed(w, w.end(), 100))) {
                    byte[] zeros = new byte[b.length];
                    System.arraycopy(w.pattern(), 0, zeros, w.begin(), w.pattern().length);
                    assertTrue(table.mayMatch(b), describe(r));
                    assertTrue(table.mayMatch(zeros), describe(r));
                }
                tops++;
            }
        }
        assertTrue(tops > 700, "top rules: " + tops);
    }

    @Test
    void bytesOnlyMagicsOfOneRuleMatchAreToldTheTypeTikasMagicsGive() throws Exception {
        // each top rule's pattern placed at the first and last offsets it allows, in random bytes and in zeros: where
        // the table settles the type, Tika's own detection without a name says the same; with names, MediaTypes
        // equals Tika either way
        TikaMagics table = TikaMagics.table().orElseThrow();
        List<String> names = Arrays.asList(null, "f.bin", "f.jpg", "f.txt", "f.xml", "f");
        int settled = 0;
        int typed = 0;
        for (Element r : rules()) {
            TikaMagics.Window w = window(r);
            if (w.regex() != null || !(r.getParentNode() instanceof Element p && p.getTagName().equals("magic"))) {
                continue;
            }
            List<byte[]> placed = new ArrayList<>(List.of(placed(w, w.begin(), 0), placed(w, w.end(), 100)));
            byte[] zeros = new byte[w.begin() + w.pattern().length + 50];
            System.arraycopy(w.pattern(), 0, zeros, w.begin(), w.pattern().length);
            placed.add(zeros);
            for (byte[] b : placed) {
                var types = table.magicTypes(b);
                if (types.isPresent()) {
                    settled++;
                    if (types.get().size() == 1) {
                        typed++;
                        String tika = MimeTypes.getDefaultMimeTypes().detect(new ByteArrayInputStream(b),
                                new Metadata()).toString();
                        String type = MimeTypes.getDefaultMimeTypes().forName(types.get().get(0)).toString();
                        if (!MediaTypes.XML_ROOTED.contains(type)) {
                            assertEquals(tika, type, describe(r));
                        }
                    }
                }
                for (String name : names) {
                    assertEquals(MediaTypes.tika(b, name), MediaTypes.detect(b, name), describe(r) + ", " + name);
                }
            }
        }
        assertTrue(typed > 1_000, "bytes whose magic type was settled: " + typed + " of " + settled);
    }

    @Test
    void aMagicWithNestedRulesIsLeftToTika() throws Exception {
        // image/svg+xml's magic: "<svg" at 0, narrowed by the namespace within 5:256
        TikaMagics table = TikaMagics.table().orElseThrow();
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.US_ASCII);
        assertTrue(table.mayMatch(svg));
        assertTrue(table.magicTypes(svg).isEmpty());
        byte[] jpeg = random(5_000);
        jpeg[0] = (byte) 0xff;
        jpeg[1] = (byte) 0xd8;
        jpeg[2] = (byte) 0xff;
        byte[] zeroJpeg = new byte[5_000];
        System.arraycopy(jpeg, 0, zeroJpeg, 0, 3);
        assertEquals(java.util.Optional.of(List.of("image/jpeg")), table.magicTypes(zeroJpeg));
        assertEquals(java.util.Optional.of(List.of()), table.magicTypes(new byte[100]));
        // a magic of more rules whose top rule holds at a lower priority (PDF's "%%" within 0:128, priority 40)
        // cannot outrank a JPEG's magic (50), whether its nested "%PDF-1." holds or not
        for (String inside : List.of("%%", "%%%PDF-1.4")) {
            byte[] b = zeroJpeg.clone();
            byte[] s = inside.getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(s, 0, b, 20, s.length);
            assertTrue(table.mayMatch(b));
            assertEquals(java.util.Optional.of(List.of("image/jpeg")), table.magicTypes(b), inside);
            assertEquals("image/jpeg", MediaTypes.tika(b, "f.bin"), inside);
        }
        // one of more rules at a higher priority (a signed container's 60 over ZIP's 50) leaves it to Tika
        byte[] zip = new byte[200];
        System.arraycopy("PK\u0003\u0004".getBytes(StandardCharsets.ISO_8859_1), 0, zip, 0, 4);
        assertTrue(table.magicTypes(zip).isEmpty());
    }

    @Test
    void filesGetTikasOwnMediaType() throws Exception {
        List<byte[]> samples = new ArrayList<>(List.of(new byte[0], new byte[5], random(1), random(2_097),
                random(70_000), "a,b\n1,2\n".getBytes(StandardCharsets.US_ASCII),
                "Ish e'loni (fictitious)\n".getBytes(StandardCharsets.UTF_8),
                "Работа (вымышлено)\n".getBytes(StandardCharsets.UTF_8),
                "{\"a\": 1}".getBytes(StandardCharsets.US_ASCII),
                "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.US_ASCII),
                "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII)));
        List<String> names = Arrays.asList(null, "f.bin", "f.txt", "f.csv", "f.json", "f.svg", "f.html", "f.pdf",
                "f.docx", "f", "weird name #1.dat", "http://example.invalid/x.php", "a.tar.gz");
        int fast = 0;
        TikaMagics table = TikaMagics.table().orElseThrow();
        for (byte[] s : samples) {
            fast += table.mayMatch(s) ? 0 : 1;
            for (String name : names) {
                assertEquals(MediaTypes.tika(s, name), MediaTypes.detect(s, name), name + ", " + s.length + " bytes");
            }
        }
        assertTrue(fast >= 5, "bytes no magic matches: " + fast);
    }

    @Test
    void anotherTableOnTheClassPathLeavesEveryAnswerToTika(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("custom-mimetypes.xml"), "<mime-info/>");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                MimeTypes.class.getClassLoader())) {
            assertTrue(TikaMagics.load(loader).isEmpty());
        }
    }

    /** The rule's pattern at {@code at}, in random bytes, with {@code after} more random bytes past it. */
    private static byte[] placed(TikaMagics.Window w, int at, int after) {
        byte[] b = random(at + w.pattern().length + after);
        System.arraycopy(w.pattern(), 0, b, at, w.pattern().length);
        return b;
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private static TikaMagics.Window window(Element r) {
        return TikaMagics.Window.of(kind(r), attr(r, "offset"), attr(r, "value"), attr(r, "mask"));
    }

    private static MagicDetector tikaRule(Element r) {
        return MagicDetector.parse(MATCHED, kind(r), attr(r, "offset"), attr(r, "value"),
                attr(r, "mask"));
    }

    private static String kind(Element r) {
        return r.hasAttribute("type") ? r.getAttribute("type") : "string";
    }

    private static String attr(Element r, String name) {
        return r.hasAttribute(name) ? r.getAttribute(name) : null;
    }

    private static String describe(Element r) {
        return kind(r) + " " + attr(r, "offset") + " " + attr(r, "value") + " " + attr(r, "mask");
    }

    /** Every match rule of Tika's table, nested ones too, but not the minShouldMatch groups. */
    private static List<Element> rules() throws Exception {
        List<Element> out = new ArrayList<>();
        try (InputStream in = MimeTypes.class.getClassLoader().getResourceAsStream(TikaMagics.TABLE)) {
            var doc = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(in);
            var matches = doc.getElementsByTagName("match");
            for (int i = 0; i < matches.getLength(); i++) {
                Element m = (Element) matches.item(i);
                if (!m.hasAttribute("minShouldMatch")) {
                    out.add(m);
                }
            }
        }
        return out;
    }
}
