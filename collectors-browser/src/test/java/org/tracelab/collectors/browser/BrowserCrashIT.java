package org.tracelab.collectors.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Json;

/**
 * SIGKILL trials of {@code collect browser} run from the packaged jars as {@code ./tracelab} runs them: killed in the
 * middle of its pages, Tracelab leaves no browser process behind, every capture it acknowledged ({@code --json}) is
 * in the case with the hash and source it acknowledged, and the case verifies. Pages are made by the test
 * (fictitious): script-rendered pages, then one that never finishes loading, so kills find the browser at work.
 *
 * <p>Even trials kill at a moment drawn after the first acknowledged capture (while pages are rendered and
 * recorded), odd ones in the page that never ends. {@code -Dcrash.trials=N} sets the number of trials (CI runs two;
 * docs/RELIABILITY.md records a long run); {@code -Dcrash.seed=S} draws the same kill moments again.
 */
class BrowserCrashIT {
    private static final int CI_TRIALS = 2;
    private static final int PAGES = 6;
    @TempDir
    static Path tmp;
    private static TestSite site;
    private static final AtomicInteger slowAsked = new AtomicInteger();

    @BeforeAll
    static void serve() throws IOException {
        StringBuilder links = new StringBuilder();
        for (int i = 1; i <= PAGES; i++) {
            links.append("<a href=/ad").append(i).append(">ad ").append(i).append("</a> ");
        }
        site = new TestSite().page("/fine", "text/html",
                "<!doctype html><p>An ordinary listing (fictitious)</p>" + links + "<a href=/slow>on</a>");
        for (int i = 1; i <= PAGES; i++) {
            site.page("/ad" + i, "text/html", "<!doctype html><div id=ad>loading</div><script>fetch('/api/" + i
                    + "').then(r => r.json()).then(j => { document.getElementById('ad').textContent = j.title; });"
                    + "</script>")
                    .page("/api/" + i, "application/json", "{\"title\":\"Waiter wanted, ad " + i + " (fictitious)\"}");
        }
        site.handle("/slow", x -> {
            slowAsked.incrementAndGet();
            x.getResponseHeaders().set("Content-Type", "text/html");
            x.sendResponseHeaders(200, 0);
            try (OutputStream out = x.getResponseBody()) {
                out.write("<!doctype html><p>still loading (fictitious)</p>".getBytes(StandardCharsets.UTF_8));
                out.flush();
                for (int i = 0; i < 1200; i++) {
                    Thread.sleep(100);
                    out.write(' ');
                    out.flush();
                }
            } catch (IOException | InterruptedException gone) {
                // the browser went away: fine
            }
        });
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    private static List<String> tracelab(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("tracelab.jar") + ":" + System.getProperty("tracelab.browser.jar"),
                "org.tracelab.cli.Tracelab"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static int run(String... args) throws Exception {
        Process p = new ProcessBuilder(tracelab(args)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "tracelab " + String.join(" ", args));
        return p.exitValue();
    }

    @Test
    void killedMidPageNoBrowserIsLeftNothingAcknowledgedIsLostAndTheCaseVerifies() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        int trials = Integer.getInteger("crash.trials", CI_TRIALS);
        Random random = new Random(seed);
        int killedRunning = 0;
        int inTheEndlessPage = 0;
        long acknowledged = 0;
        for (int trial = 0; trial < trials; trial++) {
            String why = "trial " + trial + ", seed " + seed + " (replay with -Dcrash.seed=" + seed
                    + " -Dcrash.trials=" + trials + ")";
            Path caseDir = tmp.resolve("case-" + trial);
            assertEquals(0, run("case", "init", caseDir.toString(), "--name", "Crash trial (fictitious)",
                    "--examiner", "Cadet A", "--purpose", "SIGKILL trial of collect browser"));
            Path out = tmp.resolve("out-" + trial + ".txt");
            Path err = tmp.resolve("err-" + trial + ".txt");
            int slowBefore = slowAsked.get();
            Process p = new ProcessBuilder(tracelab("--json", "--case", caseDir.toString(), "collect", "browser",
                    site.url("/fine"), "--depth", "1", "--delay", "0", "--budget", "60",
                    "--allow-host", "127.0.0.1:" + site.port()))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            // Waits for the browser and the first acknowledged capture, so the kill finds both at work.
            List<ProcessHandle> tree = new ArrayList<>();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while ((tree.stream().noneMatch(h -> command(h).contains("chromium")) || acknowledged(out).isEmpty())
                    && p.isAlive() && System.nanoTime() < until) {
                Thread.sleep(50);
                tree = p.descendants().toList();
            }
            assertTrue(tree.stream().anyMatch(h -> command(h).contains("chromium")) && !acknowledged(out).isEmpty(),
                    "no browser or no capture within 180 s, " + why + ": " + Files.readString(err));
            if (trial % 2 == 1) {
                // the ordinary pages come first: on a loaded machine they take a while
                long slowUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
                while (slowAsked.get() == slowBefore && p.isAlive() && System.nanoTime() < slowUntil) {
                    Thread.sleep(50);
                }
                assertTrue(slowAsked.get() > slowBefore, "the endless page was not asked for within 180 s of the"
                        + " first capture (" + acknowledged(out).size() + " captures; the run "
                        + (p.isAlive() ? "still running" : "ended with " + p.exitValue()) + "), " + why + ": "
                        + Files.readString(err));
                Thread.sleep(random.nextLong(2_000));
                inTheEndlessPage++;
            } else {
                Thread.sleep(random.nextLong(3_000));
            }
            List<ProcessHandle> all = p.descendants().toList();
            if (p.isAlive()) {
                killedRunning++;
            }
            p.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            long gone = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (all.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < gone) {
                Thread.sleep(100);
            }
            List<String> left = all.stream().filter(ProcessHandle::isAlive).map(BrowserCrashIT::command).toList();
            assertTrue(left.isEmpty(), "left running after SIGKILL, " + why + ": " + left);
            List<JsonNode> reported = acknowledged(out);
            acknowledged += reported.size();
            assertPresent(caseDir, reported, why);
            assertEquals(0, run("--case", caseDir.toString(), "verify"), "verify after " + why);
        }
        System.out.println("crash trials: collect browser: " + trials + " trials, " + killedRunning
                + " killed while running (" + inTheEndlessPage + " of them in the page that never ends), "
                + acknowledged + " acknowledged captures checked, seed " + seed);
    }

    /** The captures among the complete lines a {@code --json} run printed; a line cut by the kill is none. */
    private static List<JsonNode> acknowledged(Path out) throws IOException {
        List<JsonNode> reported = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            try {
                JsonNode n = Json.parse(line);
                if (n.has("id") && n.has("sha256")) {
                    reported.add(n);
                }
            } catch (IllegalArgumentException partialLine) {
                // cut by the kill: never a report
            }
        }
        return reported;
    }

    /** Every acknowledged capture is in the case with the hash and source it was acknowledged with. */
    private static void assertPresent(Path caseDir, List<JsonNode> reported, String why) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + caseDir.resolve("case.db"));
             PreparedStatement q = db.prepareStatement("SELECT sha256, source FROM items WHERE id = ?")) {
            for (JsonNode r : reported) {
                q.setLong(1, r.path("id").asLong());
                try (ResultSet rs = q.executeQuery()) {
                    assertTrue(rs.next(), "acknowledged capture " + r + " missing after the kill, " + why);
                    assertEquals(r.path("sha256").asText(), rs.getString(1), "hash of " + r + ", " + why);
                    assertEquals(r.path("source").asText(), rs.getString(2), "source of " + r + ", " + why);
                }
            }
        }
    }

    private static String command(ProcessHandle h) {
        return h.info().command().orElse("?");
    }
}
