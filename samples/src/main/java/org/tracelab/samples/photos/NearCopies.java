package org.tracelab.samples.photos;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * What happens to a photo reposted by another recruiter: recompressed, resized, cropped a little, saved in another
 * format. Each step is deterministic, so a scenario's answer key can say exactly what was done.
 */
public final class NearCopies {
    /** The file formats a copy can be saved in. */
    public enum Format {
        PNG, JPEG, WEBP;

        /** The usual file name extension, without the dot. */
        public String extension() {
            return this == JPEG ? "jpg" : name().toLowerCase(Locale.ROOT);
        }

        /** The media type. */
        public String mediaType() {
            return "image/" + name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A photo as another recruiter reposted it.
     *
     * @param bytes  the file
     * @param format its format
     * @param how    what was done to it, for a scenario's answer key
     */
    public record Repost(byte[] bytes, Format format, String how) {
    }

    private NearCopies() {
    }

    /**
     * The photo as a repost makes it, deterministic from the seed: scaled to 50 to 100 %, at times cropped by up to
     * 2 % evenly, saved as JPEG at quality 40 to 80 (sometimes as PNG or WebP). These are the changes `tracelab links`
     * finds well within its threshold (docs/BENCHMARKS.md, "Image links"); a larger or one-sided crop defeats PDQ, so a
     * scenario that wants a tie found keeps to these.
     */
    public static Repost repost(BufferedImage photo, long seed) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        double scale = 0.5 + rnd.nextDouble() * 0.5;
        BufferedImage img = resized(photo, scale);
        StringBuilder how = new StringBuilder(String.format(Locale.ROOT, "resized to %.0f%%", scale * 100));
        if (rnd.nextBoolean()) {
            double crop = 0.005 + rnd.nextDouble() * 0.015;
            img = cropped(img, crop, 0.5);
            how.append(String.format(Locale.ROOT, ", cropped %.1f%% evenly", crop * 100));
        }
        int pick = rnd.nextInt(10);
        Format format = pick < 8 ? Format.JPEG : pick == 8 ? Format.PNG : Format.WEBP;
        float quality = (float) (0.4 + rnd.nextDouble() * 0.4);
        how.append(", saved as ").append(format.name());
        if (format == Format.JPEG) {
            how.append(String.format(Locale.ROOT, " at quality %.0f", quality * 100));
        }
        return new Repost(encode(img, format, quality), format, how.toString());
    }

    /** The picture scaled by {@code factor} (0.1 to 4), smoothly, as a site's thumbnailer does. */
    public static BufferedImage resized(BufferedImage img, double factor) {
        if (!(factor >= 0.1 && factor <= 4)) {
            throw new IllegalArgumentException("resize factor is 0.1 to 4, not " + factor);
        }
        int w = Math.max(1, (int) Math.round(img.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(img.getHeight() * factor));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(factor < 1 ? img.getScaledInstance(w, h, java.awt.Image.SCALE_AREA_AVERAGING) : img, 0, 0, w,
                    h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * The picture with {@code fraction} (0 to 0.25) of its width and height cut away, split between the sides as
     * {@code leftShare} (0 to 1) says: 0.5 cuts evenly, 1 cuts only the left and top.
     */
    public static BufferedImage cropped(BufferedImage img, double fraction, double leftShare) {
        if (!(fraction >= 0 && fraction <= 0.25) || !(leftShare >= 0 && leftShare <= 1)) {
            throw new IllegalArgumentException("crop fraction 0 to 0.25 and share 0 to 1, not " + fraction + ", "
                    + leftShare);
        }
        int cutW = (int) Math.round(img.getWidth() * fraction);
        int cutH = (int) Math.round(img.getHeight() * fraction);
        int x = (int) Math.round(cutW * leftShare);
        int y = (int) Math.round(cutH * leftShare);
        BufferedImage out = new BufferedImage(img.getWidth() - cutW, img.getHeight() - cutH,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(img, -x, -y, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The picture saved as {@code format}; {@code quality} (0.05 to 1) counts for JPEG only (WebP is lossless). */
    public static byte[] encode(BufferedImage img, Format format, float quality) {
        return switch (format) {
            case PNG -> png(img);
            case JPEG -> jpeg(img, quality);
            case WEBP -> WebpLossless.write(img);
        };
    }

    /** The picture as JPEG at {@code quality} (0.05 to 1; sites recompress at 0.6 to 0.8, careless ones lower). */
    public static byte[] jpeg(BufferedImage img, float quality) {
        if (!(quality >= 0.05f && quality <= 1f)) {
            throw new IllegalArgumentException("JPEG quality is 0.05 to 1, not " + quality);
        }
        BufferedImage rgb = opaque(img);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            writer.write(null, new IIOImage(rgb, null, null), p);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a JPEG in memory", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The picture as PNG. */
    public static byte[] png(BufferedImage img) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, "png", bytes)) {
                throw new IllegalStateException("no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing a PNG in memory", e);
        }
        return bytes.toByteArray();
    }

    private static BufferedImage opaque(BufferedImage img) {
        if (img.getType() == BufferedImage.TYPE_INT_RGB || img.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return img;
        }
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(img, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
