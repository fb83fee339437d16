package org.tracelab.core.extract;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A decoded picture as Tesseract is given it: grey, letters dark on a light ground ({@link DarkOnLight}), and
 * straightened when its lines lean ({@link Skew}). The lean is measured on the dark-on-light picture, the grey one is
 * turned and its ground decided again, so that the edge between a coloured card and a light band is redrawn level
 * rather than as the stairs a turned window would leave, which Tesseract reads as marks.
 */
final class OcrPicture {
    private OcrPicture() {
    }

    /** The picture's pixels as Tesseract is given them, row by row. */
    static byte[] of(BufferedImage in) {
        int w = in.getWidth();
        int h = in.getHeight();
        byte[] grey = DarkOnLight.luminance(in);
        byte[] ready = DarkOnLight.of(grey, w, h);
        double lean = Skew.degrees(ready, w, h);
        if (Math.abs(lean) < Skew.MIN_DEGREES) {
            return ready;
        }
        return DarkOnLight.of(Skew.straightened(grey, w, h, lean), w, h);
    }

    /**
     * Writes {@link #of} to {@code file} as a binary PGM: Tesseract's Leptonica reads it, and it costs nothing to
     * encode (a PNG of a photo takes longer to write than to read).
     */
    static void writePgm(BufferedImage in, Path file) throws IOException {
        byte[] grey = of(in);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(("P5\n" + in.getWidth() + " " + in.getHeight() + "\n255\n").getBytes(StandardCharsets.US_ASCII));
            out.write(grey);
        }
    }
}
