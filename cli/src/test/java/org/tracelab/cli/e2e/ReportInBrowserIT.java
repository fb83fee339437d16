package org.tracelab.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.samples.LabServer;
import org.tracelab.samples.LabServerOptions;

/**
 * The HTML report of a case full of hostile captures, opened in headless Chromium (Debian's {@code chromium}): the
 * DOM Chromium ends with shows no script ran, and a screenshot is kept under {@code target/} for a person to look at.
 */
class ReportInBrowserIT {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final Pattern OPEN_TAG = Pattern.compile("<([a-zA-Z][a-zA-Z0-9-]*)(\\s[^>]*)?>");
    private static final Pattern EVENT_ATTR = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    @TempDir
    static Path tmp;
    static Chromium chromium;

    @BeforeAll
    static void needChromium() {
        chromium = Chromium.find(tmp);
    }

    private static String run(Path userData, String... args) throws IOException, InterruptedException {
        return chromium.run(userData, args);
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int at = s.indexOf(what); at >= 0; at = s.indexOf(what, at + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void chromiumRunsScriptInAPageWithoutPolicySoTheCheckBelowCanFail() throws Exception {
        Path control = tmp.resolve("control.html");
        Files.writeString(control, "<!DOCTYPE html><title>before</title><body><script>document.title='RAN'"
                + "</script></body>", StandardCharsets.UTF_8);
        String dom = run(tmp.resolve("profile-control"), "--dump-dom", control.toUri().toString());
        assertTrue(dom.contains("<title>RAN</title>"), dom);
    }

    @Test
    void hostileCapturesAreInertInTheReport() throws Exception {
        Path site = HostileSite.write(tmp.resolve("site"));
        Path caseDir = tmp.resolve("case");
        Cli cli = new Cli(caseDir);
        assertEquals(0, cli.init().code());
        try (LabServer server = LabServer.start(site, LabServerOptions.defaults())) {
            assertEquals(0, cli.run("collect", "page", server.baseUri().toString(), "--depth", "1", "--delay", "0")
                    .code());
        }
        assertEquals(0, cli.run("collect", "file", site.resolve("docs").toString()).code());
        assertEquals(0, cli.run("tag", "1", "<script>document.title='PWNED'</script>").code());
        assertEquals(0, cli.run("note", "1", "<a href=\"javascript:document.title='PWNED'\">open</a>"
                + "<img src=x onerror=\"document.title='PWNED'\">").code());
        assertEquals(0, cli.run("scan").code(), "a scan, so the report has indicator hits");
        Path report = tmp.resolve("report.html");
        Cli.Run export = cli.run("export", "report", "--out", report.toString());
        assertEquals(0, export.code(), export::toString);
        assertTrue(Files.readString(report).contains("PWNED"), "the hostile strings are in the report, as text");

        String dom = run(tmp.resolve("profile-dom"), "--dump-dom", report.toUri().toString());
        assertTrue(dom.contains("<title>Tracelab report: Lab 1 (fictitious)</title>"), "title unchanged");
        assertTrue(dom.contains("Training exercise: test suite"), "purpose shown");
        String lower = dom.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("<script"), "no script element in the DOM");
        assertFalse(lower.contains("<img"), "no image element from a capture");
        assertFalse(lower.contains("<a "), "no link element from a capture");
        Matcher m = OPEN_TAG.matcher(dom);
        while (m.find()) {
            assertFalse(m.group(2) != null && EVENT_ATTR.matcher(m.group(2)).find(),
                    "event handler attribute: " + m.group());
        }
        assertTrue(dom.contains("&lt;script&gt;document.title='PWNED'&lt;/script&gt;"), "shown as text");
        assertTrue(dom.contains("<mark>passport</mark>"), "the scan's passage, its match marked");

        // The cluster picture is parsed as SVG: its elements are in the DOM Chromium built, one circle per ad.
        int svgAt = dom.indexOf("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" id=\"clusters-svg\"");
        assertTrue(svgAt >= 0, "the cluster picture is in the DOM");
        String svg = dom.substring(svgAt, dom.indexOf("</svg>", svgAt));
        assertEquals(2, count(svg, "<circle "), svg);
        assertTrue(count(svg, "<rect class=\"identifier\"") >= 1, svg);
        assertTrue(svg.contains("<title>phone:+998900000000</title>"), svg);

        Path target = Path.of(System.getProperty("tracelab.jar", "target/tracelab.jar")).toAbsolutePath()
                .getParent();
        Files.createDirectories(target);
        Path shot = target.resolve("report-in-chromium.png");
        Files.deleteIfExists(shot);
        // Tall enough to show the charts, the hits and the cluster picture.
        run(tmp.resolve("profile-shot"), "--screenshot=" + shot, "--window-size=1200,2000",
                report.toUri().toString());
        assertTrue(Files.isRegularFile(shot), "screenshot at " + shot);
        byte[] head = Arrays.copyOf(Files.readAllBytes(shot), PNG.length);
        assertArrayEquals(PNG, head, "the screenshot is a PNG");
    }
}
