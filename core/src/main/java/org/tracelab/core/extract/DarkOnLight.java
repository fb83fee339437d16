package org.tracelab.core.extract;

import java.awt.image.BufferedImage;

/**
 * An image redrawn for OCR as grey with dark letters on a light ground whatever its colours: where the mean
 * brightness around a pixel is dark (a coloured card under light letters) the pixel is inverted, elsewhere kept.
 * Flyers put light letters on a coloured card beside dark letters on a light band; Tesseract's one threshold for
 * the whole image turns the card black and reads nothing on it. (Drawing each pixel's distance from its local mean
 * instead was tried: it reads both polarities but leaves halos round bold letters that Tesseract reads as ink.)
 */
final class DarkOnLight {
    /** Below this mean brightness (of 255) the ground is taken to be dark. */
    private static final int DARK = 128;

    private DarkOnLight() {
    }

    /**
     * The window around each pixel whose mean decides its ground, as a radius: wide enough that a headline's bold
     * letters do not outweigh their ground, narrow enough to follow the ground from card to band (a tenth of the
     * shorter side, 30 to 150 pixels).
     */
    static int radius(int width, int height) {
        return Math.max(30, Math.min(150, Math.min(width, height) / 10));
    }

    /** The image's pixels as grey, row by row, letters dark on a light ground. */
    static byte[] of(BufferedImage in) {
        return of(luminance(in), in.getWidth(), in.getHeight());
    }

    /** The image's brightness (ITU-R BT.601 luma, 0 to 255), row by row. */
    static byte[] luminance(BufferedImage in) {
        int w = in.getWidth();
        int h = in.getHeight();
        byte[] lum = new byte[w * h];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            in.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                lum[y * w + x] = (byte) ((299 * ((p >> 16) & 255) + 587 * ((p >> 8) & 255) + 114 * (p & 255)) / 1000);
            }
        }
        return lum;
    }

    /** The grey picture {@code grey} ({@code w} by {@code h}, row by row) with letters dark on a light ground. */
    static byte[] of(byte[] grey, int w, int h) {
        if (grey.length != w * h) {
            throw new IllegalArgumentException(grey.length + " grey pixels for " + w + " x " + h);
        }
        int r = radius(w, h);
        byte[] lum = grey.clone();
        // Box means in two passes: sums along each row, then a running sum of those down each column.
        int[] across = new int[w * h];
        for (int y = 0; y < h; y++) {
            int base = y * w;
            int sum = 0;
            for (int x = 0; x <= Math.min(r, w - 1); x++) {
                sum += lum[base + x] & 255;
            }
            for (int x = 0; x < w; x++) {
                across[base + x] = sum;
                int add = x + r + 1;
                int drop = x - r;
                if (add < w) {
                    sum += lum[base + add] & 255;
                }
                if (drop >= 0) {
                    sum -= lum[base + drop] & 255;
                }
            }
        }
        long[] column = new long[w];
        for (int y = 0; y <= Math.min(r, h - 1); y++) {
            for (int x = 0; x < w; x++) {
                column[x] += across[y * w + x];
            }
        }
        for (int y = 0; y < h; y++) {
            long rows = Math.min(h - 1, y + r) - Math.max(0, y - r) + 1;
            for (int x = 0; x < w; x++) {
                long cols = Math.min(w - 1, x + r) - Math.max(0, x - r) + 1;
                int l = lum[y * w + x] & 255;
                // Written over the luminance already read: each pixel's own value is not needed again.
                lum[y * w + x] = (byte) (column[x] < DARK * rows * cols ? 255 - l : l);
            }
            int add = y + r + 1;
            int drop = y - r;
            for (int x = 0; x < w; x++) {
                if (add < h) {
                    column[x] += across[add * w + x];
                }
                if (drop >= 0) {
                    column[x] -= across[drop * w + x];
                }
            }
        }
        return lum;
    }
}
