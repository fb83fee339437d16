package org.tracelab.core.extract;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Images made by the tests: fictitious flyers (light letters on a coloured card, as recruiters post them) drawn with
 * DejaVu Sans where Debian put it, else with Java's logical sans-serif font.
 */
public final class TestImages {
    private static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

    private TestImages() {
    }

    /** A flyer of these lines, drawn 800 pixels wide. */
    public static BufferedImage flyer(String... lines) {
        int line = 48;
        BufferedImage img = new BufferedImage(800, 60 + line * lines.length, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(0x0B3D91));
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.setColor(Color.WHITE);
            g.setFont(font().deriveFont(28f));
            for (int i = 0; i < lines.length; i++) {
                g.drawString(lines[i], 40, 60 + i * line);
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Writes an image in {@code format} ({@code png}, {@code jpeg}, {@code gif}, {@code tiff}). */
    public static Path write(BufferedImage img, String format, Path file) throws IOException {
        BufferedImage out = img;
        if (format.equals("jpeg") || format.equals("gif")) {
            out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
            out.getGraphics().drawImage(img, 0, 0, null);
        }
        if (!ImageIO.write(out, format, file.toFile())) {
            throw new IOException("no ImageIO writer for " + format);
        }
        return file;
    }

    private static Font font() {
        if (Files.isReadable(DEJAVU)) {
            try {
                return Font.createFont(Font.TRUETYPE_FONT, DEJAVU.toFile());
            } catch (IOException | FontFormatException e) {
                // the logical font below
            }
        }
        return new Font(Font.SANS_SERIF, Font.PLAIN, 28);
    }
}
