package org.tracelab.core.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images built to hurt OCR, each fictitious: each ends in one recorded error or a clean result within the run's
 * bounds, and the image after it is read normally by the same {@link TextExtractor}.
 */
class HostileImagesTest {
    @TempDir
    static Path work;

    static TextExtractor extractor;

    @BeforeAll
    static void startWorker() {
        assumeTrue(Tesseract.find("tesseract").filter(t -> t.languages().contains("eng")).isPresent(),
                "Tesseract with eng is not installed");
        extractor = TextExtractor.start(ExtractorSettings.DEFAULTS.withTimeout(Duration.ofSeconds(60))
                .withWorkerHeapMb(256).withOcr(OcrSettings.DEFAULTS.withLanguages(List.of("eng"))),
                work.resolve("extract"));
    }

    @AfterAll
    static void stopWorker() {
        if (extractor != null) {
            extractor.close();
        }
    }

    @Test
    void aPngClaimingFiftyThousandPixelsSquareIsRefusedBeforeDecoding(@TempDir Path dir) throws IOException {
        Path bomb = dir.resolve("bomb.png");
        Files.write(bomb, pngHeaderClaiming(50_000, 50_000));
        assertTrue(Files.size(bomb) < 200, "a small file");
        try (Extraction x = extractor.extract(bomb, "bomb.png")) {
            ExtractionError e = x.error().orElseThrow();
            assertEquals(ExtractionError.Kind.PARSE_FAILED, e.kind(), e.toString());
            assertTrue(e.message().contains("50000 x 50000 pixels"), e.message());
            assertTrue(x.ocr().isEmpty(), "nothing was read");
        }
        assertNextImageIsRead(dir);
    }

    @Test
    void aTruncatedJpegEndsInOneRecordedError(@TempDir Path dir) throws IOException {
        Path whole = TestImages.write(flyer(), "jpeg", dir.resolve("whole.jpg"));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.jpg");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        try (Extraction x = extractor.extract(cut, "cut.jpg")) {
            ExtractionError e = x.error().orElseThrow();
            assertEquals(ExtractionError.Kind.PARSE_FAILED, e.kind(), e.toString());
            assertTrue(e.message().contains("the image is damaged"), e.message());
        }
        assertNextImageIsRead(dir);
    }

    @Test
    void aGifOfTenThousandFramesIsReadFromItsFirstFrameAlone(@TempDir Path dir) throws IOException {
        Path gif = dir.resolve("frames.gif");
        writeGif(gif, flyer(), 10_000);
        try (Extraction x = extractor.extract(gif, "frames.gif")) {
            assertTrue(x.complete(), () -> x.error().toString());
            assertTrue(x.text().contains("998 90 555 01 02"), x.text());
        }
        assertNextImageIsRead(dir);
    }

    @Test
    void anImageWithAMisleadingExtensionIsReadForWhatItIs(@TempDir Path dir) throws IOException {
        Path jpeg = TestImages.write(flyer(), "jpeg", dir.resolve("contract.pdf"));
        try (Extraction x = extractor.extract(jpeg, "contract.pdf")) {
            assertEquals("image/jpeg", x.contentType());
            assertTrue(x.complete(), () -> x.error().toString());
            assertTrue(x.text().contains("998 90 555 01 02"), x.text());
        }
        Path text = dir.resolve("photo.png");
        Files.writeString(text, "Not a picture: a fictitious ad, call +998 90 555 01 03", StandardCharsets.UTF_8);
        try (Extraction x = extractor.extract(text, "photo.png")) {
            assertTrue(x.text().contains("+998 90 555 01 03") || x.error().isPresent(), x.toString());
            assertTrue(x.ocr().isEmpty(), "text is not sent to OCR");
        }
        assertNextImageIsRead(dir);
    }

    private static BufferedImage flyer() {
        return TestImages.flyer("HOSTILE TEST FLYER (FICTITIOUS)", "Call +998 90 555 01 02");
    }

    private static void assertNextImageIsRead(Path dir) throws IOException {
        Path next = TestImages.write(TestImages.flyer("NEXT FLYER (FICTITIOUS)", "Tel +998 90 555 01 09"), "png",
                Files.createTempFile(dir, "next-", ".png"));
        try (Extraction x = extractor.extract(next, "next.png")) {
            assertTrue(x.complete(), () -> "the image after a hostile one: " + x.error());
            assertTrue(x.text().contains("+998 90 555 01 09"), x.text());
        }
    }

    /** A PNG whose header claims {@code width} x {@code height} pixels, with one row of data after it. */
    static byte[] pngHeaderClaiming(int width, int height) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(ihdr);
        d.writeInt(width);
        d.writeInt(height);
        d.write(new byte[] {8, 0, 0, 0, 0}); // 8-bit grey, no interlace
        chunk(png, "IHDR", ihdr.toByteArray());
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[1 + 64]);
        deflater.finish();
        byte[] idat = new byte[256];
        int n = deflater.deflate(idat);
        chunk(png, "IDAT", Arrays.copyOf(idat, n));
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(data.length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        d.write(t);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }

    /** A GIF whose first frame is {@code first} and whose other frames are one grey pixel each. */
    private static void writeGif(Path file, BufferedImage first, int frames) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        BufferedImage rgb = new BufferedImage(first.getWidth(), first.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(first, 0, 0, null);
        BufferedImage dot = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            writer.writeToSequence(new IIOImage(rgb, null, null), null);
            for (int i = 1; i < frames; i++) {
                writer.writeToSequence(new IIOImage(dot, null, null), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }
}
