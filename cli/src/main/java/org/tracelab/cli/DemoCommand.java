package org.tracelab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tracelab.core.Json;
import org.tracelab.core.TracelabException;
import org.tracelab.core.collect.CollectorRegistry;
import org.tracelab.samples.BundledScenarios;
import org.tracelab.samples.LabServer;
import org.tracelab.samples.LabServerOptions;
import org.tracelab.samples.ScenarioGenerator;
import org.tracelab.samples.SiteStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tracelab demo}: the lab from end to end on the bundled small scenario. Each step is a real tracelab command
 * line, run and printed as a trainee would type it, so the demo shows exactly what the commands do.
 */
@Command(name = "demo", description = "Serve the bundled small scenario on 127.0.0.1, collect it into a new case (ads, channel, feed, "
        + "documents), search, scan and link it, grade that against the answer key, verify, and export a signed bag "
        + "and a report; prints each command it runs.", mixinStandardHelpOptions = true)
final class DemoCommand extends BaseCommand {
    /** The channel the generated scenarios publish, in the shape of a t.me/s/ preview. */
    private static final String CHANNEL = "ish_bor_demo";

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Where to put the scenario and the case (new or empty; default: a new temporary folder).")
    Path dir;

    @Option(names = "--class", paramLabel = "N", description = "Instead: run a class ('lab class') of N simulated "
            + "trainees (one found everything, one missed the messenger clusters, one edited the bag after signing, "
            + "one collected outside the lab, in turn), and leave the instructor's page up until Ctrl-C.")
    Integer trainees;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path work = prepare(dir);
        if (trainees != null) {
            return new ClassDemo(this, work).run(trainees);
        }
        Path scenario = work.resolve("scenario");
        Path caseDir = work.resolve("case");
        Output out = out();
        BundledScenarios.Bundled small = BundledScenarios.ALL.get(0);
        out.info("demo: generating the '" + small.name() + "' scenario (fictitious) in " + scenario);
        ScenarioGenerator.generate(small.spec(), scenario);
        try (LabServer server = LabServer.start(scenario, LabServerOptions.defaults())) {
            URI base = server.baseUri();
            String hostPort = base.getHost() + ":" + base.getPort();
            out.info("demo: serving it at " + base);
            List<List<String>> steps = List.of(
                    List.of("case", "init", caseDir.toString(), "--name", "Demo lab (fictitious)",
                            "--examiner", "Demo trainee", "--purpose", "Tracelab demo on a fictitious scenario"),
                    List.of("--case", caseDir.toString(), "collect", "ads", "--profile",
                            scenario.resolve("profile.json").toString(), "--base", base.toString(), "--delay", "0",
                            "--allow-host", hostPort, "--tag", "demo"),
                    List.of("--case", caseDir.toString(), "collect", "telegram", base + "s/" + CHANNEL,
                            "--delay", "0", "--allow-host", hostPort, "--tag", "demo"),
                    List.of("--case", caseDir.toString(), "collect", "feed", base + "feed.xml", "--max-items", "5",
                            "--delay", "0", "--allow-host", hostPort, "--tag", "demo"),
                    List.of("--case", caseDir.toString(), "collect", "page", base + "docs/contract.pdf",
                            base + "docs/offer-letter.docx", base + "docs/flyer.png", base + "private/staff.html",
                            "--delay", "0", "--allow-host", hostPort, "--tag", "demo"),
                    // The flyer is a picture: its phone and handle are found in the text OCR reads from it.
                    List.of("--case", caseDir.toString(), "search", "\"work in dubai\" AND tel", "--limit", "3"),
                    List.of("--case", caseDir.toString(), "search", "ish OR работа OR job", "--limit", "5"),
                    List.of("--case", caseDir.toString(), "entities", "--type", "phone", "--min-items", "3"),
                    List.of("--case", caseDir.toString(), "case", "info"),
                    List.of("--case", caseDir.toString(), "verify"),
                    List.of("--case", caseDir.toString(), "export", "bag", "--out", work.resolve("bag").toString(),
                            "--organization", "Demo academy (fictitious)"),
                    List.of("verify", "--bag", work.resolve("bag").toString()),
                    List.of("--case", caseDir.toString(), "export", "report", "--out",
                            work.resolve("report.html").toString()));
            for (List<String> step : steps) {
                check(step, runStep(step, root().stdout()));
            }
            pictures(caseDir, scenario);
            gradeOwnFindings(caseDir, scenario, work.resolve("findings.jsonl"));
        }
        scriptRendered(work, small);
        out.line("");
        out.line("demo: the report is " + work.resolve("report.html") + "; the signed bag is " + work.resolve("bag"));
        out.line("demo: the case is in " + caseDir + " and the scenario (with its answer key) in " + scenario);
        out.line("demo: look around with: ./tracelab --case " + caseDir + " show 1");
        return ExitCode.OK;
    }

    /**
     * What the pictures tell: a recruiter's phone printed only on flyers, found by reading them (OCR), and ads tied
     * only by one reused photo, each copy resized, cropped and recompressed, linked by its perceptual hash. The
     * phone is the one the answer key names for the first flyer tie, as an instructor would ask trainees to find it.
     */
    private void pictures(Path caseDir, Path scenario) throws IOException {
        JsonNode key = Json.MAPPER.readTree(scenario.resolve("key.json").toFile());
        String flyerPhone = null;
        for (JsonNode c : key.path("clusters")) {
            if (c.path("tie").asText().equals("flyer")) {
                flyerPhone = c.path("shared").path(0).path("value").asText();
                break;
            }
        }
        if (flyerPhone != null) {
            out().info("\ndemo: a recruiter's phone that no ad's text carries, only its flyers (read by OCR):");
            List<String> search = List.of("--case", caseDir.toString(), "search", "phone:\"" + flyerPhone + "\"");
            check(search, runStep(search, root().stdout()));
        }
        out().info("\ndemo: ads tied only by a reused photo (resized, cropped and recompressed in each ad):");
        List<String> links = List.of("--case", caseDir.toString(), "links", "--type", "image");
        check(links, runStep(links, root().stdout()));
    }

    /**
     * Grades Tracelab's own scan and links against the scenario's answer key, as an instructor grades a trainee:
     * the JSON of both commands is the findings file.
     */
    private void gradeOwnFindings(Path caseDir, Path scenario, Path findings) throws IOException {
        try (OutputStream file = Files.newOutputStream(findings)) {
            for (String command : List.of("scan", "links")) {
                List<String> step = List.of("--case", caseDir.toString(), "--json", command);
                out().info("\n$ tracelab " + String.join(" ", step) + " >> " + findings);
                check(step, Tracelab.run(step.toArray(String[]::new), Map.of(), clock(), file, root().stderr(),
                        false));
            }
        }
        List<String> grade = List.of("lab", "grade", findings.toString(), "--key",
                scenario.resolve("key.json").toString());
        int code = runStep(grade, root().stdout());
        if (code != ExitCode.OK && code != ExitCode.CHECK_FAILED) {
            check(grade, code);
        }
    }

    /**
     * With the browser collector installed, the difference a real browser makes, in two steps: the same scenario
     * served as a script-rendered site, one ad collected with {@code collect page} (its shell) and with
     * {@code collect browser} (the ad), then a search for the ad's title finds only what the browser kept.
     */
    private void scriptRendered(Path work, BundledScenarios.Bundled small) throws IOException {
        if (CollectorRegistry.load().find("browser").isEmpty()) {
            out().info("\ndemo: the browser collector is not installed (collectors-browser); the script-rendered"
                    + " site is left out");
            return;
        }
        Path scenario = work.resolve("scenario-spa");
        Path caseDir = work.resolve("case-spa");
        out().info("\ndemo: the same scenario served as a script-rendered site (pages filled from a JSON API) in "
                + scenario);
        ScenarioGenerator.generate(small.spec(), SiteStyle.SPA, scenario, n -> { });
        JsonNode ad = Json.MAPPER.readTree(scenario.resolve("key.json").toFile()).path("ads").get(0);
        String title = Json.MAPPER.readTree(scenario.resolve("site/api/ads/" + ad.path("id").asText() + ".json")
                .toFile()).path("title").asText().replace("\"", "");
        try (LabServer server = LabServer.start(scenario, LabServerOptions.defaults())) {
            URI base = server.baseUri();
            String url = base.resolve(ad.path("path").asText()).toString();
            String hostPort = base.getHost() + ":" + base.getPort();
            for (List<String> step : List.of(
                    List.of("case", "init", caseDir.toString(), "--name", "Demo lab, script-rendered (fictitious)",
                            "--examiner", "Demo trainee", "--purpose", "Tracelab demo: a plain fetch and a browser"),
                    List.of("--case", caseDir.toString(), "collect", "page", url, "--delay", "0", "--allow-host",
                            hostPort),
                    List.of("--case", caseDir.toString(), "collect", "browser", url, "--delay", "0", "--allow-host",
                            hostPort),
                    List.of("--case", caseDir.toString(), "search", "\"" + title + "\""))) {
                check(step, runStep(step, root().stdout()));
            }
        }
        out().info("demo: collect page kept the page's shell; collect browser kept the ad its script fetched, a"
                + " screenshot and the rendered DOM, which the search found");
    }

    /** Runs one tracelab command line as a step, printed as typed; a step that fails ends the demo. */
    void step(List<String> args, OutputStream stdout) {
        check(args, runStep(args, stdout));
    }

    private int runStep(List<String> args, OutputStream stdout) {
        List<String> full = new ArrayList<>();
        if (root().json) {
            full.add("--json");
        }
        if (root().quiet) {
            full.add("-q");
        }
        full.addAll(args);
        out().info("\n$ tracelab " + String.join(" ", args));
        return Tracelab.run(full.toArray(String[]::new), Map.of(), clock(), stdout, root().stderr(),
                root().terminal());
    }

    private static void check(List<String> step, int code) {
        if (code != ExitCode.OK) {
            throw new TracelabException(TracelabException.Failure.IO,
                    "demo: step 'tracelab " + String.join(" ", step) + "' ended with exit code " + code);
        }
    }

    private static Path prepare(Path dir) throws IOException {
        if (dir == null) {
            return Files.createTempDirectory("tracelab-demo-");
        }
        if (Files.exists(dir)) {
            try (var s = Files.list(dir)) {
                if (s.findAny().isPresent()) {
                    throw TracelabException.badInput(dir.toString(), "folder is not empty; the demo needs a new one");
                }
            }
        }
        Files.createDirectories(dir);
        return dir.toAbsolutePath();
    }
}
