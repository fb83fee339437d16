package org.tracelab.core.imagehash;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes the first frame of a picture within limits: the dimensions are read from the header first, a picture of
 * more than {@link #MAX_PIXELS} is refused before anything is allocated for it, and one of more than
 * {@link #DECODE_PIXELS} is read subsampled, so that memory stays bounded whatever the file claims. The format is
 * taken from the bytes, not from a name or a declared type.
 */
public final class ImageDecoder {
    /** Pictures with more pixels than this (100 megapixels) are refused: no camera photo or flyer comes near it. */
    public static final long MAX_PIXELS = 100_000_000L;
    /** Pictures are decoded to at most about this many pixels (2048 x 2048); PDQ keeps far less detail than that. */
    public static final long DECODE_PIXELS = 2048L * 2048L;

    private final long maxPixels;

    /** A decoder with the default limits. */
    public ImageDecoder() {
        this(MAX_PIXELS);
    }

    /** A decoder refusing pictures of more than {@code maxPixels}. */
    public ImageDecoder(long maxPixels) {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("maxPixels must be positive: " + maxPixels);
        }
        this.maxPixels = maxPixels;
    }

    /** The picture's first frame, subsampled when large. */
    public Decoded decode(Path file) throws ImageRefused, IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new IOException("cannot open " + file);
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ImageRefused(ImageRefused.Kind.UNSUPPORTED, "no decoder reads this format");
            }
            ImageReader reader = readers.next();
            try {
                return decode(reader, in);
            } finally {
                reader.dispose();
            }
        }
    }

    private Decoded decode(ImageReader reader, ImageInputStream in) throws ImageRefused {
        String format = format(reader);
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        try {
            reader.setInput(in, true, true);
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width < 1 || height < 1) {
                throw new ImageRefused(ImageRefused.Kind.DAMAGED, format + " header names " + width + " x " + height
                        + " pixels");
            }
            if (width * height > maxPixels) {
                throw new ImageRefused(ImageRefused.Kind.TOO_LARGE, format + " of " + width + " x " + height
                        + " pixels, more than the limit of " + maxPixels + "; not decoded");
            }
            ImageReadParam param = reader.getDefaultReadParam();
            int step = subsampling(width, height);
            if (step > 1) {
                param.setSourceSubsampling(step, step, 0, 0);
            }
            BufferedImage image = reader.read(0, param);
            if (!warnings.isEmpty()) {
                // A decoder that warns has filled in what it could not read: the pixels are not the picture's.
                throw new ImageRefused(ImageRefused.Kind.DAMAGED, format + " damaged: " + String.join("; ", warnings));
            }
            return new Decoded(image, format, (int) width, (int) height);
        } catch (IOException | RuntimeException e) {
            // Decoders throw runtime exceptions of many kinds on hostile input; each is this picture's fault.
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new ImageRefused(ImageRefused.Kind.DAMAGED, format + " could not be decoded: " + why, e);
        }
    }

    /**
     * A decoded picture.
     *
     * @param image  its first frame, subsampled when the picture is large
     * @param format the format its bytes are in, e.g. {@code JPEG}
     * @param width  its own width in pixels, from its header
     * @param height its own height
     */
    public record Decoded(BufferedImage image, String format, int width, int height) {
    }

    /** The step that brings {@code width x height} within {@link #DECODE_PIXELS}; 1 for most pictures. */
    static int subsampling(long width, long height) {
        int step = 1;
        while ((width / step) * (height / step) > DECODE_PIXELS) {
            step++;
        }
        return step;
    }

    private static String format(ImageReader reader) {
        try {
            return reader.getFormatName().toUpperCase(java.util.Locale.ROOT);
        } catch (IOException e) {
            return "image";
        }
    }
}
