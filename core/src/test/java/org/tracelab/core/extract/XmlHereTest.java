package org.tracelab.core.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sitemaps and feeds are extracted in this process, by the worker's own code: what comes out is what the worker
 * gives for the same bytes (sent to it here by a name that says nothing of XML), and hostile XML stays harmless.
 * All names, sites and numbers are fictitious.
 */
class XmlHereTest {
    private static final String SITEMAP = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <url><loc>http://lab.tracelab.invalid/ads/ad000001.html</loc><lastmod>2025-06-02</lastmod></url>
            <url><loc>http://lab.tracelab.invalid/ads/ad000002.html</loc></url>
            </urlset>
            """;
    private static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel>
            <title>Bozor Demo: new ads (fictitious)</title><link>http://lab.tracelab.invalid/</link>
            <description>A made-up classifieds site.</description>
            <item><title>Ofitsiantka kerak, Dubay</title><link>http://lab.tracelab.invalid/ads/ad000001.html</link>
            <pubDate>Mon, 2 Jun 2025 08:45:00 GMT</pubDate>
            <description>Oylik yuqori, tel +998 90 000 00 00, Telegram @fict_user_1</description></item>
            <item><title>Работа в Стамбуле</title><link>http://lab.tracelab.invalid/ads/ad000002.html</link>
            <description>Только девушки, пишите в личку @fict_user_2</description></item>
            </channel></rss>
            """;
    private static final String ATOM = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Fictitious feed</title>
            <updated>2025-06-02T08:45:00Z</updated><id>urn:uuid:00000000-0000-0000-0000-000000000001</id>
            <entry><title>Hotel maids needed in Poland</title><id>urn:uuid:00000000-0000-0000-0000-000000000002</id>
            <updated>2025-06-02T08:45:00Z</updated><summary>Write only in Telegram, @fict_user_3</summary></entry>
            </feed>
            """;

    @TempDir
    static Path work;

    static TextExtractor extractor;

    @BeforeAll
    static void start() {
        extractor = TextExtractor.start(ExtractorSettings.DEFAULTS.withWorkerHeapMb(384), work.resolve("extract"));
    }

    @AfterAll
    static void stop() {
        extractor.close();
    }

    @Test
    void sitemapsAndFeedsAreExtractedHereAsTheWorkerExtractsThem(@TempDir Path dir) throws IOException {
        for (Map.Entry<String, String> doc : Map.of("sitemap.xml", SITEMAP, "feed.xml", RSS, "atom.xml", ATOM)
                .entrySet()) {
            Path file = dir.resolve(doc.getKey());
            Files.writeString(file, doc.getValue(), StandardCharsets.UTF_8);
            assertTrue(TextExtractor.likelyInProcess(doc.getKey(), Optional.empty(), Files.size(file)));
            assertFalse(TextExtractor.likelyInProcess("document", Optional.empty(), Files.size(file)));
            try (Extraction here = extractor.extract(file, doc.getKey());
                 Extraction worker = extractor.extract(file, "document")) {
                assertTrue(here.complete(), () -> doc.getKey() + ": " + here.error());
                assertEquals(answers(worker), answers(here), doc.getKey());
                assertFalse(here.text().isBlank(), doc.getKey());
            }
        }
    }

    @Test
    void xmlThatIsNotSmallOrNotXmlGoesToTheWorker(@TempDir Path dir) throws IOException {
        assertFalse(TextExtractor.likelyInProcess("big.xml", Optional.empty(), InlineExtractor.MAX_BYTES + 1));
        assertTrue(TextExtractor.likelyInProcess("feed", Optional.of("application/rss+xml; charset=UTF-8"), 100));
        // Named XML but a picture: Tika's detection says so, and the worker reads it as one.
        Path png = TestImages.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png",
                dir.resolve("not-xml.xml"));
        try (Extraction x = extractor.extract(png, "not-xml.xml")) {
            assertEquals("image/png", x.contentType());
        }
    }

    @Test
    void entitiesAndDoctypesInXmlAreNotExpandedHere(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "fictitious-secret-0000");
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        laughs.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
        for (int i = 2; i <= 9; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10))
                    .append("\">\n");
        }
        laughs.append("<!ENTITY xxe SYSTEM \"").append(secret.toUri()).append("\">\n]>\n");
        laughs.append("<urlset><url><loc>&lol9;&xxe;</loc></url></urlset>\n");
        Path bomb = dir.resolve("sitemap-bomb.xml");
        Files.writeString(bomb, laughs);
        try (Extraction x = extractor.extract(bomb, "sitemap-bomb.xml")) {
            assertFalse(x.text().contains("fictitious-secret"), "an external entity is never read");
            assertTrue(x.text().length() < 1_000_000, "entities are not expanded a billion times");
        }
    }

    /** What the case records of an extraction, but for the name it was given (which Tika's metadata repeats). */
    private static List<Object> answers(Extraction x) {
        Map<String, List<String>> metadata = new LinkedHashMap<>(x.metadata());
        metadata.remove("resourceName");
        return List.of(x.text(), x.contentType(), x.title(), x.author(), x.created(), x.modified(), x.language(),
                x.error(), x.members().size(), x.notes(), metadata);
    }
}
