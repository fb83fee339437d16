package org.tracelab.core.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tracelab.core.Case;
import org.tracelab.core.TracelabException;
import org.tracelab.core.collect.Progress;
import org.tracelab.core.export.bag.BagWriter;
import org.tracelab.core.export.report.HtmlReport;
import org.tracelab.core.export.wacz.WaczWriter;
import org.tracelab.core.verify.VerifyListener;
import org.tracelab.core.verify.VerifyReport;

/**
 * The exports of a case, each reached as {@code Exports.bag(c, ...)} like every other service built on a case
 * ({@code CaseScan.run(c, ...)}, {@code CaseLinks.run(c, ...)}): the case names none of them. Each one reads the
 * case, writes its file (or folder) completely before giving it its name, and then appends a custody entry naming what was exported with the SHA-256 of it: of the file, or of a bag's
 * signed tag manifest. The case must be open for writing, for that entry.
 */
public final class Exports {
    private Exports() {
    }

    /**
     * The custody log, one row per entry; logged as {@code export.custody}.
     *
     * @param bom true to start a CSV with a byte order mark, so Excel reads it as UTF-8
     */
    public static ExportResult custody(Case c, Path out, TableFormat format, boolean bom, Progress progress) {
        requireWritable(c);
        ExportResult r = table(out, w -> CustodyTable.write(c, format, bom, w, progress));
        return logged(c, "export.custody", r, tableParams(format, bom, "custody"));
    }

    /**
     * The items table, one row per item; logged as {@code export.items}.
     *
     * @param bom true to start a CSV with a byte order mark, so Excel reads it as UTF-8
     */
    public static ExportResult items(Case c, Path out, TableFormat format, boolean bom, Progress progress) {
        requireWritable(c);
        ExportResult r = table(out, w -> ItemsTable.write(c, format, bom, w, null, progress));
        return logged(c, "export.items", r, tableParams(format, bom, "items"));
    }

    private static Map<String, Object> tableParams(TableFormat format, boolean bom, String table) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("format", format.name().toLowerCase(java.util.Locale.ROOT));
        p.put("table", table);
        if (format == TableFormat.CSV) {
            p.put("bom", bom);
        }
        return p;
    }

    /**
     * A signed BagIt bag of the case, or of the items matching a search query and what they depend on; logged as
     * {@code export.bag} with the hash of its signed tag manifest. A malformed query throws
     * {@link org.tracelab.core.search.QuerySyntaxException} before anything is written.
     *
     * @param organization the bag's {@code Source-Organization}, or null
     * @param query        a query in the language of {@code tracelab search}, or null for every item
     */
    public static ExportResult bag(Case c, Path out, String organization, String query, Progress progress) {
        requireWritable(c);
        requireVerified(c, "a bag", progress);
        ExportResult r;
        try {
            r = new BagWriter(c, organization, query).write(out, progress);
        } catch (IOException e) {
            throw TracelabException.io("writing bag " + out, e);
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("hashOf", BagWriter.SIGNED_MANIFEST);
        if (organization != null) {
            extra.put("organization", organization);
        }
        if (query != null) {
            extra.put("query", query);
        }
        return logged(c, "export.bag", r, extra);
    }

    /** One self-contained HTML report; logged as {@code export.report}. */
    public static ExportResult report(Case c, Path out, Progress progress) {
        requireWritable(c);
        ExportResult r;
        try (ExportFile f = ExportFile.create(out)) {
            long items = new HtmlReport(c).write(f.stream(), progress);
            r = f.finish(items);
        } catch (IOException e) {
            throw TracelabException.io("writing report " + out, e);
        }
        return logged(c, "export.report", r, Map.of());
    }

    /** The web captures as a WACZ package; logged as {@code export.wacz}. */
    public static ExportResult wacz(Case c, Path out, Progress progress) {
        requireWritable(c);
        ExportResult r;
        try (ExportFile f = ExportFile.create(out)) {
            long captures = new WaczWriter(c).write(f.stream(), progress);
            r = f.finish(captures);
        } catch (IOException e) {
            throw TracelabException.io("writing WACZ " + out, e);
        }
        return logged(c, "export.wacz", r, Map.of());
    }

    private interface TableContent {
        long writeTo(Writer w) throws IOException;
    }

    private static ExportResult table(Path out, TableContent content) {
        try (ExportFile f = ExportFile.create(out)) {
            Writer w = new BufferedWriter(new OutputStreamWriter(f.stream(), StandardCharsets.UTF_8), 1 << 16);
            long rows = content.writeTo(w);
            w.flush();
            return f.finish(rows);
        } catch (IOException e) {
            throw TracelabException.io("writing " + out, e);
        }
    }

    private static ExportResult logged(Case c, String action, ExportResult r, Map<String, Object> extra) {
        Map<String, Object> p = new LinkedHashMap<>(extra);
        p.put("out", r.path().toString());
        p.put("sha256", r.sha256());
        p.put("records", r.records());
        p.put("bytes", r.bytes());
        p.put("purpose", c.manifest().purpose());
        c.log(action, p);
        return r;
    }

    /**
     * Refuses to export from a case that does not verify: a signature over damaged evidence would lend it a
     * credibility it lacks. The reason is the first problem verify names.
     */
    private static void requireVerified(Case c, String what, Progress progress) {
        VerifyReport v = c.verify(new VerifyListener() {
            @Override
            public void started(long blobs, long bytes) {
                progress.total(bytes, "bytes verified");
            }

            @Override
            public void blobChecked(long bytes) {
                progress.advance(bytes);
            }
        });
        if (!v.holds()) {
            int n = v.problems().size();
            throw new TracelabException(TracelabException.Failure.CHECK_FAILED, "not exporting " + what + " of case "
                    + c.dir() + ": it does not verify: " + v.problems().get(0).describe()
                    + (n > 1 ? " (and " + (n - 1) + " more)" : "") + "; run 'tracelab verify'");
        }
    }

    private static void requireWritable(Case c) {
        if (!c.writable()) {
            throw new IllegalStateException("exports are logged in the custody log: open the case for writing");
        }
    }
}
