package org.tracelab.core.export.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.tracelab.core.Case;
import org.tracelab.core.CaseKeys;
import org.tracelab.core.CaseManifest;
import org.tracelab.core.Json;
import org.tracelab.core.Timestamps;
import org.tracelab.core.ToolVersion;
import org.tracelab.core.collect.Progress;
import org.tracelab.core.custody.CustodyEntry;
import org.tracelab.core.CaseFolder;
import org.tracelab.core.extract.ExtractionError;
import org.tracelab.core.ingest.DerivedText;
import org.tracelab.core.items.Item;
import org.tracelab.core.links.CaseLinks;
import org.tracelab.core.links.Cluster;
import org.tracelab.core.links.Identifier;
import org.tracelab.core.patterns.Passage;
import org.tracelab.core.patterns.RecordedScan;
import org.tracelab.core.patterns.Span;

/**
 * The case as one self-contained HTML file: summary, per-collector counts and the custody timeline drawn as inline
 * SVG, the indicator hits of the last scan with their passages, the link clusters drawn as inline SVG (largest
 * first, the rest listed), items with hashes, and the custody log. Nothing in it asks for anything when opened: a
 * strict Content-Security-Policy forbids scripts and every fetch but inline images, no external resource is named,
 * and every string from the case goes through {@link Html#escape}. Captured URLs are shown as text, never as links.
 */
public final class HtmlReport {
    /** The policy in the report's meta element: no script, no fetch, styles and data images inline only. */
    public static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    private static final String STYLE = "body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}"
            + "table{border-collapse:collapse;font-size:12px}td,th{border:1px solid #ccc;padding:2px 6px;"
            + "text-align:left;vertical-align:top}code,.h{font-family:monospace;word-break:break-all}"
            + "dt{font-weight:bold}dd{margin:0 0 .5em 1em}svg text{font-size:11px}"
            + ".p{max-width:40em;word-break:break-all}mark{background:#ffe08a}";

    /** Matched items whose hits are shown; the items table has every score. */
    static final int MAX_HITS = 200;

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
        head(w);
        summary(w, totals);
        w.write("<section id=\"collectors\"><h2>Items per collector</h2>");
        w.write(Charts.bars("items per collector", perCollector));
        w.write("</section>\n<section id=\"timeline\"><h2>Custody timeline (entries per day, UTC)</h2>");
        w.write(Charts.timeline("custody entries per day", perDay));
        w.write("</section>\n");
        hits(w);
        clusters(w);
        Screenshots.write(w, c);
        problems(w);
        items(w, progress);
        custody(w, progress);
        w.write("<footer><p>Made by Tracelab " + Html.escape(ToolVersion.version()) + " at "
                + Html.escape(Timestamps.format(c.clock().instant())) + ".</p></footer>\n</body>\n</html>\n");
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

