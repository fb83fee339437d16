package org.tracelab.core.export.report;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.tracelab.core.Case;
import org.tracelab.core.Timestamps;
import org.tracelab.core.collect.WarcLocation;
import org.tracelab.core.collect.WarcResource;
import org.tracelab.core.items.Item;

/**
 * The report's screenshots section: each page a collector saw in a browser, as the trainee saw it, shown small
 * beside the item that holds the full picture and its hash. A screenshot is known by its WARC resource record's
 * target ({@code urn:view:URL}), the contract's name for it, not by a collector's own item kinds.
 */
final class Screenshots {
    /** Screenshots shown; the items table lists every one. */
    static final int MAX_SHOWN = 100;
    /** Width of a thumbnail in pixels: enough to recognise a page, small enough for a report of hundreds. */
    static final int THUMB_WIDTH = 320;
    /** Thumbnails are cut at this height: a full-page screenshot may be a hundred screens long. */
    static final int THUMB_MAX_HEIGHT = 640;

    private Screenshots() {
    }

    static void write(Writer w, Case c) throws IOException {
        List<Item> shots = new ArrayList<>();
        long[] total = {0};
        c.forEachItem(ti -> {
            Optional<WarcLocation> warc = ti.item().warc();
            if (warc.isPresent() && warc.get().target() != null
                    && warc.get().target().startsWith(WarcResource.VIEW)) {
                total[0]++;
                if (shots.size() < MAX_SHOWN) {
                    shots.add(ti.item());
                }
            }
        });
        if (shots.isEmpty()) {
            return;
        }
        w.write("<section id=\"screenshots\"><h2>Screenshots (pages as the browser showed them)</h2>");
        w.write("<p>" + total[0] + " screenshots" + (total[0] > shots.size() ? "; the first " + shots.size()
                + " shown" : "") + ". Each is shown reduced; the item holds the full picture under the hash given.</p>"
                + "<table><thead><tr><th>item</th><th>page</th><th>captured (UTC)</th><th>sha256</th>"
                + "<th>screenshot</th></tr></thead><tbody>\n");
        for (Item shot : shots) {
            w.write("<tr><td><a href=\"#item-" + shot.id() + "\">" + shot.id() + "</a></td><td class=\"p\">"
                    + Html.escape(shot.source()) + "</td><td>" + Html.escape(Timestamps.format(shot.capturedAt()))
                    + "</td><td class=\"h\">" + Html.escape(shot.blob().sha256()) + "</td><td>"
                    + thumbnail(c, shot) + "</td></tr>\n");
        }
        w.write("</tbody></table></section>\n");
    }

    /** An img element with a reduced copy of the screenshot, or a line saying why there is none. */
    private static String thumbnail(Case c, Item shot) {
        try (InputStream raw = c.openRaw(shot); ImageInputStream in = ImageIO.createImageInputStream(raw)) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return "(not an image this report can show)";
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                // Decoded subsampled, so a page thousands of pixels long never needs its full size in memory.
                int step = Math.max(1, (int) Math.ceil(width / (double) THUMB_WIDTH));
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                int rows = Math.min(height, THUMB_MAX_HEIGHT * step);
                param.setSourceRegion(new java.awt.Rectangle(0, 0, width, rows));
                BufferedImage small = reader.read(0, param);
                BufferedImage rgb = new BufferedImage(small.getWidth(), small.getHeight(), BufferedImage.TYPE_INT_RGB);
                Graphics2D g = rgb.createGraphics();
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(small, 0, 0, null);
                g.dispose();
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                ImageIO.write(rgb, "png", png);
                return "<img alt=\"screenshot of item " + shot.id() + "\" width=\"" + rgb.getWidth() + "\" height=\""
                        + rgb.getHeight() + "\" src=\"data:image/png;base64,"
                        + Base64.getEncoder().encodeToString(png.toByteArray()) + "\">"
                        + (rows < height ? "<br>(top " + rows + " of " + height + " pixels)" : "");
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return "(the screenshot could not be read: " + Html.escape(e.getMessage()) + ")";
        }
    }
}
