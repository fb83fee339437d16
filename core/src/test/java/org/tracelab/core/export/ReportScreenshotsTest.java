package org.tracelab.core.export;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Case;
import org.tracelab.core.collect.CaptureSink;
import org.tracelab.core.collect.NewItem;
import org.tracelab.core.collect.Progress;
import org.tracelab.core.collect.StoredBlob;
import org.tracelab.core.collect.WarcLocation;
import org.tracelab.core.collect.WarcResource;
import org.tracelab.core.testing.TestCases;

/**
 * A page's screenshot, archived as a {@code urn:view:} resource record as the browser collector does, is shown
 * reduced in the report beside its item and hash; a picture that is not one says so instead. Fictitious pictures.
 */
class ReportScreenshotsTest {
    private static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void aScreenshotIsShownReducedAndABrokenOneSaysSo() throws IOException {
        Path out = tmp.resolve("report.html");
        try (Case c = TestCases.create(tmp.resolve("case"), "Report screenshots", AT)) {
            CaptureSink sink = c.startCapture("browser", Map.of(), null);
            screenshot(sink, "http://lab.example/ad/1", png(1280, 4000));
            screenshot(sink, "http://lab.example/ad/2", "not a picture at all".getBytes(StandardCharsets.UTF_8));
            c.finishCapture("browser", Map.of("items", 2));
            try (var stream = Files.newOutputStream(out)) {
                new org.tracelab.core.export.report.HtmlReport(c).write(stream, Progress.NONE);
            }
        }
        String html = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(html.contains("<section id=\"screenshots\">"), "a screenshots section");
        assertTrue(html.contains("width=\"320\" height=\"640\" src=\"data:image/png;base64,"),
                "the long page reduced to 320 pixels wide and cut at 640");
        assertTrue(html.contains("(top 2560 of 4000 pixels)"), "the cut is said");
        assertTrue(html.contains("(not an image this report can show)"), "the broken one says so");
        assertFalse(html.contains("<script"), "no script in the report");
    }

    private static void screenshot(CaptureSink sink, String page, byte[] bytes) throws IOException {
        StoredBlob blob = sink.storeBlob(new ByteArrayInputStream(bytes), Long.MAX_VALUE);
        WarcLocation view = sink.archive(WarcResource.of(WarcResource.VIEW, URI.create(page), AT, "image/png", blob,
                null));
        sink.record(NewItem.of("screenshot", page, AT, "browser", "image/png", null, Map.of()).with(view), blob);
    }

    private static byte[] png(int width, int height) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.DARK_GRAY);
        g.drawString("Fictitious ad page", 40, 40);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
