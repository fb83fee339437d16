package org.tracelab.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tracelab.core.Case;
import org.tracelab.core.CaseManifest;
import org.tracelab.core.CaseSummary;
import org.tracelab.core.Printable;
import org.tracelab.core.TracelabException;
import org.tracelab.core.custody.CustodyEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tracelab case}: make a case, or describe one. */
@Command(name = "case", description = "Make a case, or describe one.",
        subcommands = {CaseCommand.Init.class, CaseCommand.Info.class},
        mixinStandardHelpOptions = true)
final class CaseCommand {

    /** {@code tracelab case init}. */
    @Command(name = "init", description = "Make a new case in a new or empty folder.", mixinStandardHelpOptions = true)
    static final class Init extends BaseCommand {
        @Parameters(paramLabel = "DIR", description = "The folder to make the case in (new or empty).")
        Path dir;

        @Option(names = "--name", required = true, description = "A short name for the case.")
        String name;

        @Option(names = "--examiner", required = true, description = "Who is responsible for the evidence.")
        String examiner;

        @Option(names = "--purpose", required = true,
                description = "The legal basis or exercise the case serves; written into the log and every export.")
        String purpose;

        @Option(names = "--region", defaultValue = "UZ",
                description = "Region for phone numbers written without a country code (default: ${DEFAULT-VALUE}).")
        String region;

        @Override
        public Integer call() {
            CaseManifest manifest;
            try {
                manifest = CaseManifest.create(name, examiner, purpose, region, clock().instant());
            } catch (IllegalArgumentException e) {
                throw TracelabException.badInput("case init", e.getMessage());
            }
            try (Case c = Case.create(dir, manifest, clock())) {
                Output out = out();
                if (out.json()) {
                    out.json(Map.of("case", c.dir().toString(), "manifest", manifest));
                } else {
                    out.line("created case '" + Printable.of(manifest.name()) + "' in " + c.dir());
                    out.info("use it with --case " + c.dir() + " or: export TRACELAB_CASE=" + c.dir());
                }
            }
            return ExitCode.OK;
        }
    }

    /** {@code tracelab case info}. */
    @Command(name = "info", description = "Show what the case holds: counts, size, examiner, last log entry.",
            mixinStandardHelpOptions = true)
    static final class Info extends BaseCommand {
        @Override
        public Integer call() {
            try (Case c = openForReading()) {
                CaseSummary s = c.summary();
                CaseManifest m = s.manifest();
                Output out = out();
                if (out.json()) {
                    Map<String, Object> j = new LinkedHashMap<>();
                    j.put("case", c.dir().toString());
                    j.put("manifest", m);
                    j.put("items", s.items());
                    j.put("blobs", s.blobs());
                    j.put("capturedBytes", s.capturedSize());
                    j.put("diskBytes", s.diskSize());
                    j.put("logEntries", s.logEntries());
                    j.put("tags", s.tags());
                    j.put("notes", s.notes());
                    s.lastEntry().ifPresent(e -> j.put("lastEntry", entryJson(e)));
                    out.json(j);
                    return ExitCode.OK;
                }
                out.line("case:         " + Printable.of(m.name()) + "  (" + c.dir() + ")");
                out.line("examiner:     " + Printable.of(m.examiner()));
                out.line("purpose:      " + Printable.of(m.purpose()));
                out.line("region:       " + m.region());
                out.line("created:      " + m.created() + " with tracelab " + m.toolVersion());
                out.line("items:        " + s.items() + " (" + s.blobs() + " distinct blobs, "
                        + Sizes.human(s.capturedSize()) + " captured)");
                out.line("on disk:      " + Sizes.human(s.diskSize()));
                out.line("tags, notes:  " + s.tags() + ", " + s.notes());
                out.line("custody log:  " + s.logEntries() + " entries");
                s.lastEntry().ifPresent(e -> out.line("last entry:   #" + e.seq() + " " + e.at() + " "
                        + e.action() + (e.itemId() == null ? "" : " item " + e.itemId()) + " by "
                        + Printable.of(e.examiner())));
            }
            return ExitCode.OK;
        }
    }

    static Map<String, Object> entryJson(CustodyEntry e) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("seq", e.seq());
        j.put("at", org.tracelab.core.Timestamps.format(e.at()));
        j.put("examiner", e.examiner());
        j.put("action", e.action());
        j.put("item", e.itemId());
        j.put("tool", e.tool());
        j.put("params", e.params());
        j.put("prevHash", e.prevHash());
        j.put("hash", e.hash());
        return j;
    }
}