    private void hits(Writer w) throws IOException {
        w.write("<section id=\"hits\"><h2>Indicator hits (last scan)</h2>");
        Optional<RecordedScan> scan = RecordedScan.last(c);
        if (scan.isEmpty()) {
            w.write("<p>The case has not been scanned ('tracelab scan').</p></section>\n");
            return;
        }
        CustodyEntry e = scan.get().entry();
        List<RecordedScan.Scored> ranked = scan.get().ranked();
        w.write("<p>Scan of " + Html.escape(Timestamps.format(e.at())) + " (custody entry " + e.seq() + ", packs "
                + Html.escape(String.join(", ", texts(e.params().path("packs")))) + "): " + ranked.size()
                + " items matched; the " + Math.min(MAX_HITS, ranked.size()) + " highest scores are shown.</p>");
        w.write("<table><thead><tr><th>score</th><th>item</th><th>source</th><th>indicator (weight)</th>"
                + "<th>passages</th></tr></thead><tbody>\n");
        for (RecordedScan.Scored s : ranked.subList(0, Math.min(MAX_HITS, ranked.size()))) {
            boolean first = true;
            for (RecordedScan.Hit h : s.hits()) {
                w.write("<tr>" + (first ? "<td rowspan=\"" + s.hits().size() + "\">" + String.format(Locale.ROOT,
                        "%.1f", s.score()) + "</td><td rowspan=\"" + s.hits().size() + "\">" + s.itemId()
                        + "</td><td class=\"p\" rowspan=\"" + s.hits().size() + "\">" + Html.escape(s.source())
                        + "</td>" : "") + "<td>" + Html.escape(h.indicator()) + " (" + Html.escape(h.weight())
                        + ")</td><td class=\"p\">");
                for (Passage p : h.passages()) {
                    w.write("<p>" + marked(p) + "</p>");
                }
                w.write("</td></tr>\n");
                first = false;
            }
        }
        w.write("</tbody></table></section>\n");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The passage escaped, each match in a mark element: the text between matches is escaped piece by piece. */
    private static String marked(Passage p) {
        StringBuilder sb = new StringBuilder();
        int at = 0;
        for (Span m : p.matches()) {
            if (m.start() < at) {
                continue;
            }
            sb.append(Html.escape(p.text().substring(at, m.start()))).append("<mark>")
                    .append(Html.escape(p.text().substring(m.start(), m.end()))).append("</mark>");
            at = m.end();
        }
        return sb.append(Html.escape(p.text().substring(at))).toString();
    }

    private void clusters(Writer w) throws IOException {
        w.write("<section id=\"clusters\"><h2>Link clusters (items sharing phones, handles, e-mails, wallets)</h2>");
        if (!Files.isDirectory(c.dir().resolve(CaseFolder.INDEX))) {
            w.write("<p>The case has no index ('tracelab reindex'), so no links.</p></section>\n");
            return;
        }
        CaseLinks.Result links = CaseLinks.run(c, type -> true);
        List<Cluster> clusters = links.links().clusters();
        if (clusters.isEmpty()) {
            w.write("<p>No two items share an identifier.</p></section>\n");
            return;
        }
        w.write("<p>" + clusters.size() + " clusters; the " + Math.min(ClusterPicture.MAX_CLUSTERS, clusters.size())
                + " largest drawn: items are circles (outer ring), shared identifiers squares (inner ring).</p>");
        w.write(ClusterPicture.svg(clusters, links.links().graph(), links.sources()));
        if (clusters.size() > ClusterPicture.MAX_CLUSTERS) {
            w.write("<table><thead><tr><th>cluster</th><th>items</th><th>shared identifiers</th></tr></thead>"
                    + "<tbody>\n");
            for (int n = ClusterPicture.MAX_CLUSTERS; n < clusters.size(); n++) {
                Cluster k = clusters.get(n);
                w.write("<tr><td>" + (n + 1) + "</td><td>" + Html.escape(String.join(", ", k.items()))
                        + "</td><td class=\"p\">" + Html.escape(String.join(", ",
                        k.shared().stream().map(Identifier::toString).toList())) + "</td></tr>\n");
            }
            w.write("</tbody></table>");
        }
        w.write("</section>\n");
    }

    /** Every extraction error, limit hit and member skipped, so the report shows what the case could not read. */
    private void problems(Writer w) throws IOException {
        w.write("<section id=\"extraction\"><h2>Extraction problems</h2>");
        List<Long> ids = c.itemsWithExtractionProblems();
        if (ids.isEmpty()) {
            w.write("<p>Every item's text was extracted whole.</p></section>\n");
            return;
        }
        w.write("<table><thead><tr><th>item</th><th>source</th><th>problem</th><th>what happened</th></tr></thead>"
                + "<tbody>\n");
        for (long id : ids) {
            List<ExtractionError> problems = c.text(id).map(DerivedText::problems).orElse(List.of());
            String source = c.item(id).source();
            for (ExtractionError p : problems) {
                w.write("<tr><td><a href=\"#item-" + id + "\">" + id + "</a></td><td class=\"p\">"
                        + Html.escape(source) + "</td><td>" + Html.escape(p.kind().name()) + "</td><td class=\"p\">"
                        + Html.escape(p.message()) + "</td></tr>\n");
            }
        }
        w.write("</tbody></table></section>\n");
    }

    private void items(Writer w, Progress progress) throws IOException {
        w.write("<section id=\"items\"><h2>Items</h2><table><thead><tr><th>id</th><th>kind</th><th>source</th>"
                + "<th>captured (UTC)</th><th>collector</th><th>status</th><th>sha256</th><th>size</th>"
                + "<th>content type</th><th>tags</th></tr></thead><tbody>\n");
        c.forEachItem(ti -> {
            Item i = ti.item();
            String status = i.http().map(h -> Integer.toString(h.status())).orElse("");
            w.write("<tr id=\"item-" + i.id() + "\"><td>" + i.id() + "</td><td>" + Html.escape(i.kind())
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
            w.write("<tr><td>" + e.seq() + "</td><td>" + Html.escape(Timestamps.format(e.at())) + "</td><td>"
                    + Html.escape(e.examiner()) + "</td><td>" + Html.escape(e.action()) + "</td><td>"
                    + (e.itemId() == null ? "" : e.itemId()) + "</td><td class=\"p\"><code>"
                    + Html.escape(Json.canonical(e.params())) + "</code></td><td class=\"h\">" + Html.escape(e.hash())
                    + "</td></tr>\n");
            progress.advance(1);
        });
        w.write("</tbody></table></section>\n");
    }
}
