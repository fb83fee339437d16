package org.tracelab.collectors.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.cli.Tracelab;
import org.tracelab.collectors.http.WarcFiles;
import org.tracelab.samples.LabServer;
import org.tracelab.samples.LabServerOptions;
import org.tracelab.samples.ScenarioGenerator;
import org.tracelab.samples.ScenarioSpec;
import org.tracelab.samples.SiteStyle;

/**
 * A scenario of 20 ads on one listing page (fictitious; seed 2 plants 3 deceptive ads and 2 clusters, enough to
 * grade while the browser renders few pages) served as a script-rendered site: {@code collect page} captures shells
 * without a single ad, {@code collect browser} captures the ads, and Tracelab's own scan and links, graded against
 * the answer key, reach the floors the demo holds the static site to.
 */
class ScriptRenderedLabTest {
    @TempDir
    static Path tmp;
    private static Path scenario;
    private static LabServer server;
    private static URI base;

    record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out:\n" + out + "\n--- err:\n" + err;
        }
    }

    static Run tracelab(OutputStream stdout, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Tracelab.run(args, Map.of(), Clock.systemUTC(), stdout == null ? out : stdout, err, false);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeAll
    static void serve() throws IOException {
        scenario = tmp.resolve("scenario");
        ScenarioGenerator.generate(ScenarioSpec.of(2, 20), SiteStyle.SPA, scenario, n -> { });
        server = LabServer.start(scenario, LabServerOptions.defaults());
        base = server.baseUri();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Makes a case, collects into it with {@code collect}, and grades Tracelab's own scan and links. */
    private static Run collectAndGrade(String name, List<String> collect) throws IOException {
        Path caseDir = tmp.resolve(name);
        Run init = tracelab(null, "case", "init", caseDir.toString(), "--name", name + " (fictitious)",
                "--examiner", "Cadet A", "--purpose", "Script-rendered lab test");
        assertEquals(0, init.code(), init::toString);
        List<String> args = new ArrayList<>(List.of("--case", caseDir.toString(), "collect"));
        args.addAll(collect);
        args.addAll(List.of("--delay", "0", "--allow-host", base.getHost() + ":" + base.getPort()));
        Run run = tracelab(null, args.toArray(String[]::new));
        assertEquals(0, run.code(), run::toString);
        Path findings = tmp.resolve(name + "-findings.jsonl");
        try (OutputStream out = Files.newOutputStream(findings)) {
            for (String command : List.of("scan", "links")) {
                Run r = tracelab(out, "--case", caseDir.toString(), "--json", command);
                assertEquals(0, r.code(), r::toString);
            }
        }
        return tracelab(null, "lab", "grade", findings.toString(), "--key", scenario.resolve("key.json").toString());
    }

    @Test
    void aPlainHttpCrawlSeesShellsWithoutAds() throws IOException {
        Run grade = collectAndGrade("page", List.of("page", base + "ads/page-1.html", "--depth", "1", "--same-host"));
        assertEquals(0.0, f1(grade.out(), "flagged ads:"), grade::toString);
    }

    @Test
    void theBrowserSeesTheAdsAndGradesToTheStaticFloors() throws Exception {
        Run grade = collectAndGrade("browser", List.of("browser", base + "ads/page-1.html", "--depth", "1",
                "--same-host", "--budget", "20"));
        System.out.println(grade.out());
        assertTrue(f1(grade.out(), "flagged ads:") >= 0.9, grade::toString);
        assertTrue(f1(grade.out(), "clusters:") >= 0.6, grade::toString);
        WarcFiles.assertValid(tmp.resolve("browser"));
    }

    @Test
    void theAdsWalkInTheBrowserReadsWhatAPlainWalkCannot() throws Exception {
        List<String> ads = List.of("ads", "--profile", scenario.resolve("profile.json").toString(), "--base",
                base.toString());
        Path plainCase = tmp.resolve("ads-plain");
        assertEquals(0, tracelab(null, "case", "init", plainCase.toString(), "--name", "ads plain (fictitious)",
                "--examiner", "Cadet A", "--purpose", "Script-rendered lab test").code());
        List<String> plain = new ArrayList<>(List.of("--case", plainCase.toString(), "collect"));
        plain.addAll(ads);
        plain.addAll(List.of("--delay", "0"));
        Run shells = tracelab(null, plain.toArray(String[]::new));
        assertEquals(2, shells.code(), () -> "a shell holds no ad link: " + shells);
        assertTrue(shells.err().contains("adLink"), shells::toString);

        List<String> rendered = new ArrayList<>(ads);
        rendered.add("--browser");
        Run grade = collectAndGrade("ads-browser", rendered);
        assertTrue(f1(grade.out(), "flagged ads:") >= 0.9, grade::toString);
        WarcFiles.assertValid(tmp.resolve("ads-browser"));
    }

    /** The F1 on the grade line that starts with {@code label}. */
    private static double f1(String out, String label) {
        String line = out.lines().filter(l -> l.startsWith(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + label + "' line in:\n" + out));
        Matcher m = Pattern.compile("F1 ([0-9.]+)").matcher(line);
        if (!m.find()) {
            throw new AssertionError("no F1 in " + line);
        }
        return Double.parseDouble(m.group(1));
    }
}
