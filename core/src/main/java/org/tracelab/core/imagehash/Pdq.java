package org.tracelab.core.imagehash;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.Raster;
import java.util.Arrays;

/**
 * Meta's PDQ perceptual hash, written from its published description (ThreatExchange {@code hashing.pdf} and the
 * reference implementations): luminance, a tent-filter blur (two passes of box filters along rows and columns,
 * after Jarosz), a 64 x 64 decimation, the 16 x 16 lowest non-constant frequencies of its DCT, and one bit per
 * frequency for whether it exceeds their median. The arithmetic follows the reference's order in 32-bit floats, so
 * that the hashes are the ones other PDQ tools compute and a shared hash list matches here.
 */
public final class Pdq {
    /** Luminance weights (ITU-R BT.601), as PDQ takes them. */
    private static final double RED = 0.299;
    private static final double GREEN = 0.587;
    private static final double BLUE = 0.114;
    /** The blur's window along a dimension is its length over this, rounded up: half a 64th per pass. */
    private static final int WINDOW_DIVISOR = 128;
    private static final int PASSES = 2;
    /** Rows of the DCT matrix: frequencies 1 to 16 (0, the mean, says nothing of the picture's shape). */
    private static final float[][] DCT = dctMatrix();

    private Pdq() {
    }

    /** The hash and quality of a picture; any size from 1 x 1. */
    public static PdqResult hash(BufferedImage image) {
        int rows = image.getHeight();
        int cols = image.getWidth();
        return hashLuma(luma(image), rows, cols);
    }

