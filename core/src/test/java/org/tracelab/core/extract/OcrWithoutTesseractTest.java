package org.tracelab.core.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A machine without Tesseract: images are stored and described, their text unread, and one line says why. */
class OcrWithoutTesseractTest {
    @Test
    void withNoTesseractAtTheGivenPathImagesAreExtractedWithoutOcrAndOneLineSaysWhatToInstall(@TempDir Path dir)
            throws IOException {
        Path missing = dir.resolve("no-such-folder/tesseract");
        ExtractorSettings settings = ExtractorSettings.DEFAULTS.withOcr(OcrSettings.DEFAULTS
                .withTesseract(missing.toString()).withLanguages(List.of("uzb", "uzb_cyrl", "rus", "eng")));
        Path png = TestImages.write(TestImages.flyer("NO OCR HERE (FICTITIOUS)", "+998 90 555 01 04"), "png",
                dir.resolve("flyer.png"));
        Path pdf = TestDocuments.pdf(dir, "Fictitious contract", "Cadet", "Contract text, call +998 90 555 01 05");
        try (TextExtractor extractor = TextExtractor.start(settings, dir.resolve("extract"))) {
            try (Extraction x = extractor.extract(png, "flyer.png")) {
                assertEquals("image/png", x.contentType());
                assertTrue(x.complete(), () -> x.error().toString());
                assertTrue(x.ocr().isEmpty());
                assertTrue(x.text().isBlank(), x.text());
            }
            try (Extraction x = extractor.extract(pdf, "contract.pdf")) {
                assertTrue(x.text().contains("+998 90 555 01 05"), "the rest goes on: " + x.text());
            }
            OcrPlan plan = extractor.ocrPlan().orElseThrow();
            assertTrue(!plan.on());
            String note = plan.note().orElseThrow();
            assertTrue(note.startsWith("OCR skipped: no Tesseract at '" + missing + "'"), note);
            assertTrue(note.contains("apt-get install tesseract-ocr tesseract-ocr-uzb tesseract-ocr-uzb-cyrl"
                    + " tesseract-ocr-rus tesseract-ocr-eng"), note);
            assertTrue(!note.contains("\n"), "one line");
        }
    }

    @Test
    void languagesWithoutTraineddataAreLeftOutAndNamed() {
        Tesseract installed = new Tesseract(Path.of("/usr/bin/tesseract"), "5.3.0", Path.of("/tessdata"),
                java.util.Set.of("rus", "eng"));
        OcrPlan plan = OcrPlan.of(OcrSettings.DEFAULTS.withLanguages(List.of("uzb", "uzb_cyrl", "rus", "eng")),
                command -> java.util.Optional.of(installed));
        assertEquals(List.of("rus", "eng"), plan.languages());
        assertEquals("Tesseract 5.3.0 rus+eng", plan.method().orElseThrow());
        assertEquals("OCR reads rus+eng without uzb+uzb_cyrl, not installed; as root run apt-get install"
                + " tesseract-ocr-uzb tesseract-ocr-uzb-cyrl", plan.note().orElseThrow());
    }

    @Test
    void aCaseRegionDecidesTheLanguagesAndOcrLangChangesThem() {
        assertEquals(List.of("uzb", "uzb_cyrl", "rus", "eng"), OcrLanguages.OF_REGION.resolve("UZ"));
        assertEquals(List.of("kaz", "rus", "eng"), OcrLanguages.OF_REGION.resolve("KZ"));
        assertEquals(List.of("kir", "rus", "eng"), OcrLanguages.OF_REGION.resolve("KG"));
        assertEquals(List.of("tgk", "rus", "eng"), OcrLanguages.OF_REGION.resolve("TJ"));
        assertEquals(List.of("tur", "eng"), OcrLanguages.OF_REGION.resolve("TR"));
        assertEquals(List.of("eng"), OcrLanguages.OF_REGION.resolve("DE"));
        assertEquals(List.of("rus", "uzb_cyrl"), OcrLanguages.parse("rus+uzb_cyrl").resolve("UZ"));
        assertEquals(List.of("kaz", "eng"), OcrLanguages.parse("kaz, eng").resolve("UZ"));
        assertEquals(List.of(), OcrLanguages.parse("none").resolve("UZ"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> OcrLanguages.parse("uzbek"));
        assertTrue(e.getMessage().contains("'uzbek' is no Tesseract language code"), e.getMessage());
    }

    @Test
    void noLanguagesMeansNoOcrAndNothingToSay() {
        OcrPlan plan = OcrPlan.of(OcrSettings.DEFAULTS.withLanguages(List.of()), command -> {
            throw new AssertionError("Tesseract is not looked for when no language is to be read");
        });
        assertTrue(!plan.on());
        assertTrue(plan.note().isEmpty());
    }
}
