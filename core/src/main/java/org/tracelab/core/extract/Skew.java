package org.tracelab.core.extract;

import java.util.Arrays;

/**
 * How far the lines of text in a grey picture lean, and the picture straightened: a flyer photographed a few degrees
 * off. Tesseract follows a slant line by line, but a slanted line that is also blurred is cut into pieces read
 * alone, where a word of capitals shared by two scripts ({@code РАБОТА}, {@code PABOTA}) loses the line that told
 * which script it is in.
 *
 * <p>The lean is the angle whose projection of the dark pixels along it is the most sharply banded (the sum of
 * squared differences between neighbouring rows of the projection), as text lines make it: searched in whole
 * degrees, then in tenths around the best.
 */
final class Skew {
    /** Leans up to this far either way are found; more is a picture turned on purpose, not photographed askew. */
    static final double MAX_DEGREES = 10;
    /** Leans smaller than this are left: Tesseract reads them as well, and redrawing costs sharpness. */
    static final double MIN_DEGREES = 0.3;
    /** Pixels counted per angle tried, at most: a large photo is sampled on a coarser grid. */
    private static final long SAMPLES = 400_000;
    private static final int DARK = 128;

    private Skew() {
    }

    /**
     * The lean of the text in {@code darkOnLight} (letters dark on a light ground, {@code w} by {@code h}, row by
     * row), in degrees: positive when lines fall to the right (as a picture turned clockwise shows them); 0 when it
     * has no dark pixels.
     */
    static double degrees(byte[] darkOnLight, int w, int h) {
        if (darkOnLight.length != w * h) {
            throw new IllegalArgumentException(darkOnLight.length + " pixels for " + w + " x " + h);
        }
        int step = 1;
        while ((long) (w / step) * (h / step) > SAMPLES) {
            step++;
        }
        // The dark pixels once, as coordinates: each angle tried then only sums them into rows.
        int[] xs = new int[1024];
        int[] ys = new int[1024];
        int count = 0;
        for (int y = 0; y < h; y += step) {
            for (int x = 0; x < w; x += step) {
                if ((darkOnLight[y * w + x] & 255) < DARK) {
                    if (count == xs.length) {
                        xs = Arrays.copyOf(xs, count * 2);
                        ys = Arrays.copyOf(ys, count * 2);
                    }
                    xs[count] = x;
                    ys[count] = y;
                    count++;
                }
            }
        }
        if (count == 0) {
            return 0;
        }
        double best = 0;
        double bestScore = score(xs, ys, count, w, h, 0);
        for (double a = -MAX_DEGREES; a <= MAX_DEGREES; a += 1) {
            double s = score(xs, ys, count, w, h, a);
            if (s > bestScore) {
                bestScore = s;
                best = a;
            }
        }
        double coarse = best;
        for (int k = -9; k <= 9; k++) {
            double a = coarse + k / 10.0;
            if (k == 0 || Math.abs(a) > MAX_DEGREES) {
                continue;
            }
            double s = score(xs, ys, count, w, h, a);
            if (s > bestScore) {
                bestScore = s;
                best = a;
            }
        }
        return Math.round(best * 10) / 10.0;
    }

    /** How sharply banded the projection of the dark pixels along lines leaning {@code degrees} is. */
    private static double score(int[] xs, int[] ys, int count, int w, int h, double degrees) {
        double t = Math.tan(Math.toRadians(degrees));
        int pad = (int) Math.ceil(Math.abs(t) * w) + 1;
        long[] rows = new long[h + 2 * pad];
        for (int i = 0; i < count; i++) {
            rows[(int) Math.round(ys[i] - xs[i] * t) + pad]++;
        }
        double sum = 0;
        for (int i = 1; i < rows.length; i++) {
            double d = rows[i] - rows[i - 1];
            sum += d * d;
        }
        return sum;
    }

    /**
     * The grey picture turned back by {@code degrees} about its centre (bilinear), same size; where the turn brings
     * in pixels from outside the picture, the nearest edge pixel is repeated, so no new edge appears to be read.
     */
    static byte[] straightened(byte[] grey, int w, int h, double degrees) {
        if (grey.length != w * h) {
            throw new IllegalArgumentException(grey.length + " pixels for " + w + " x " + h);
        }
        double a = Math.toRadians(degrees);
        double c = Math.cos(a);
        double s = Math.sin(a);
        double cx = w / 2.0;
        double cy = h / 2.0;
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double sx = Math.clamp(c * (x - cx) - s * (y - cy) + cx, 0, w - 1);
                double sy = Math.clamp(s * (x - cx) + c * (y - cy) + cy, 0, h - 1);
                int x0 = Math.min((int) sx, Math.max(0, w - 2));
                int y0 = Math.min((int) sy, Math.max(0, h - 2));
                int x1 = Math.min(x0 + 1, w - 1);
                int y1 = Math.min(y0 + 1, h - 1);
                double fx = sx - x0;
                double fy = sy - y0;
                double v = (1 - fy) * ((1 - fx) * (grey[y0 * w + x0] & 255) + fx * (grey[y0 * w + x1] & 255))
                        + fy * ((1 - fx) * (grey[y1 * w + x0] & 255) + fx * (grey[y1 * w + x1] & 255));
                out[y * w + x] = (byte) Math.round(v);
            }
        }
        return out;
    }
}
