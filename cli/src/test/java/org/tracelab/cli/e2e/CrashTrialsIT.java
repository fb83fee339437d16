package org.tracelab.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Json;
import org.tracelab.samples.LabServer;
import org.tracelab.samples.LabServerOptions;
import org.tracelab.samples.ScenarioGenerator;
import org.tracelab.samples.ScenarioSpec;

/**
 * The packaged command is killed with SIGKILL at a random moment of its run, over and over, while it collects a
 * served lab site over HTTP, rebuilds the index, scans, and exports a bag and a report. After every kill the case
 * must verify, every capture the killed process acknowledged must be there with its hash, no export may sit under
 * the name asked for unless it is complete, and the same command must then simply run to the end.
 *
 * <p>{@code -Dcrash.trials=N} sets the trials per command (CI runs a few; docs/RELIABILITY.md records a long run);
 * {@code -Dcrash.seed=S} replays the kill moments of a failed run, whose seed every failure prints.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashTrialsIT {
    private static final int CI_TRIALS = 2;
    private static final int ADS = 30;

    Path tmp;
    Path sandbox;
    Path scenario;
    LabServer server;
    List<String> collectAds;
    Path labCase;
    Cli lab;
    long startMillis;

    @BeforeAll
    void serveAndCollectTheScenario(@TempDir Path dir) throws Exception {
        tmp = dir;
        sandbox = tmp.resolve("sandbox");
        scenario = tmp.resolve("scenario");
        ScenarioGenerator.generate(ScenarioSpec.of(8, ADS), scenario);
        server = LabServer.start(scenario, LabServerOptions.defaults());
        URI base = server.baseUri();
        collectAds = List.of("collect", "ads", "--profile", scenario.resolve("profile.json").toString(), "--base",
                base.toString(), "--delay", "0", "--allow-host", base.getHost() + ":" + base.getPort());
        labCase = tmp.resolve("lab");
        lab = new Cli(labCase);
        assertEquals(0, lab.init().code());
        timed(lab, collectAds.toArray(String[]::new));
        long start = System.nanoTime();
        try (JarProcess p = JarProcess.start(sandbox, "256m", "--version")) {
            assertEquals(0, p.waitFor(120), p::err);
        }
        startMillis = (System.nanoTime() - start) / 1_000_000;
    }

    @AfterAll
    void stopServing() {
        if (server != null) {
            server.close();
        }
    }

    /**
     * Kills land in the capture phase, where collection writes blobs, WARC records and rows: each trial waits for its
     * run's first acknowledged capture, then for a time drawn uniformly from how long an undisturbed packaged run
     * took from its first acknowledged capture to its last. (Drawn from the whole run, most kills landed in start-up,
     * extraction or indexing instead.)
     */
    @Test
    void killedCollectionOverHttpKeepsEveryAcknowledgedCapture() throws Exception {
        Path caseDir = tmp.resolve("collect");
        Cli cli = new Cli(caseDir);
        assertEquals(0, cli.init().code());
        Kills kills = new Kills(CI_TRIALS);
        CapturePhase phase = capturePhase(caseDir);
        long acknowledged = 0;
        for (int trial = 0; trial < kills.trials; trial++) {
            String why = kills.replay("collect ads", trial);
            List<JsonNode> reported = Kills.acknowledged(killWhileCapturing(kills, phase, caseDir, why));
            acknowledged += reported.size();
            kills.landedInCapture(reported.size() < phase.captures());
            assertVerifies(cli, why);
            Kills.assertPresent(cli, reported, why);
        }
        System.out.println(kills.summary("collect ads"));
        runToTheEnd(caseDir, collectAds);
        assertVerifies(cli, kills.replay("collect ads", kills.trials));
        assertTrue(acknowledged > 0 || kills.trials < 3, "no trial was killed after its first capture: "
                + kills.replay("collect ads", kills.trials));
        assertNoNativeLibraryLeftInTmp();
    }

    @Test
    void killedReindexLeavesACaseThatVerifiesAndReindexesAgain() throws Exception {
        Timed before = timedThenKilled("reindex");
        Cli.Run again = lab.run("--json", "reindex");
        assertEquals(0, again.code(), again::toString);
        assertEquals(Json.parse(before.run().out()).path("indexed").asInt(), Json.parse(again.out()).path("indexed").asInt(),
                "every text is indexed again");
        assertTrue(Json.parse(again.out()).path("indexed").asInt() >= ADS, again::toString);
    }

    @Test
    void killedScanLeavesACaseThatVerifiesAndScansAgainAlike() throws Exception {
        Timed before = timedThenKilled("scan");
        Cli.Run again = lab.run("--json", "scan");
        assertEquals(0, again.code(), again::toString);
        assertEquals(before.run().out(), again.out(), "a scan after the kills ranks as before them");
    }

    @Test
    void killedBagExportIsNeverLeftLookingCompleteAndExportsAgain() throws Exception {
        Path bags = tmp.resolve("bags");
        Files.createDirectories(bags);
        long runMillis = window(timed(lab, "export", "bag", "--out", bags.resolve("timed").toString()).millis());
        Kills kills = new Kills(CI_TRIALS);
        for (int trial = 0; trial < kills.trials; trial++) {
            String why = kills.replay("export bag", trial);
            Path out = bags.resolve("bag-" + trial);
            killAtRandom(kills, runMillis, labCase, List.of("export", "bag", "--out", out.toString()));
            assertVerifies(lab, why);
            if (Files.exists(out)) {
                assertBagHolds(out, "a bag under the name asked for is whole, " + why);
                continue;
            }
            Cli.Run again = lab.run("export", "bag", "--out", out.toString());
            assertEquals(0, again.code(), () -> why + "\n" + again);
            assertBagHolds(out, why);
            assertFalse(Files.exists(bags.resolve("bag-" + trial + ".part")), "the killed run's part is gone: " + why);
        }
        System.out.println(kills.summary("export bag"));
    }

    @Test
    void killedReportExportIsNeverLeftHalfWrittenAndExportsAgain() throws Exception {
        Path reports = tmp.resolve("reports");
        Files.createDirectories(reports);
        long runMillis = window(timed(lab, "export", "report", "--out", reports.resolve("timed.html").toString())
                .millis());
        Kills kills = new Kills(CI_TRIALS);
        for (int trial = 0; trial < kills.trials; trial++) {
            String why = kills.replay("export report", trial);
            Path out = reports.resolve("report-" + trial + ".html");
            killAtRandom(kills, runMillis, labCase, List.of("export", "report", "--out", out.toString()));
            assertVerifies(lab, why);
            if (!Files.exists(out)) {
                Cli.Run again = lab.run("export", "report", "--out", out.toString());
                assertEquals(0, again.code(), () -> why + "\n" + again);
            }
            assertTrue(Files.readString(out).strip().endsWith("</html>"), "a report under its name is whole: " + why);
            assertFalse(Files.exists(reports.resolve(out.getFileName() + ".part")), why);
        }
        System.out.println(kills.summary("export report"));
    }

    /** How many captures an undisturbed {@code collect ads} acknowledges, and the time from its first to its last. */
    record CapturePhase(int captures, long millis) {
    }

    /** Runs the packaged {@code collect ads} undisturbed on {@code caseDir} and times its capture phase. */
    private CapturePhase capturePhase(Path caseDir) throws Exception {
        try (JarProcess p = JarProcess.start(sandbox, "256m", args(caseDir, json(collectAds)))) {
            assertEquals(0, p.waitFor(300), p::err);
            List<String> lines = p.outLines();
            List<Long> at = p.outLineMillis();
            List<Long> captures = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (!Kills.acknowledged(List.of(lines.get(i))).isEmpty()) {
                    captures.add(at.get(i));
                }
            }
            assertTrue(captures.size() > 1, () -> "an undisturbed run acknowledges its captures: " + lines);
            return new CapturePhase(captures.size(), captures.getLast() - captures.getFirst());
        }
    }

    /** Starts {@code collect ads}, kills it a drawn time after its first acknowledged capture; returns its lines. */
    private List<String> killWhileCapturing(Kills kills, CapturePhase phase, Path caseDir, String why)
            throws Exception {
        try (JarProcess p = JarProcess.start(sandbox, "256m", args(caseDir, json(collectAds)))) {
            long delay = kills.random.nextLong(Math.max(1, phase.millis()));
            assertTrue(p.awaitFirstLine(120), () -> "no capture acknowledged within 120 s, " + why + "\n" + p.err());
            Thread.sleep(delay);
            boolean running = p.kill();
            List<String> lines = p.outLines();
            kills.counted(running, Kills.acknowledged(lines).size());
            return lines;
        }
    }

    /** A run of the command in this JVM and how long it took. */
    record Timed(Cli.Run run, long millis) {
    }

    private static Timed timed(Cli cli, String... args) {
        long start = System.nanoTime();
        Cli.Run r = cli.run(args);
        assertEquals(0, r.code(), r::toString);
        return new Timed(r, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * How long a packaged run lasts, from start-up to exit: the JVM's start plus the work, which a cold JVM does
     * about half as fast as this warm one. Kill moments are drawn from it.
     */
    private long window(long warmMillis) {
        return startMillis + 2 * warmMillis;
    }

    /** Times {@code command} on the lab case in this JVM, then kills its packaged run again and again. */
    private Timed timedThenKilled(String command) throws Exception {
        Timed before = timed(lab, "--json", command);
        long runMillis = window(before.millis());
        Kills kills = new Kills(CI_TRIALS);
        for (int trial = 0; trial < kills.trials; trial++) {
            killAtRandom(kills, runMillis, labCase, List.of(command));
            assertVerifies(lab, kills.replay(command, trial));
        }
        System.out.println(kills.summary(command));
        return before;
    }

    /** Runs the packaged command to its end on {@code caseDir} and returns how long it took. */
    private long runToTheEnd(Path caseDir, List<String> command) throws Exception {
        long start = System.nanoTime();
        try (JarProcess p = JarProcess.start(sandbox, "256m", args(caseDir, command))) {
            assertEquals(0, p.waitFor(300), p::err);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Starts the command and kills it at a moment drawn uniformly from its whole run; returns its complete lines. */
    private List<String> killAtRandom(Kills kills, long runMillis, Path caseDir, List<String> command)
            throws Exception {
        try (JarProcess p = JarProcess.start(sandbox, "256m", args(caseDir, command))) {
            Thread.sleep(kills.random.nextLong(Math.max(1, runMillis)));
            boolean running = p.kill();
            List<String> lines = p.outLines();
            kills.counted(running, Kills.acknowledged(lines).size());
            return lines;
        }
    }

    private static String[] args(Path caseDir, List<String> command) {
        List<String> all = new ArrayList<>(List.of("--case", caseDir.toString(), "-q"));
        all.addAll(command);
        return all.toArray(String[]::new);
    }

    private static List<String> json(List<String> command) {
        List<String> all = new ArrayList<>(List.of("--json"));
        all.addAll(command);
        return all;
    }

    private static void assertVerifies(Cli cli, String why) {
        Cli.Run v = cli.run("verify");
        assertEquals(0, v.code(), () -> why + ":\n" + v);
    }

    private static void assertBagHolds(Path bag, String why) {
        Cli.Run v = Cli.runBare("verify", "--bag", bag.toString());
        assertEquals(0, v.code(), () -> why + ":\n" + v);
    }

    private void assertNoNativeLibraryLeftInTmp() throws IOException {
        try (Stream<Path> left = Files.list(sandbox.resolve("tmp"))) {
            List<String> names = left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("sqlite-")).toList();
            assertEquals(List.of(), names, "killed runs leave no native library copies in the temporary folder");
        }
    }
}
