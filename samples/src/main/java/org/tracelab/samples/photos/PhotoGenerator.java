package org.tracelab.samples.photos;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.SplittableRandom;
import org.tracelab.samples.internal.PixelFont;

/**
 * Fictitious photographs for lab scenarios, drawn with Java2D: rooms ("the hotel"), buildings ("the factory") and
 * vehicles ("the transport"), never people. The same seed and size always give the same pixels, so a scenario can
 * reuse a photo across ads (as recruiters do) and its answer key can say which ads share it. Each photo carries a
 * small "fictitious" mark in a corner.
 */
public final class PhotoGenerator {
    /** What a photo shows. */
    public enum Subject {
        /** A room: walls, floor, a window, furniture. */
        ROOM,
        /** A building front: storeys of windows, a door, trees, sky. */
        BUILDING,
        /** A vehicle on a road: a car, a van or a bus. */
        VEHICLE
    }

    private PhotoGenerator() {
    }

    /** A photo of the subject the seed chooses, {@code width x height} pixels. */
    public static BufferedImage draw(long seed, int width, int height) {
        Subject[] all = Subject.values();
        return draw(all[(int) Math.floorMod(new SplittableRandom(seed).nextLong(), (long) all.length)], seed, width,
                height);
    }

    /** A photo of {@code subject}, {@code width x height} pixels (each at least 64), deterministic from the seed. */
    public static BufferedImage draw(Subject subject, long seed, int width, int height) {
        Objects.requireNonNull(subject, "subject");
        if (width < 64 || height < 64 || (long) width * height > 16_000_000L) {
            throw new IllegalArgumentException("a photo is 64 x 64 to 16 megapixels, not " + width + " x " + height);
        }
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + subject.ordinal());
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            // Drawn on a 1000-unit-wide canvas and scaled, so a photo's composition does not depend on its size.
            double h = 1000.0 * height / width;
            g.scale(width / 1000.0, width / 1000.0);
            // Where the camera stands: a zoom into part of the scene, and either way round, so two photos of the
            // same kind of room differ in where everything is, as two real photos do.
            double zoom = 1 + rnd.nextDouble() * 0.6;
            g.translate(-rnd.nextDouble() * 1000 * (zoom - 1), -rnd.nextDouble() * h * (zoom - 1));
            g.scale(zoom, zoom);
            if (rnd.nextBoolean()) {
                g.translate(1000, 0);
                g.scale(-1, 1);
            }
            switch (subject) {
                case ROOM -> room(g, rnd, h);
                case BUILDING -> building(g, rnd, h);
                case VEHICLE -> vehicle(g, rnd, h);
            }
        } finally {
            g.dispose();
        }
        grain(img, rnd);
        mark(img);
        return img;
    }

    private static void room(Graphics2D g, SplittableRandom rnd, double h) {
        Color wall = hsb(rnd, rnd.nextDouble(), 0.15, 0.45, 0.55, 0.9);
        double horizon = h * (0.55 + rnd.nextDouble() * 0.2);
        g.setPaint(new GradientPaint(0, 0, wall.brighter(), 1000, (float) horizon, wall.darker()));
        fill(g, 0, 0, 1000, horizon);
        Color floor = hsb(rnd, 0.05 + rnd.nextDouble() * 0.08, 0.3, 0.6, 0.25, 0.55);
        g.setPaint(new GradientPaint(0, (float) horizon, floor, 0, (float) h, floor.darker()));
        fill(g, 0, horizon, 1000, h - horizon);
        // The side wall, so the room has depth; on the left or the right.
        boolean left = rnd.nextBoolean();
        double depth = 120 + rnd.nextDouble() * 180;
        Path2D side = new Path2D.Double();
        double x0 = left ? 0 : 1000;
        double x1 = left ? depth : 1000 - depth;
        side.moveTo(x0, 0);
        side.lineTo(x1, h * 0.12);
        side.lineTo(x1, horizon);
        side.lineTo(x0, horizon + h * 0.18);
        side.closePath();
        g.setColor(wall.darker());
        g.fill(side);
        // A window with sky and a frame.
        double ww = 180 + rnd.nextDouble() * 200;
        double wx = left ? depth + 60 + rnd.nextDouble() * (900 - depth - ww - 60) : 40 + rnd.nextDouble() * (860 - depth - ww);
        double wy = h * 0.1 + rnd.nextDouble() * h * 0.1;
        double wh = horizon * (0.35 + rnd.nextDouble() * 0.2);
        g.setPaint(new GradientPaint(0, (float) wy, hsb(rnd, 0.55, 0.6, 0.5, 0.8, 1.0), 0, (float) (wy + wh),
                new Color(230, 240, 250)));
        fill(g, wx, wy, ww, wh);
        g.setColor(new Color(245, 245, 240));
        g.setStroke(new BasicStroke(10f));
        g.draw(new java.awt.geom.Rectangle2D.Double(wx, wy, ww, wh));
        g.draw(new java.awt.geom.Line2D.Double(wx + ww / 2, wy, wx + ww / 2, wy + wh));
        // Curtains.
        Color curtain = hsb(rnd, rnd.nextDouble(), 0.4, 0.7, 0.4, 0.8);
        g.setColor(curtain);
        fill(g, wx - 40, wy - 20, 50, wh + 60);
        fill(g, wx + ww - 10, wy - 20, 50, wh + 60);
        // A picture on the wall.
        double px = rnd.nextDouble() * 700 + 100;
        if (Math.abs(px - wx) > ww) {
            g.setColor(new Color(90, 60, 30));
            fill(g, px, h * 0.15, 120, 90);
            g.setColor(hsb(rnd, rnd.nextDouble(), 0.4, 0.8, 0.5, 0.9));
            fill(g, px + 10, h * 0.15 + 10, 100, 70);
        }
        // Beds or a sofa, a table, a lamp: a few pieces of furniture standing on the floor.
        int pieces = 2 + rnd.nextInt(3);
        for (int i = 0; i < pieces; i++) {
            double fw = 150 + rnd.nextDouble() * 300;
            double fh = 60 + rnd.nextDouble() * 160;
            double fx = rnd.nextDouble() * (1000 - fw);
            double base = horizon + rnd.nextDouble() * (h - horizon) * 0.7 + 20;
            Color c = hsb(rnd, rnd.nextDouble(), 0.2, 0.8, 0.2, 0.9);
            g.setColor(c.darker());
            fill(g, fx + 8, base - fh + 8, fw, fh);
            g.setColor(c);
            g.fill(new RoundRectangle2D.Double(fx, base - fh, fw, fh, 30, 30));
            g.setColor(c.brighter());
            fill(g, fx + 10, base - fh + 10, fw - 20, fh * 0.3);
        }
        // A lamp.
        double lx = rnd.nextDouble() * 900 + 50;
        g.setColor(new Color(60, 60, 60));
        fill(g, lx, horizon - 220, 8, 220);
        g.setColor(new Color(255, 230, 170));
        Path2D shade = new Path2D.Double();
        shade.moveTo(lx - 40, horizon - 200);
        shade.lineTo(lx + 48, horizon - 200);
        shade.lineTo(lx + 25, horizon - 270);
        shade.lineTo(lx - 17, horizon - 270);
        shade.closePath();
        g.fill(shade);
    }

    private static void building(Graphics2D g, SplittableRandom rnd, double h) {
        sky(g, rnd, h);
        double ground = h * (0.78 + rnd.nextDouble() * 0.12);
        g.setColor(hsb(rnd, 0.25, 0.2, 0.5, 0.3, 0.5));
        fill(g, 0, ground, 1000, h - ground);
        int blocks = 1 + rnd.nextInt(3);
        double x = rnd.nextDouble() * 120 - 60;
        for (int b = 0; b < blocks && x < 1000; b++) {
            double bw = 250 + rnd.nextDouble() * 450;
            double bh = ground * (0.35 + rnd.nextDouble() * 0.55);
            Color facade = hsb(rnd, rnd.nextDouble(), 0.05, 0.4, 0.35, 0.9);
            g.setPaint(new GradientPaint((float) x, 0, facade, (float) (x + bw), 0, facade.darker()));
            fill(g, x, ground - bh, bw, bh);
            g.setColor(facade.darker().darker());
            fill(g, x - 10, ground - bh - 15, bw + 20, 18);
            int cols = 3 + rnd.nextInt(6);
            int rows = Math.max(1, (int) (bh / (70 + rnd.nextDouble() * 50)));
            double cw = bw / cols;
            double rh = bh / (rows + 0.6);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    boolean lit = rnd.nextDouble() < 0.3;
                    g.setColor(lit ? new Color(250, 225, 140) : hsb(rnd, 0.58, 0.3, 0.5, 0.2, 0.45));
                    fill(g, x + c * cw + cw * 0.2, ground - bh + rh * 0.4 + r * rh, cw * 0.6, rh * 0.55);
                }
            }
            g.setColor(new Color(70, 45, 30));
            fill(g, x + bw * (0.3 + rnd.nextDouble() * 0.4), ground - 110, 70, 110);
            x += bw + rnd.nextDouble() * 150 - 40;
        }
        int trees = rnd.nextInt(5);
        for (int t = 0; t < trees; t++) {
            double tx = rnd.nextDouble() * 1000;
            double size = 60 + rnd.nextDouble() * 90;
            g.setColor(new Color(90, 60, 35));
            fill(g, tx - 8, ground - size, 16, size);
            g.setColor(hsb(rnd, 0.28, 0.5, 0.8, 0.25, 0.55));
            g.fill(new Ellipse2D.Double(tx - size * 0.7, ground - size * 2, size * 1.4, size * 1.3));
        }
    }

    private static void vehicle(Graphics2D g, SplittableRandom rnd, double h) {
        sky(g, rnd, h);
        double road = h * (0.6 + rnd.nextDouble() * 0.15);
        // Buildings far behind.
        for (double x = -20; x < 1000; x += 60 + rnd.nextDouble() * 120) {
            double bh = 60 + rnd.nextDouble() * 200;
            g.setColor(hsb(rnd, rnd.nextDouble(), 0.05, 0.2, 0.45, 0.7));
            fill(g, x, road - bh, 50 + rnd.nextDouble() * 110, bh);
        }
        g.setColor(new Color(70, 70, 75));
        fill(g, 0, road, 1000, h - road);
        g.setColor(new Color(230, 230, 220));
        for (double x = rnd.nextDouble() * 80; x < 1000; x += 160) {
            fill(g, x, road + (h - road) * 0.6, 80, 10);
        }
        int kind = rnd.nextInt(3); // car, van, bus
        double length = kind == 0 ? 520 : kind == 1 ? 640 : 860;
        double height = kind == 0 ? 150 : kind == 1 ? 260 : 300;
        double vx = (1000 - length) * rnd.nextDouble() * 0.9 + 20;
        double base = road + (h - road) * (0.35 + rnd.nextDouble() * 0.2);
        Color body = hsb(rnd, rnd.nextDouble(), 0.5, 0.95, 0.35, 0.95);
        g.setColor(new Color(30, 30, 30, 120));
        g.fill(new Ellipse2D.Double(vx - 20, base - 20, length + 40, 50));
        g.setPaint(new GradientPaint(0, (float) (base - height), body.brighter(), 0, (float) base, body.darker()));
        g.fill(new RoundRectangle2D.Double(vx, base - height, length, height - 30, 60, 60));
        if (kind == 0) {
            Path2D cabin = new Path2D.Double();
            cabin.moveTo(vx + length * 0.2, base - height + 5);
            cabin.lineTo(vx + length * 0.32, base - height - 90);
            cabin.lineTo(vx + length * 0.7, base - height - 90);
            cabin.lineTo(vx + length * 0.85, base - height + 5);
            cabin.closePath();
            g.setColor(body);
            g.fill(cabin);
        }
        g.setColor(new Color(150, 190, 215));
        double windowsTop = kind == 0 ? base - height - 75 : base - height + 25;
        int windows = kind == 0 ? 2 : kind == 1 ? 3 : 7;
        double span = kind == 0 ? length * 0.45 : length * 0.85;
        double start = kind == 0 ? vx + length * 0.3 : vx + length * 0.08;
        for (int i = 0; i < windows; i++) {
            fill(g, start + i * span / windows + 6, windowsTop, span / windows - 12, kind == 0 ? 70 : 80);
        }
        g.setColor(body.darker());
        fill(g, vx, base - height * 0.55, length, 12);
        for (double wx : new double[] {vx + length * 0.18, vx + length * 0.82}) {
            g.setColor(new Color(25, 25, 25));
            g.fill(new Ellipse2D.Double(wx - 55, base - 85, 110, 110));
            g.setColor(new Color(170, 170, 175));
            g.fill(new Ellipse2D.Double(wx - 25, base - 55, 50, 50));
        }
        g.setColor(new Color(255, 240, 190));
        g.fill(new Ellipse2D.Double(vx + length - 40, base - height * 0.45, 30, 22));
    }

    private static void sky(Graphics2D g, SplittableRandom rnd, double h) {
        Color top = hsb(rnd, 0.55 + rnd.nextDouble() * 0.08, 0.4, 0.8, 0.6, 0.95);
        g.setPaint(new GradientPaint(0, 0, top, 0, (float) (h * 0.7), new Color(235, 238, 240)));
        fill(g, 0, 0, 1000, h);
        int clouds = rnd.nextInt(4);
        g.setColor(new Color(250, 250, 250, 200));
        for (int i = 0; i < clouds; i++) {
            double cx = rnd.nextDouble() * 1000;
            double cy = rnd.nextDouble() * h * 0.3;
            for (int p = 0; p < 4; p++) {
                g.fill(new Ellipse2D.Double(cx + p * 40 - 60, cy + (p % 2) * 15, 110, 60));
            }
        }
    }

    /** Sensor noise, so the photo has texture as a real one does (and JPEG has something to lose). */
    private static void grain(BufferedImage img, SplittableRandom rnd) {
        int w = img.getWidth();
        int[] row = new int[w];
        for (int y = 0; y < img.getHeight(); y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int n = rnd.nextInt(13) - 6;
                int p = row[x];
                row[x] = clamp((p >> 16 & 0xff) + n) << 16 | clamp((p >> 8 & 0xff) + n) << 8 | clamp((p & 0xff) + n);
            }
            img.setRGB(0, y, w, 1, row, 0, w);
        }
    }

    /** "FICTITIOUS" in small pixel letters in the bottom right corner (a system font would differ by machine). */
    private static void mark(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        try {
            int scale = Math.max(1, img.getWidth() / 400);
            String text = "FICTITIOUS";
            int width = text.length() * 6 * scale;
            g.setColor(new Color(255, 255, 255));
            PixelFont.draw(g, text, img.getWidth() - width - 4 * scale, img.getHeight() - 11 * scale, scale);
        } finally {
            g.dispose();
        }
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static Color hsb(SplittableRandom rnd, double hue, double satLow, double satHigh, double briLow,
                             double briHigh) {
        return Color.getHSBColor((float) hue, (float) (satLow + rnd.nextDouble() * (satHigh - satLow)),
                (float) (briLow + rnd.nextDouble() * (briHigh - briLow)));
    }

    private static void fill(Graphics2D g, double x, double y, double w, double h) {
        g.fill(new java.awt.geom.Rectangle2D.Double(x, y, w, h));
    }
}