    /**
     * The hash and quality of a luminance picture given row by row ({@code rows * cols} values, 0 to 255); the
     * array is overwritten.
     */
    static PdqResult hashLuma(float[] luma, int rows, int cols) {
        if (rows < 1 || cols < 1 || luma.length != rows * cols) {
            throw new IllegalArgumentException("luma of " + luma.length + " values for " + rows + " x " + cols);
        }
        float[] scratch = new float[luma.length];
        int alongRows = (cols + WINDOW_DIVISOR - 1) / WINDOW_DIVISOR;
        int alongCols = (rows + WINDOW_DIVISOR - 1) / WINDOW_DIVISOR;
        for (int pass = 0; pass < PASSES; pass++) {
            for (int r = 0; r < rows; r++) {
                box(luma, scratch, r * cols, cols, alongRows);
            }
            boxColumns(scratch, luma, rows, cols, alongCols);
        }
        float[][] small = new float[64][64];
        for (int i = 0; i < 64; i++) {
            int from = (int) (((i + 0.5) * rows) / 64);
            for (int j = 0; j < 64; j++) {
                small[i][j] = luma[from * cols + (int) (((j + 0.5) * cols) / 64)];
            }
        }
        int quality = quality(small);
        float[][] freq = dct(small);
        float[] sorted = new float[256];
        for (int i = 0; i < 16; i++) {
            System.arraycopy(freq[i], 0, sorted, i * 16, 16);
        }
        Arrays.sort(sorted);
        float median = sorted[127]; // the lower median, as the reference's Torben selection gives
        boolean[] bits = new boolean[256];
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) {
                bits[i * 16 + j] = freq[i][j] > median;
            }
        }
        return new PdqResult(PdqHash.ofBits(bits), quality);
    }

    /**
     * Luminance row by row, from the samples as stored: a grey picture's own values, and an RGB picture's channels
     * without its embedded colour profile applied, as the Python and C++ tools read them (Java's conversion through
     * sRGB would brighten a grey picture and shift a profiled one, and the hashes would no longer be theirs).
     */
    static float[] luma(BufferedImage image) {
        int rows = image.getHeight();
        int cols = image.getWidth();
        float[] out = new float[rows * cols];
        ColorModel model = image.getColorModel();
        boolean samples = model instanceof ComponentColorModel
                && (model.getNumColorComponents() == 1 || model.getColorSpace().getType() == ColorSpace.TYPE_RGB);
        if (samples) {
            Raster raster = image.getRaster();
            int bands = model.getNumColorComponents();
            double[] scale = new double[bands];
            for (int b = 0; b < bands; b++) {
                scale[b] = 255.0 / ((1L << model.getComponentSize(b)) - 1);
            }
            int[][] line = new int[bands][cols];
            for (int r = 0; r < rows; r++) {
                for (int b = 0; b < bands; b++) {
                    raster.getSamples(0, r, cols, 1, b, line[b]);
                }
                for (int c = 0; c < cols; c++) {
                    out[r * cols + c] = bands == 1 ? (float) (line[0][c] * scale[0])
                            : luma(line[0][c] * scale[0], line[1][c] * scale[1], line[2][c] * scale[2]);
                }
            }
            return out;
        }
        int[] line = new int[cols];
        for (int r = 0; r < rows; r++) {
            image.getRGB(0, r, cols, 1, line, 0, cols);
            for (int c = 0; c < cols; c++) {
                int rgb = line[c];
                out[r * cols + c] = luma((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
            }
        }
        return out;
    }

    /** In doubles, then rounded once, as the Python and C++ tools feed the hasher. */
    private static float luma(double red, double green, double blue) {
        return (float) (red * RED + green * GREEN + blue * BLUE);
    }

    /**
     * A box filter of {@code window} along one row of {@code length} values: each output is the mean of the inputs
     * around it, fewer at the ends. A running sum, added to and taken from in the reference's order, so the floats
     * come out the same.
     */
    static void box(float[] in, float[] out, int offset, int length, int window) {
        int half = (window + 2) / 2;
        int ahead = offset;
        int behind = offset;
        int at = offset;
        float sum = 0f;
        int count = 0;
        for (int i = 0; i < half - 1; i++) {
            sum += in[ahead];
            ahead++;
            count++;
        }
        for (int i = 0; i < window - half + 1; i++) {
            sum += in[ahead];
            ahead++;
            count++;
            out[at] = sum / count;
            at++;
        }
        for (int i = 0; i < length - window; i++) {
            sum += in[ahead];
            sum -= in[behind];
            ahead++;
            behind++;
            out[at] = sum / count;
            at++;
        }
        for (int i = 0; i < half - 1; i++) {
            sum -= in[behind];
            behind++;
            count--;
            out[at] = sum / count;
            at++;
        }
    }

    /**
     * The same box filter down every column at once, row by row: each column's sums are added to and taken from in
     * the same order as {@link #box} would, so the floats are the same, but memory is read along rows.
     */
    static void boxColumns(float[] in, float[] out, int rows, int cols, int window) {
        int half = (window + 2) / 2;
        float[] sum = new float[cols];
        int ahead = 0;
        int behind = 0;
        int at = 0;
        int count = 0;
        for (int i = 0; i < half - 1; i++, ahead++, count++) {
            add(sum, in, ahead * cols);
        }
        for (int i = 0; i < window - half + 1; i++, ahead++, at++) {
            add(sum, in, ahead * cols);
            count++;
            write(sum, count, out, at * cols);
        }
        for (int i = 0; i < rows - window; i++, ahead++, behind++, at++) {
            int a = ahead * cols;
            int b = behind * cols;
            for (int c = 0; c < cols; c++) {
                sum[c] += in[a + c];
                sum[c] -= in[b + c];
            }
            write(sum, count, out, at * cols);
        }
        for (int i = 0; i < half - 1; i++, behind++, at++) {
            int b = behind * cols;
            for (int c = 0; c < cols; c++) {
                sum[c] -= in[b + c];
            }
            count--;
            write(sum, count, out, at * cols);
        }
    }

    private static void add(float[] sum, float[] in, int row) {
        for (int c = 0; c < sum.length; c++) {
            sum[c] += in[row + c];
        }
    }

    private static void write(float[] sum, int count, float[] out, int row) {
        for (int c = 0; c < sum.length; c++) {
            out[row + c] = sum[c] / count;
        }
    }

    /** PDQ's quality: the sum of the significant steps between neighbours of the 64 x 64 picture, capped at 100. */
    private static int quality(float[][] small) {
        int sum = 0;
        for (int i = 0; i < 63; i++) {
            for (int j = 0; j < 64; j++) {
                sum += Math.abs((int) (((small[i][j] - small[i + 1][j]) * 100) / 255));
            }
        }
        for (int i = 0; i < 64; i++) {
            for (int j = 0; j < 63; j++) {
                sum += Math.abs((int) (((small[i][j] - small[i][j + 1]) * 100) / 255));
            }
        }
        return Math.min(100, sum / 90);
    }

    /** D A Dᵀ for the 16 x 64 matrix D: only the 16 x 16 frequencies the hash keeps are computed. */
    private static float[][] dct(float[][] a) {
        float[][] t = new float[16][64];
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 64; j++) {
                float s = 0f;
                for (int k = 0; k < 64; k++) {
                    s += DCT[i][k] * a[k][j];
                }
                t[i][j] = s;
            }
        }
        float[][] b = new float[16][16];
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) {
                float s = 0f;
                for (int k = 0; k < 64; k++) {
                    s += t[i][k] * DCT[j][k];
                }
                b[i][j] = s;
            }
        }
        return b;
    }

    private static float[][] dctMatrix() {
        float scale = (float) Math.sqrt(2.0 / 64.0);
        float[][] d = new float[16][64];
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 64; j++) {
                d[i][j] = (float) (scale * Math.cos((Math.PI / 2 / 64.0) * (i + 1) * (2 * j + 1)));
            }
        }
        return d;
    }
}
