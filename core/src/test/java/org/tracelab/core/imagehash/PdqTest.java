package org.tracelab.core.imagehash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdqTest {
    @TempDir
    Path dir;

    @Test
    void hashesThreatExchangesTestPictureAsTheReferenceDoes() throws Exception {
        Path png = dir.resolve("vector.png");
        try (InputStream in = PdqTest.class.getResourceAsStream("threatexchange-random-image.png")) {
            Files.copy(in, png);
        }
        PdqResult r = Pdq.hash(new ImageDecoder().decode(png).image());
        assertEquals("ad64cd9875e131a177b1f2a0d6b38ae1de9ea80421e4c51dde1b0363deba3466", r.hash().hex());
    }

    @Test
    void identicalBytesHashIdentically() throws Exception {
        byte[] png = TestPictures.png(TestPictures.shapes(1, 400, 300));
        assertEquals(0, TestPictures.hash(dir, png).hash().distance(TestPictures.hash(dir, png).hash()));
    }

    @Test
    void nearCopiesHashClose() throws Exception {
        BufferedImage picture = TestPictures.shapes(2, 640, 480);
        PdqResult original = TestPictures.hash(dir, TestPictures.png(picture));
        int recompressed = original.hash().distance(TestPictures.hash(dir, TestPictures.jpeg(picture, 0.2f)).hash());
        int resized = original.hash().distance(
                TestPictures.hash(dir, TestPictures.png(TestPictures.scaled(picture, 0.4))).hash());
        int cropped = original.hash().distance(
                TestPictures.hash(dir, TestPictures.png(TestPictures.cropped(picture, 0.02))).hash());
        assertTrue(original.useful(), "quality " + original.quality());
        assertTrue(recompressed <= 16, "recompressed " + recompressed);
        assertTrue(resized <= 16, "resized " + resized);
        assertTrue(cropped <= 31, "cropped " + cropped);
    }

    @Test
    void distinctPicturesHashFarApart() throws Exception {
        for (int seed = 10; seed < 15; seed++) {
            int d = TestPictures.hash(dir, TestPictures.png(TestPictures.shapes(seed, 320, 240))).hash().distance(
                    TestPictures.hash(dir, TestPictures.png(TestPictures.shapes(seed + 100, 320, 240))).hash());
            assertTrue(d > 31, "seed " + seed + ": " + d);
        }
    }

    @Test
    void aGreyPngOfAColourPictureHashesAsTheColourOne() throws Exception {
        BufferedImage picture = TestPictures.shapes(3, 300, 300);
        BufferedImage grey = new BufferedImage(300, 300, BufferedImage.TYPE_BYTE_GRAY);
        float[] luma = Pdq.luma(picture);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 300; x++) {
                grey.getRaster().setSample(x, y, 0, Math.round(luma[y * 300 + x]));
            }
        }
        int d = Pdq.hash(picture).hash().distance(TestPictures.hash(dir, TestPictures.png(grey)).hash());
        assertTrue(d <= 4, "grey copy " + d);
    }

    @Test
    void theColumnSweepAddsAndDividesAsTheOneLineFilterDoes() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(4);
        for (int[] size : new int[][] {{1, 1}, {7, 3}, {300, 257}, {130, 1000}}) {
            int rows = size[0];
            int cols = size[1];
            float[] in = new float[rows * cols];
            for (int i = 0; i < in.length; i++) {
                in[i] = (float) (rnd.nextDouble() * 255);
            }
            int window = (rows + 127) / 128 + 2;
            window = Math.min(window, rows);
            float[] swept = new float[in.length];
            Pdq.boxColumns(in, swept, rows, cols, window);
            for (int c = 0; c < cols; c++) {
                float[] column = new float[rows];
                for (int r = 0; r < rows; r++) {
                    column[r] = in[r * cols + c];
                }
                float[] filtered = new float[rows];
                Pdq.box(column, filtered, 0, rows, window);
                for (int r = 0; r < rows; r++) {
                    assertEquals(filtered[r], swept[r * cols + c], 0f, rows + "x" + cols + " at " + r + "," + c);
                }
            }
        }
    }

    @Test
    void aFlatPictureHasLowQuality() {
        BufferedImage flat = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        assertEquals(0, Pdq.hash(flat).quality());
    }
}
