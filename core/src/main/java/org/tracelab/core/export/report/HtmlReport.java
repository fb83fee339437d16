package org.tracelab.core.export.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.tracelab.core.Case;
import org.tracelab.core.CaseKeys;
import org.tracelab.core.CaseManifest;
import org.tracelab.core.Json;
import org.tracelab.core.Timestamps;
import org.tracelab.core.ToolVersion;
import org.tracelab.core.collect.Progress;
import org.tracelab.core.items.Item;

/**
 * The case as one self-contained HTML file: summary, items with hashes, per-collector counts and the custody timeline
 * drawn as inline SVG, and the custody log. Nothing in it asks for anything when opened: a strict
 * Content-Security-Policy forbids scripts and every fetch but inline images, no external resource is named, and
 * every string from the case goes through {@link Html#escape}. Captured URLs are shown as text, never as links.
 */
public final class HtmlReport {
    /** The policy in the report's meta element: no script, no fetch, styles and data images inline only. */
    public static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    private static final String STYLE = "body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}"
            + "table{border-collapse:collapse;font-size:12px}td,th{border:1px solid #ccc;padding:2px 6px;"
            + "text-align:left;vertical-align:top}code,.h{font-family:monospace;word-break:break-all}"
            + "dt{font-weight:bold}dd{margin:0 0 .5em 1em}svg text{font-size:11px}"
            + ".p{max-width:40em;word-break:break-all}";

    private final Case c;

    public HtmlReport(Case c) {
        this.c = c;
    }

    /** Writes the report to {@code out}, which is flushed, not closed; returns the number of items listed. */
    public long write(OutputStream out, Progress progress) throws IOException {
        Map<String, Long> perCollector = new TreeMap<>();
        Map<String, Long> perDay = new TreeMap<>();
        long[] totals = {0, 0, 0};
        c.forEachItem(ti -> {
            perCollector.merge(ti.item().collector(), 1L, Long::sum);
            totals[0]++;
            totals[1] += ti.item().size();
        });
        c.forEachCustodyEntry(e -> {
            perDay.merge(Timestamps.format(e.at()).substring(0, 10), 1L, Long::sum);
            totals[2]++;
        });
        progress.total(totals[0] + totals[2], "rows");
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        try {
            head(w);
            summary(w, totals);
            w.write("<section id=\"collectors\"><h2>Items per collector</h2>");
            w.write(Charts.bars("items per collector", perCollector));
            w.write("</section>\n<section id=\"timeline\"><h2>Custody timeline (entries per day, UTC)</h2>");
            w.write(Charts.timeline("custody entries per day", perDay));
            w.write("</section>\n");
            items(w, progress);
            custody(w, progress);
            w.write("<footer><p>Made by Tracelab " + Html.escape(ToolVersion.version()) + " at "
                    + Html.escape(Timestamps.format(c.clock().instant())) + ".</p></footer>\n</body>\n</html>\n");
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        w.flush();
        return totals[0];
    }

    private void head(Writer w) throws IOException {
        CaseManifest m = c.manifest();
        w.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        w.write("<meta http-equiv=\"Content-Security-Policy\" content=\"" + CSP + "\">\n");
        w.write("<meta name=\"referrer\" content=\"no-referrer\">\n");
        w.write("<title>Tracelab report: " + Html.escape(m.name()) + "</title>\n");
        w.write("<style>" + STYLE + "</style>\n</head>\n<body>\n");
        w.write("<h1>Tracelab report: " + Html.escape(m.name()) + "</h1>\n");
    }

    private void summary(Writer w, long[] totals) throws IOException {
        CaseManifest m = c.manifest();
        String key = CaseKeys.fingerprint(CaseKeys.readPublicKey(CaseKeys.publicKeyPem(c.dir()), "case public key"));
        w.write("<section id=\"summary\"><h2>Case</h2><dl>");
        dd(w, "Purpose", m.purpose());
        dd(w, "Examiner", m.examiner());
        dd(w, "Created", m.created());
        dd(w, "Region", m.region());
        dd(w, "Made with", m.toolVersion());
        dd(w, "Items", totals[0] + " (" + totals[1] + " bytes)");
        dd(w, "Custody log entries", Long.toString(totals[2]));
        dd(w, "Case public key (SHA-256)", key);
        w.write("</dl></section>\n");
    }

    private static void dd(Writer w, String label, String value) throws IOException {
        w.write("<dt>" + Html.escape(label) + "</dt><dd>" + Html.escape(value) + "</dd>");
    }

    private void items(Writer w, Progress progress) throws IOException {
        w.write("<section id=\"items\"><h2>Items</h2><table><thead><tr><th>id</th><th>kind</th><th>source</th>"
                + "<th>captured (UTC)</th><th>collector</th><th>status</th><th>sha256</th><th>size</th>"
                + "<th>content type</th><th>tags</th></tr></thead><tbody>\n");
        c.forEachItem(ti -> {
            Item i = ti.item();
            String status = i.meta().path("status").isInt() ? i.meta().path("status").asText() : "";
            row(w, "<tr id=\"item-" + i.id() + "\"><td>" + i.id() + "</td><td>" + Html.escape(i.kind())
                    + "</td><td class=\"p\">" + Html.escape(i.source()) + "</td><td>"
                    + Html.escape(Timestamps.format(i.capturedAt())) + "</td><td>" + Html.escape(i.collector())
                    + "</td><td>" + Html.escape(status) + "</td><td class=\"h\">" + Html.escape(i.blob().sha256())
                    + "</td><td>" + i.size() + "</td><td>" + Html.escape(i.contentType()) + "</td><td>"
                    + Html.escape(String.join(", ", ti.tags())) + "</td></tr>\n");
            progress.advance(1);
        });
        w.write("</tbody></table></section>\n");
    }

    private void custody(Writer w, Progress progress) throws IOException {
        w.write("<section id=\"custody\"><h2>Custody log</h2><table><thead><tr><th>seq</th><th>at (UTC)</th>"
                + "<th>examiner</th><th>action</th><th>item</th><th>parameters</th><th>entry hash</th></tr></thead>"
                + "<tbody>\n");
        c.forEachCustodyEntry(e -> {
            row(w, "<tr><td>" + e.seq() + "</td><td>" + Html.escape(Timestamps.format(e.at())) + "</td><td>"
                    + Html.escape(e.examiner()) + "</td><td>" + Html.escape(e.action()) + "</td><td>"
                    + (e.itemId() == null ? "" : e.itemId()) + "</td><td class=\"p\"><code>"
                    + Html.escape(Json.canonical(e.params())) + "</code></td><td class=\"h\">" + Html.escape(e.hash())
                    + "</td></tr>\n");
            progress.advance(1);
        });
        w.write("</tbody></table></section>\n");
    }

    private static void row(Writer w, String html) {
        try {
            w.write(html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
