package org.tracelab.core.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * An image's size in pixels as its header claims it, read without decoding the image: what OCR checks before
 * handing an image to Tesseract, which would decode whatever the header claims.
 *
 * @param width  pixels across
 * @param height pixels down
 */
record ImageSize(long width, long height) {
    ImageSize {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("negative image size " + width + " x " + height);
        }
    }

    long pixels() {
        return width * height;
    }

    @Override
    public String toString() {
        return width + " x " + height + " pixels";
    }

    /** The size of the first image in {@code file}, or empty when its header cannot be read. */
    static Optional<ImageSize> of(Path file) {
        Optional<ImageSize> webp = webp(file);
        if (webp.isPresent()) {
            return webp;
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                return Optional.empty();
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return Optional.of(new ImageSize(reader.getWidth(0), reader.getHeight(0)));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a header ImageIO cannot read is Tesseract's to refuse
        }
    }

    /** How many images (pages, frames) ImageIO finds in {@code file}: 1 when it cannot tell. */
    static int pages(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return 1;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, false, true);
                return Math.max(1, reader.getNumImages(true));
            } finally {
                reader.dispose();
            }
        }
    }

    /** The canvas of a WebP (lossy, lossless or extended), which the JDK has no reader for. */
    private static Optional<ImageSize> webp(Path file) {
        byte[] h;
        try (InputStream in = Files.newInputStream(file)) {
            h = in.readNBytes(30);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (h.length < 30 || !ascii(h, 0, "RIFF") || !ascii(h, 8, "WEBP")) {
            return Optional.empty();
        }
        if (ascii(h, 12, "VP8X")) {
            return Optional.of(new ImageSize(1 + u24(h, 24), 1 + u24(h, 27)));
        }
        if (ascii(h, 12, "VP8L") && (h[20] & 0xff) == 0x2f) {
            long bits = (h[21] & 0xffL) | (h[22] & 0xffL) << 8 | (h[23] & 0xffL) << 16 | (h[24] & 0xffL) << 24;
            return Optional.of(new ImageSize(1 + (bits & 0x3fff), 1 + ((bits >> 14) & 0x3fff)));
        }
        if (ascii(h, 12, "VP8 ")) {
            return Optional.of(new ImageSize(u16(h, 26) & 0x3fff, u16(h, 28) & 0x3fff));
        }
        return Optional.empty();
    }

    private static boolean ascii(byte[] b, int at, String s) {
        for (int i = 0; i < s.length(); i++) {
            if (b[at + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static long u24(byte[] b, int at) {
        return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }
}
