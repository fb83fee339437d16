package org.tracelab.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.tracelab.core.Case;
import org.tracelab.core.Printable;
import org.tracelab.core.collect.Progress;
import org.tracelab.core.export.ExportResult;
import org.tracelab.core.export.Exports;
import org.tracelab.core.export.TableFormat;
import org.tracelab.core.search.QuerySyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tracelab export}: the case's evidence for others, each export logged with the hash of what was written. */
@Command(name = "export", description = "Export the case: custody log or items table, signed BagIt bag, HTML report, "
        + "WACZ. Each export is logged in the custody log with its SHA-256.",
        subcommands = {ExportCommand.Custody.class, ExportCommand.Bag.class, ExportCommand.Report.class,
            ExportCommand.Wacz.class},
        mixinStandardHelpOptions = true)
final class ExportCommand {

    /** Runs one export with a progress bar and prints what it wrote. */
    static int run(BaseCommand cmd, String what, BiFunction<Case, Progress, ExportResult> export) {
        Output out = cmd.out();
        ExportResult r;
        try (Case c = cmd.openForWriting(); ProgressBar bar = out.progress("export " + what)) {
            r = export.apply(c, bar);
        }
        if (out.json()) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("export", what);
            j.put("path", r.path().toString());
            j.put("sha256", r.sha256());
            j.put("records", r.records());
            j.put("bytes", r.bytes());
            out.json(j);
        } else {
            out.line("exported " + what + " to " + Printable.of(r.path().toString()) + ": " + r.records() + " "
                    + (what.equals("custody") ? "entries" : "items") + ", " + Sizes.human(r.bytes()) + ", sha256 "
                    + r.sha256());
        }
        return ExitCode.OK;
    }

    /** {@code tracelab export custody}. */
    @Command(name = "custody", description = "The custody log (or, with --items, the items table) as CSV or JSON "
            + "Lines.", mixinStandardHelpOptions = true)
    static final class Custody extends BaseCommand {
        @Option(names = "--format", defaultValue = "csv", description = "csv (RFC 4180, UTF-8) or jsonl "
                + "(default: ${DEFAULT-VALUE}).")
        String format;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write (new).")
        Path file;

        @Option(names = "--items", description = "One row per item instead of one per custody entry.")
        boolean items;

        // On by default: the CSV is for spreadsheets (JSON Lines is for programs), and Excel reads a CSV without a
        // byte order mark in the ANSI code page, garbling Cyrillic and Uzbek; with one it reads UTF-8.
        @Option(names = "--bom", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "Start the CSV with a UTF-8 byte order mark, so Excel shows Cyrillic and Uzbek right "
                        + "(default); --no-bom for programs that do not expect one.")
        boolean bom;

        @Override
        public Integer call() {
            TableFormat f = TableFormat.of(format);
            return items ? run(this, "items", (c, p) -> Exports.items(c, file, f, bom, p))
                    : run(this, "custody", (c, p) -> Exports.custody(c, file, f, bom, p));
        }
    }

    /** {@code tracelab export bag}. */
    @Command(name = "bag", description = "A BagIt bag (RFC 8493) of every item's bytes, their WARC files, the custody "
            + "log and the items table, with SHA-256 and SHA-512 manifests, signed with the case's key.",
            mixinStandardHelpOptions = true)
    static final class Bag extends BaseCommand {
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "The bag folder to make (new).")
        Path dir;

        @Option(names = "--organization", paramLabel = "NAME",
                description = "The Source-Organization written in bag-info.txt.")
        String organization;

        @Option(names = "--query", paramLabel = "Q", description = "Only the items matching Q (the query language of "
                + "'tracelab search') and the items they were captured from; bag-info.txt names the query.")
        String query;

        @Override
        public Integer call() {
            try {
                return run(this, "bag", (c, p) -> Exports.bag(c, dir, organization, query, p));
            } catch (QuerySyntaxException e) {
                return SearchCommand.badQuery(out(), e);
            }
        }
    }

    /** {@code tracelab export report}. */
    @Command(name = "report", description = "One self-contained HTML file: case, items with hashes, charts, custody "
            + "log. Opening it fetches nothing and runs no script.", mixinStandardHelpOptions = true)
    static final class Report extends BaseCommand {
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The .html file to write (new).")
        Path file;

        @Override
        public Integer call() {
            return run(this, "report", (c, p) -> Exports.report(c, file, p));
        }
    }

    /** {@code tracelab export wacz}. */
    @Command(name = "wacz", description = "The web captures as a WACZ package for ReplayWeb.page and pywb.",
            mixinStandardHelpOptions = true)
    static final class Wacz extends BaseCommand {
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The .wacz file to write (new).")
        Path file;

        @Override
        public Integer call() {
            return run(this, "wacz", (c, p) -> Exports.wacz(c, file, p));
        }
    }
}
