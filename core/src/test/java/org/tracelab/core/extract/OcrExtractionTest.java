package org.tracelab.core.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text read from images by Tesseract in the worker (needs Tesseract with rus and eng, as scripts/system-packages installs). */
class OcrExtractionTest {
    @TempDir
    static Path work;

    static TextExtractor extractor;

    @BeforeAll
    static void startWorker() {
        assumeTrue(Tesseract.find("tesseract").filter(t -> t.languages().containsAll(List.of("rus", "eng")))
                .isPresent(), "Tesseract with rus and eng is not installed");
        extractor = TextExtractor.start(ExtractorSettings.DEFAULTS.withTimeout(Duration.ofSeconds(60))
                .withOcr(OcrSettings.DEFAULTS.withLanguages(List.of("rus", "eng"))), work.resolve("extract"));
    }

    @AfterAll
    static void stopWorker() {
        if (extractor != null) {
            extractor.close();
        }
    }

    @Test
    void aCyrillicFlyerIsReadWithItsPhoneAndConfidence(@TempDir Path dir) throws IOException {
        Path png = TestImages.write(TestImages.flyer("РАБОТА В ДУБАЕ (вымышленное)", "Звоните: +998 90 123 45 67"),
                "png", dir.resolve("flyer.png"));
        try (Extraction x = extractor.extract(png, "flyer.png")) {
            assertTrue(x.complete(), () -> x.error().toString());
            assertTrue(x.text().contains("РАБОТА В ДУБАЕ"), x.text());
            assertTrue(x.text().contains("+998 90 123 45 67"), x.text());
            OcrReading ocr = x.ocr().orElseThrow();
            assertTrue(ocr.method().startsWith("Tesseract "), ocr.method());
            assertTrue(ocr.method().endsWith(" rus+eng"), ocr.method());
            assertTrue(ocr.confidence().orElseThrow() > 50, ocr.toString());
            assertEquals(1, ocr.spans().size());
            int phone = x.text().indexOf("+998");
            assertTrue(ocr.read(phone), ocr.spans() + " in " + x.text());
        }
    }
}
