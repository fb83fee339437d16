package org.tracelab.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tracelab.core.TracelabException;
import org.tracelab.samples.GradeReport;
import org.tracelab.samples.Grader;
import org.tracelab.samples.LabServer;
import org.tracelab.samples.LabServerOptions;
import org.tracelab.samples.Language;
import org.tracelab.samples.ScenarioGenerator;
import org.tracelab.samples.ScenarioSpec;
import org.tracelab.samples.ScenarioSummary;
import org.tracelab.samples.SiteStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tracelab lab}: make, serve and grade training scenarios. */
@Command(name = "lab", description = "Make, serve and grade training scenarios (all data fictitious).",
        subcommands = {LabCommand.Generate.class, LabCommand.Serve.class, LabCommand.Grade.class,
            LabClassCommand.class, LabSubmitCommand.class},
        mixinStandardHelpOptions = true)
final class LabCommand {

    /** {@code tracelab lab generate}. */
    @Command(name = "generate", description = "Generate a scenario: an ads site, channel, feed, documents, key.",
            mixinStandardHelpOptions = true)
    static final class Generate extends BaseCommand {
        @Option(names = "--seed", required = true, description = "Seed: the same seed makes the same bytes.")
        long seed;

        @Option(names = "--ads", required = true, description = "Number of ads.")
        int ads;

        @Option(names = "--langs", defaultValue = "uz,ru,en",
                description = "Languages: uz (Latin and Cyrillic), ru, en (default: ${DEFAULT-VALUE}).")
        String langs;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "New or empty folder.")
        Path out;

        @Option(names = "--site", defaultValue = "static", paramLabel = "STYLE",
                description = "static: HTML pages; spa: listing and ad pages filled by a script from a JSON API, as"
                        + " real classifieds are (collect page sees shells, collect browser the ads)"
                        + " (default: ${DEFAULT-VALUE}).")
        String site;

        @Override
        public Integer call() {
            ScenarioSpec spec = new ScenarioSpec(seed, ads, Language.parseList(langs));
            SiteStyle style = SiteStyle.parse(site);
            Output o = out();
            ScenarioSummary s;
            try (ProgressBar bar = o.progress("generate")) {
                bar.total(ads, "ads");
                int[] last = {0};
                s = ScenarioGenerator.generate(spec, style, out, done -> {
                    bar.advance(done - last[0]);
                    last[0] = done;
                });
            }
            if (o.json()) {
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("scenario", out.toAbsolutePath().toString());
                j.put("summary", s);
                o.json(j);
            } else {
                o.line("generated " + s.ads() + " ads (" + s.deceptive() + " deceptive, " + s.clusters()
                        + " clusters, " + s.reposts() + " reposts) in " + out.toAbsolutePath());
                o.info("serve it with: tracelab lab serve " + out);
            }
            return ExitCode.OK;
        }
    }

    /** {@code tracelab lab serve}. */
    @Command(name = "serve", description = "Serve a scenario's site on 127.0.0.1 until Ctrl-C.",
            mixinStandardHelpOptions = true)
    static final class Serve extends BaseCommand {
        @Parameters(paramLabel = "DIR", description = "The scenario folder (with site/ inside).")
        Path dir;

        @Option(names = "--port", defaultValue = "0", description = "Port (default: any free port).")
        int port;

        @Option(names = "--latency", defaultValue = "0", paramLabel = "MS", description = "Delay every answer.")
        int latency;

        @Option(names = "--jitter", defaultValue = "0", paramLabel = "MS", description = "Up to this much more.")
        int jitter;

        @Option(names = "--error-rate", defaultValue = "0", paramLabel = "P",
                description = "Fraction of requests answered 500 or 503, so trainees meet server errors.")
        double errorRate;

        @Option(names = "--seed", defaultValue = "1", description = "Seed of the latency jitter and the errors.")
        long seed;

        @Mixin
        DurationOption duration = new DurationOption();

        @Override
        public Integer call() throws InterruptedException {
            Long seconds = duration.seconds();
            LabServer server = LabServer.start(dir, new LabServerOptions(port, latency, jitter, errorRate, seed));
            Output o = out();
            if (o.json()) {
                o.json(Map.of("url", server.baseUri().toString(), "scenario", dir.toAbsolutePath().toString()));
            } else {
                o.line("serving " + dir.toAbsolutePath() + " at " + server.baseUri());
            }
            Serving.untilStopped(server::close, seconds, root().cancellation(), o);
            return ExitCode.OK;
        }
    }

    /** {@code tracelab lab grade}. */
    @Command(name = "grade", description = "Score findings (scan/links output or a findings file) against a key.",
            mixinStandardHelpOptions = true)
    static final class Grade extends BaseCommand {
        @Parameters(paramLabel = "FINDINGS.json", description = "The trainee's findings.")
        Path findings;

        @Option(names = "--key", required = true, paramLabel = "KEY.json", description = "The scenario's key.json.")
        Path key;

        @Option(names = "--pass", defaultValue = "0.5", paramLabel = "F1",
                description = "Lowest F1, for flagged ads and for clusters, that passes (default: ${DEFAULT-VALUE}).")
        double pass;

        @Override
        public Integer call() {
            if (!(pass >= 0 && pass <= 1)) {
                throw TracelabException.badInput("--pass " + pass, "must be between 0 and 1");
            }
            GradeReport r = Grader.grade(findings, key);
            boolean passed = r.flagged().f1() >= pass && r.clusters().f1() >= pass;
            Output o = out();
            if (o.json()) {
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("passed", passed);
                j.put("pass", pass);
                j.put("flagged", r.flagged().summary());
                j.put("clusters", r.clusters().summary());
                Map<String, Object> ties = new LinkedHashMap<>();
                for (GradeReport.TieRecall t : r.ties()) {
                    ties.put(t.tie(), Map.of("found", t.found(), "planted", t.planted(), "recall", t.recall()));
                }
                j.put("clustersByTie", ties);
                j.put("missedAds", r.missedAds());
                j.put("missedClusters", r.missedClusters());
                o.json(j);
            } else {
                for (String line : r.describe().split("\\R")) {
                    o.line(line);
                }
                o.line(passed ? "passed (F1 >= " + pass + ")" : "not passed (F1 below " + pass + ")");
            }
            return passed ? ExitCode.OK : ExitCode.CHECK_FAILED;
        }
    }
}
