package org.tracelab.core.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pages drawn by the test: rows of dashes standing for lines of text. */
class SkewTest {
    @ParameterizedTest
    @ValueSource(doubles = {-6, -2.5, 0, 0.8, 3, 7.5})
    void theLeanOfLinesOfTextIsFoundToATenthOfADegree(double degrees) {
        BufferedImage page = lines(degrees);
        byte[] grey = DarkOnLight.of(page);

        assertEquals(degrees, Skew.degrees(grey, page.getWidth(), page.getHeight()), 0.2);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-4, 3})
    void aStraightenedPageLeansNoMore(double degrees) {
        BufferedImage page = lines(degrees);
        int w = page.getWidth();
        int h = page.getHeight();
        double lean = Skew.degrees(DarkOnLight.of(page), w, h);
        byte[] straight = Skew.straightened(DarkOnLight.luminance(page), w, h, lean);

        assertEquals(0, Skew.degrees(DarkOnLight.of(straight, w, h), w, h), 0.2);
    }

    @Test
    void aPageWithNothingDarkDoesNotLean() {
        assertEquals(0, Skew.degrees(white(100, 50), 100, 50));
    }

    private static byte[] white(int w, int h) {
        byte[] b = new byte[w * h];
        Arrays.fill(b, (byte) 255);
        return b;
    }

    /** Rows of dark dashes of uneven length, as words in lines of text, on a light page turned by {@code degrees}. */
    private static BufferedImage lines(double degrees) {
        BufferedImage img = new BufferedImage(600, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 600, 400);
            g.setTransform(AffineTransform.getRotateInstance(Math.toRadians(degrees), 300, 200));
            g.setColor(Color.BLACK);
            SplittableRandom rnd = new SplittableRandom(7);
            for (int y = 60; y < 340; y += 36) {
                for (int x = 60; x < 520; ) {
                    int word = 20 + rnd.nextInt(60);
                    g.fillRect(x, y, Math.min(word, 540 - x), 14);
                    x += word + 12;
                }
            }
        } finally {
            g.dispose();
        }
        return img;
    }
}
