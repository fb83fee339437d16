package org.tracelab.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Case;
import org.tracelab.core.collect.Progress;
import org.tracelab.core.export.report.Html;
import org.tracelab.core.export.report.HtmlReport;
import org.tracelab.core.patterns.CaseScan;
import org.tracelab.core.patterns.IndicatorPacks;
import org.tracelab.core.patterns.RecordedScan;
import org.tracelab.core.patterns.Scanner;

class ReportTest {
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>");
    private static final Pattern ATTR = Pattern.compile("\\s([a-zA-Z][a-zA-Z0-9:-]*)=\"([^\"]*)\"");
    /** Every element the report's own code writes; anything else came from a capture. */
    private static final Set<String> ELEMENTS = Set.of("html", "head", "meta", "title", "style", "body", "h1", "h2",
            "section", "dl", "dt", "dd", "table", "thead", "tbody", "tr", "th", "td", "code", "footer", "p", "svg",
            "rect", "text", "line", "g", "circle", "mark");
    private static final Set<String> ATTRIBUTES = Set.of("lang", "charset", "http-equiv", "content", "name", "id",
            "class", "xmlns", "role", "width", "height", "aria-label", "x", "y", "x1", "y1", "x2", "y2", "fill",
            "stroke", "text-anchor", "cx", "cy", "r", "rowspan");

    @TempDir
    Path tmp;

    @Test
    void escapingMakesMarkupTextInBothContexts() {
        assertEquals("&lt;img src=x onerror=&quot;a()&quot;&gt; &#39;x&#39; &amp;amp; &#96;",
                Html.escape("<img src=x onerror=\"a()\"> 'x' &amp; `"));
        assertEquals("line\\nbreak \\u0000", Html.escape("line\nbreak \u0000"));
    }

    @Test
    void reportOfHostileCapturesHoldsOnlyItsOwnMarkupUnderAStrictPolicy() throws IOException {
        Path out = tmp.resolve("report.html");
        try (Case c = ExportCase.create(tmp.resolve("case"))) {
            ExportResult r = Exports.report(c, out, Progress.NONE);
            assertEquals(ExportCase.HOSTILE_SOURCES.length, r.records());
            assertEquals("export.report", c.summary().lastEntry().orElseThrow().action());
        }
        String html = Files.readString(out, StandardCharsets.UTF_8);
        assertOnlyOwnMarkup(html);
        assertTrue(html.contains(ExportCase.PURPOSE), "the purpose is in the report");
        assertTrue(html.contains("&lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt;"),
                "the captured script is shown as text");
    }

    @Test
    void hitsAndClusterPictureOfHostileAdsAreDrawnFromEscapedText() throws IOException {
        Path out = tmp.resolve("report.html");
        try (Case c = ExportCase.createLinkedAds(tmp.resolve("case"))) {
            List<CaseScan.Scanned> scanned = CaseScan.run(c, new Scanner(IndicatorPacks.builtIn()));
            RecordedScan.record(c, scanned, Map.of("packs", List.of("en"), "minScore", 3));
            Exports.report(c, out, Progress.NONE);
        }
        String html = Files.readString(out, StandardCharsets.UTF_8);
        assertOnlyOwnMarkup(html);
        String hits = section(html, "hits");
        assertTrue(hits.contains("travel-documents.passport-handed-over"), hits);
        assertTrue(hits.contains("<mark>"), "matched words are marked: " + hits);
        assertTrue(hits.contains("&lt;img src=x onerror="), "the ad's markup is text in its passage: " + hits);
        String svg = section(html, "clusters");
        assertTrue(svg.contains("<svg"), svg);
        assertEquals(ExportCase.LINKED_ADS, count(svg, "<circle "), "one circle per linked ad: " + svg);
        assertTrue(count(svg, "<rect class=\"identifier\"") >= 1, svg);
        assertTrue(svg.contains("&lt;script&gt;alert(&#39;svg&#39;)&lt;/script&gt;"),
                "the captured source is an escaped tooltip: " + svg);
    }

    private static String section(String html, String id) {
        int start = html.indexOf("<section id=\"" + id + "\">");
        assertTrue(start >= 0, "no section " + id);
        return html.substring(start, html.indexOf("</section>", start));
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int at = s.indexOf(what); at >= 0; at = s.indexOf(what, at + 1)) {
            n++;
        }
        return n;
    }

    /** Only the report's own elements and quoted attributes, a strict policy, no script, no link, no fetch. */
    private static void assertOnlyOwnMarkup(String html) {
        assertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"" + HtmlReport.CSP + "\">"));
        Matcher m = TAG.matcher(html);
        int tags = 0;
        while (m.find()) {
            tags++;
            String name = m.group(2).toLowerCase(java.util.Locale.ROOT);
            assertTrue(ELEMENTS.contains(name), "element from a capture: " + m.group());
            String attrs = m.group(3).replaceAll("/$", "");
            Matcher a = ATTR.matcher(attrs);
            String rest = a.replaceAll("").strip();
            assertEquals("", rest, "unquoted or odd attribute text in " + m.group());
            a.reset();
            while (a.find()) {
                assertTrue(ATTRIBUTES.contains(a.group(1).toLowerCase(java.util.Locale.ROOT)),
                        "attribute from a capture: " + m.group());
            }
        }
        assertTrue(tags > 50, "the report has its tables");
        assertFalse(html.toLowerCase(java.util.Locale.ROOT).contains("<script"));
        assertFalse(html.contains("href=\""), "no link attribute at all, so no javascript: link");
        assertFalse(html.matches("(?s).*(src|href)=\"?(https?:|//).*"), "no external resource");
    }
}
