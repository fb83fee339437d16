package org.tracelab.samples;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.tracelab.samples.internal.PixelFont;

/**
 * A job flyer as recruiters repost it in channels: lines of text on a coloured card with a band at its foot, drawn
 * with DejaVu Sans (Debian's {@code fonts-dejavu-core}) where the machine has it, else with a 5x7 pixel font that
 * knows only Latin capitals, digits and a little punctuation. Each flyer's text is made up and its band says so.
 *
 * <p>With the same font file the same flyer has the same bytes; {@link #text()} is what a reader sees, line by
 * line, the truth that OCR is measured against.
 */
public final class Flyer {
    /** Where Debian puts DejaVu. */
    public static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu");
    /** The band's line every flyer ends with, so no copy of it passes for a real offer. */
    public static final String FICTITIOUS = "FICTITIOUS TRAINING DATA - TRACELAB LAB";

    static final int WIDTH = 800;
    static final int MARGIN = 40;
    private static final Color CARD = new Color(0x0B3D91);
    private static final Color INK = Color.WHITE;
    private static final Color BAND = new Color(0xFFC72C);
    private static final Color BAND_INK = Color.BLACK;

    /** How the letters are drawn. */
    public enum Lettering {
        /** DejaVu Sans, anti-aliased. */
        FONT,
        /** The 5x7 pixel font: same bytes on every machine, but Latin capitals only. */
        PIXELS
    }

    /**
     * One line of a flyer.
     *
     * @param text what it says, on one line (a line too wide for the card is drawn smaller, never wrapped)
     * @param size letter height in pixels (the font's size)
     * @param bold drawn in the bold face
     */
    public record Line(String text, int size, boolean bold) {
        public Line {
            Objects.requireNonNull(text, "text");
            if (text.contains("\n")) {
                throw new IllegalArgumentException("a flyer line is one line: '" + text + "'");
            }
            if (size < 8 || size > 200) {
                throw new IllegalArgumentException("line size must be 8 to 200 pixels, not " + size);
            }
        }

        /** A headline: big and bold. */
        public static Line headline(String text) {
            return new Line(text, 48, true);
        }

        /** A line of body text. */
        public static Line body(String text) {
            return new Line(text, 28, false);
        }
    }

    private final List<Line> card;
    private final List<Line> band;

    private Flyer(List<Line> card, List<Line> band) {
        this.card = List.copyOf(card);
        this.band = List.copyOf(band);
        if (this.card.isEmpty()) {
            throw new IllegalArgumentException("a flyer needs at least one line on its card");
        }
    }

    /** A flyer with these lines on its card and {@link #FICTITIOUS} in its band. */
    public static Flyer of(List<Line> lines) {
        return new Flyer(lines, List.of(new Line(FICTITIOUS, 24, true)));
    }

    /** A flyer with these lines on its card and these in its band (which should say the flyer is made up). */
    public static Flyer of(List<Line> lines, List<Line> band) {
        return new Flyer(lines, band);
    }

    /** What the flyer says, card then band, one line per line. */
    public String text() {
        List<Line> all = new ArrayList<>(card);
        all.addAll(band);
        return all.stream().map(Line::text).collect(Collectors.joining("\n"));
    }

    /** The flyer drawn with DejaVu Sans when the machine has it, else with the pixel font. */
    public BufferedImage render() {
        return render(fontAvailable() ? Lettering.FONT : Lettering.PIXELS);
    }

    /** The flyer drawn with the given lettering; {@link Lettering#FONT} needs DejaVu ({@link #fontAvailable()}). */
    public BufferedImage render(Lettering lettering) {
        Fonts fonts = lettering == Lettering.FONT ? Fonts.load() : null;
        int cardHeight = MARGIN + heightOf(card) + MARGIN / 2;
        int bandHeight = MARGIN / 2 + heightOf(band) + MARGIN / 2;
        BufferedImage img = new BufferedImage(WIDTH, cardHeight + bandHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(CARD);
            g.fillRect(0, 0, WIDTH, cardHeight);
            g.setColor(BAND);
            g.fillRect(0, cardHeight, WIDTH, bandHeight);
            g.setColor(INK);
            draw(g, card, MARGIN, fonts);
            g.setColor(BAND_INK);
            draw(g, band, cardHeight + MARGIN / 2, fonts);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Writes {@link #render()} as a PNG. */
    public void writePng(Path file) throws IOException {
        write(render(), file);
    }

    /** Writes an image as a PNG. */
    public static void write(BufferedImage img, Path file) throws IOException {
        if (!ImageIO.write(img, "png", file.toFile())) {
            throw new IOException("no PNG writer for " + file);
        }
    }

    /** True when DejaVu Sans (regular and bold) is installed where Debian puts it. */
    public static boolean fontAvailable() {
        return Files.isReadable(DEJAVU.resolve(Fonts.REGULAR)) && Files.isReadable(DEJAVU.resolve(Fonts.BOLD));
    }

    private static int heightOf(List<Line> lines) {
        return lines.stream().mapToInt(l -> lineHeight(l.size())).sum();
    }

    private static int lineHeight(int size) {
        return size * 3 / 2;
    }

    private static void draw(Graphics2D g, List<Line> lines, int top, Fonts fonts) {
        int y = top;
        for (Line line : lines) {
            if (fonts != null) {
                Font font = fonts.of(line).deriveFont((float) line.size());
                FontMetrics m = g.getFontMetrics(font);
                int width = m.stringWidth(line.text());
                if (width > WIDTH - 2 * MARGIN) {
                    font = font.deriveFont(line.size() * (float) (WIDTH - 2 * MARGIN) / width);
                    m = g.getFontMetrics(font);
                }
                g.setFont(font);
                g.drawString(line.text(), MARGIN, y + m.getAscent());
            } else {
                int scale = Math.max(1, line.size() / 8);
                while (scale > 1 && PixelFont.width(line.text(), scale) > WIDTH - 2 * MARGIN) {
                    scale--;
                }
                PixelFont.draw(g, line.text(), MARGIN, y, scale);
            }
            y += lineHeight(line.size());
        }
    }

    /** DejaVu Sans, loaded from its files (not by family name, which would take whatever the JDK maps it to). */
    private record Fonts(Font regular, Font bold) {
        static final String REGULAR = "DejaVuSans.ttf";
        static final String BOLD = "DejaVuSans-Bold.ttf";

        static Fonts load() {
            return new Fonts(font(REGULAR).orElseThrow(Fonts::missing), font(BOLD).orElseThrow(Fonts::missing));
        }

        Font of(Line line) {
            return line.bold() ? bold : regular;
        }

        private static Optional<Font> font(String name) {
            try {
                return Optional.of(Font.createFont(Font.TRUETYPE_FONT, DEJAVU.resolve(name).toFile()));
            } catch (IOException | FontFormatException e) {
                return Optional.empty();
            }
        }

        private static IllegalStateException missing() {
            return new IllegalStateException("DejaVu Sans is not installed in " + DEJAVU
                    + " (Debian package fonts-dejavu-core)");
        }
    }
}
