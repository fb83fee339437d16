package org.tracelab.core.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.ocr.TesseractOCRParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Pictures read by the Tesseract the worker keeps: the same events as Tika's own run of Tesseract, one thread of
 * OpenMP, and a picture that hangs or kills Tesseract is one recorded error, the pictures around it read.
 */
class KeptOcrTest {
    @Test
    void aPictureReadByTheKeptTesseractReachesTheHandlerAsTikasOwnRunPassesIt(@TempDir Path dir) throws Exception {
        Tesseract real = Tesseract.find("tesseract").orElse(null);
        assumeTrue(real != null && real.languages().contains("eng"), "Tesseract with eng is not installed");
        Path picture = dir.resolve("flyer.pgm");
        OcrPicture.writePgm(TestImages.flyer("SAME EVENTS (FICTITIOUS)", "Call +998 90 555 01 06"), picture);

        TesseractOCRParser tika = new TesseractOCRParser();
        tika.setTesseractPath(real.binary().getParent().toString());
        tika.setTessdataPath(real.tessdata().toString());
        tika.initialize(Map.of());
        TesseractOCRConfig config = new TesseractOCRConfig();
        config.setLanguage("eng");
        config.setPageSegMode(TikaDocumentParser.PAGE_SEGMENTATION);
        config.setOutputType(TesseractOCRConfig.OUTPUT_TYPE.HOCR);
        config.setEnableImagePreprocessing(false);
        config.setApplyRotation(false);
        ParseContext context = new ParseContext();
        context.set(TesseractOCRConfig.class, config);
        Recorder theirs = new Recorder();
        Metadata theirMetadata = ocrPng();
        try (InputStream in = TikaInputStream.get(picture)) {
            tika.parse(in, theirs, theirMetadata, context);
        }

        Recorder ours = new Recorder();
        Metadata ourMetadata = ocrPng();
        try (KeptTesseract kept = new KeptTesseract(real.binary(), real.tessdata(), "eng", "3")) {
            Path first = dir.resolve("first.pgm");
            OcrPicture.writePgm(TestImages.flyer("FIRST (FICTITIOUS)"), first);
            kept.read(first, Duration.ofSeconds(60)); // so that ours is the kept Tesseract's second page
            TikaHocr.read(kept.read(picture, Duration.ofSeconds(60)), ours, ourMetadata, new ParseContext());
        }
        assertTrue(String.join("", theirs.events).contains("555"), theirs.events.toString());
        assertEquals(theirs.events, ours.events);
        assertEquals(theirMetadata.toString(), ourMetadata.toString());
        assertEquals("image/png", ourMetadata.get(Metadata.CONTENT_TYPE));
    }

    @Test
    void tesseractRunsWithOneOpenMpThreadAndAHangOrACrashIsOneRecordedError(@TempDir Path dir) throws Exception {
        Path program = StandInTesseract.install(Files.createDirectory(dir.resolve("bin")));
        // 8 s a document: Tesseract is given 6 s a picture, and stopped then, before the worker would be.
        ExtractorSettings settings = ExtractorSettings.DEFAULTS.withTimeout(Duration.ofSeconds(8)).withWorkerHeapMb(256)
                .withOcr(OcrSettings.DEFAULTS.withTesseract(program.toString()).withLanguages(List.of("eng")));
        try (TextExtractor extractor = TextExtractor.start(settings, dir.resolve("extract"))) {
            assertReadWithOneThread(extractor, dir, "before.png");
            assertOneError(extractor, dir, StandInTesseract.HANGS, "TesseractOCRParser timeout");
            assertReadWithOneThread(extractor, dir, "between.png");
            assertOneError(extractor, dir, StandInTesseract.CRASHES, "TesseractOCRParser bad exit value");
            assertReadWithOneThread(extractor, dir, "after.png");
        }
    }

    /** A picture {@code width} pixels wide, which the stand-in hangs or dies on, ends in one error saying so. */
    private static void assertOneError(TextExtractor extractor, Path dir, int width, String says) throws Exception {
        String name = width + ".png";
        Path png = TestImages.write(new BufferedImage(width, 40, BufferedImage.TYPE_INT_RGB), "png", dir.resolve(name));
        try (Extraction x = extractor.extract(png, name)) {
            ExtractionError e = x.error().orElseThrow();
            assertEquals(ExtractionError.Kind.PARSE_FAILED, e.kind(), e.toString());
            assertTrue(e.message().contains(says), e.message());
        }
    }

    private static void assertReadWithOneThread(TextExtractor extractor, Path dir, String name) throws Exception {
        Path png = TestImages.write(TestImages.flyer("FICTITIOUS"), "png", dir.resolve(name));
        try (Extraction x = extractor.extract(png, name)) {
            assertTrue(x.complete(), () -> name + ": " + x.error());
            assertEquals("omp-1", x.text().strip(), name);
            assertEquals(1, x.ocr().orElseThrow().words());
        }
    }

    /** An image the image parsers hand to OCR, as they describe it. */
    private static Metadata ocrPng() {
        Metadata m = new Metadata();
        m.set(Metadata.CONTENT_TYPE, "image/ocr-png");
        m.set(TikaCoreProperties.CONTENT_TYPE_PARSER_OVERRIDE, "image/ocr-png");
        return m;
    }

    /** Every event a handler is told, in order. */
    private static final class Recorder extends DefaultHandler {
        final List<String> events = new ArrayList<>();

        @Override
        public void startDocument() {
            events.add("startDocument");
        }

        @Override
        public void endDocument() {
            events.add("endDocument");
        }

        @Override
        public void startPrefixMapping(String prefix, String uri) {
            events.add("prefix " + prefix + "=" + uri);
        }

        @Override
        public void endPrefixMapping(String prefix) {
            events.add("/prefix " + prefix);
        }

        @Override
        public void startElement(String uri, String local, String name, Attributes atts) {
            StringBuilder e = new StringBuilder("<" + uri + " " + local + " " + name);
            for (int i = 0; i < atts.getLength(); i++) {
                e.append(' ').append(atts.getQName(i)).append("=").append(atts.getValue(i));
            }
            events.add(e.toString());
        }

        @Override
        public void endElement(String uri, String local, String name) {
            events.add("</" + uri + " " + local + " " + name);
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            events.add(new String(ch, start, length));
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) {
            events.add("ignorable " + new String(ch, start, length).replace("\n", "\\n"));
        }
    }
}
