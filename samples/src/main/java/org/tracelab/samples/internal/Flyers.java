package org.tracelab.samples.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

/** Letters a recruiter's flyer. */
final class Flyers {
    private Flyers() {
    }

    /** The flyer with {@code lines} top to bottom. */
    static BufferedImage draw(List<String> lines, long seed) {
        // TODO(lab): the ocr helper's flyer renderer with a real font, once it is on main
        BufferedImage img = new BufferedImage(640, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(new Color(0x0B3D91));
            g.fillRect(0, 0, 640, 400);
            g.setColor(Color.WHITE);
            int y = 20;
            for (String line : lines) {
                PixelFont.draw(g, line, 20, y, 2);
                y += 40;
            }
        } finally {
            g.dispose();
        }
        return img;
    }
}
