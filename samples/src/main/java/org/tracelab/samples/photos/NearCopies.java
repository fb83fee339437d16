package org.tracelab.samples.photos;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.tracelab.samples.internal.PixelFont;

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

    /**
     * A reposter's mark on a photo: a word on a dark strip along its foot ({@link #watermarked}).
     *
     * @param text  the word (no contact in it, so a mark ties nothing by itself)
     * @param width the share of the picture's width the strip covers, 0.1 to 0.6
     * @param right at the right corner, else the left
     */
    public record Mark(String text, double width, boolean right) {
        /** Checks the word is there and the strip within what the drawing accepts. */
        public Mark {
            Objects.requireNonNull(text, "text");
            if (text.isBlank() || !(width >= 0.1 && width <= 0.6)) {
                throw new IllegalArgumentException("mark out of bounds: '" + text + "' on " + width);
            }
        }
    }

    /**
     * What one repost does to a photo, in the order it happens: cut at the edges by the reposter, stamped with their
     * mark, scaled and recompressed as JPEG by the site it is posted to.
     *
     * @param scale     the factor the picture was resized by (1 for none)
     * @param crop      the share of width and height cut away (0 for none)
     * @param leftShare how the crop is split between left/top and right/bottom
     * @param mark      the reposter's mark stamped along its foot, if any
     * @param quality   the JPEG quality it was saved at
     */
    public record Alteration(double scale, double crop, double leftShare, Optional<Mark> mark, float quality) {
        /** An original as sites save uploads: JPEG at quality 0.82, nothing else done. */
        public static final Alteration NONE = new Alteration(1, 0, 0.5, Optional.empty(), 0.82f);

        /** Checks the bounds the drawing accepts. */
        public Alteration {
            if (!(scale >= 0.1 && scale <= 4) || !(crop >= 0 && crop <= 0.25) || !(leftShare >= 0 && leftShare <= 1)
                    || !(quality >= 0.05f && quality <= 1)) {
                throw new IllegalArgumentException("alteration out of bounds: " + scale + ", " + crop + ", "
                        + leftShare + ", " + quality);
            }
            Objects.requireNonNull(mark, "mark");
        }

        /**
         * A repost as the web makes one, drawn from {@code rnd}: a site scales it to 50 to 100 % and recompresses it
         * at JPEG quality 45 to 85; half the copies are cut by 0.5 to 2 % at the edges (split not quite evenly), a
         * third are stamped with a reposter's word. Larger or one-sided crops are not what reposting does, and PDQ
         * does not see through them (docs/BENCHMARKS.md, "Image links").
         */
        public static Alteration repost(SplittableRandom rnd) {
            double scale = 0.5 + 0.5 * rnd.nextDouble();
            double crop = rnd.nextBoolean() ? 0.005 + 0.015 * rnd.nextDouble() : 0;
            double leftShare = 0.3 + 0.4 * rnd.nextDouble();
            Optional<Mark> mark = rnd.nextInt(3) == 0
                    ? Optional.of(new Mark(MARKS.get(rnd.nextInt(MARKS.size())), 0.2 + 0.2 * rnd.nextDouble(),
                            rnd.nextBoolean()))
                    : Optional.empty();
            return new Alteration(scale, crop, leftShare, mark, (float) (0.45 + 0.4 * rnd.nextDouble()));
        }

        /** The photo altered, as a JPEG file's bytes. */
        public byte[] bytes(BufferedImage photo) {
            BufferedImage img = photo;
            if (crop > 0) {
                img = cropped(img, crop, leftShare);
            }
            if (mark.isPresent()) {
                img = watermarked(img, mark.get().text(), mark.get().width(), mark.get().right());
            }
            if (scale != 1) {
                img = resized(img, scale);
            }
            return jpeg(img, quality);
        }

        /** What was done, for an answer key. */
        public String describe() {
            return String.format(Locale.ROOT, "scaled %.2f, cropped %.1f%%%s, JPEG quality %.2f", scale, crop * 100,
                    mark.map(m -> String.format(Locale.ROOT, ", marked '%s' on %.0f%% of the foot %s", m.text(),
                            m.width() * 100, m.right() ? "right" : "left")).orElse(""), quality);
        }
    }

    /** The words reposters stamp on photos: names of nothing, no contact. */
    private static final List<String> MARKS = List.of("ISH BOR", "VAKANSIYA", "RABOTA", "JOBS", "FOTO");

    private NearCopies() {
    }

    /** The photo as a repost makes it ({@link Alteration#repost}), deterministic from the seed. */
    public static Repost repost(BufferedImage photo, long seed) {
        Alteration a = Alteration.repost(new SplittableRandom(seed));
        return new Repost(a.bytes(photo), Format.JPEG, a.describe());
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

    /**
     * The picture with {@code text} (a channel's or site's name, as reposters stamp their copies) on a dark strip
     * along its foot, at the left or the right: letters of the pixel font, so the same copy has the same bytes on
     * every machine. The strip covers at most a tenth of the picture's height and {@code width} (0.1 to 0.6) of
     * its width.
     */
    public static BufferedImage watermarked(BufferedImage img, String text, double width, boolean right) {
        if (!(width >= 0.1 && width <= 0.6) || text.isBlank()) {
            throw new IllegalArgumentException("a watermark says something on 0.1 to 0.6 of the width, not '" + text
                    + "' on " + width);
        }
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(img, 0, 0, null);
            int stripW = (int) Math.round(img.getWidth() * width);
            int scale = 1;
            while (PixelFont.width(text, scale + 1) <= stripW - 8 && 9 * (scale + 1) <= img.getHeight() / 10) {
                scale++;
            }
            int stripH = Math.max(9 * scale, img.getHeight() / 14);
            int x = right ? img.getWidth() - stripW : 0;
            int y = img.getHeight() - stripH;
            g.setColor(new Color(0, 0, 0, 150));
            g.fillRect(x, y, stripW, stripH);
            g.setColor(Color.WHITE);
            g.setClip(x, y, stripW, stripH);
            PixelFont.draw(g, text, x + 4, y + (stripH - 7 * scale) / 2, scale);
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
