package org.tracelab.collectors.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL trials of {@code collect browser} run from the packaged jars as {@code ./tracelab} runs them: killed in the
 * middle of a page, Tracelab leaves no browser process behind, and the case verifies with what it acknowledged.
 * Pages are made by the test (fictitious); one of them never finishes loading, so the kill finds a browser at work.
 */
class BrowserCrashIT {
    @TempDir
    static Path tmp;
    private static TestSite site;

    @BeforeAll
    static void serve() throws IOException {
        site = new TestSite()
                .page("/fine", "text/html", "<!doctype html><p>An ordinary page (fictitious)</p><a href=/slow>on</a>")
                .handle("/slow", x -> {
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
    void killedMidPageNoBrowserIsLeftAndTheCaseVerifies() throws Exception {
        for (int trial = 0; trial < 2; trial++) {
            Path caseDir = tmp.resolve("case-" + trial);
            assertEquals(0, run("case", "init", caseDir.toString(), "--name", "Crash trial (fictitious)",
                    "--examiner", "Cadet A", "--purpose", "SIGKILL trial of collect browser"));
            Process p = new ProcessBuilder(tracelab("--case", caseDir.toString(), "collect", "browser",
                    site.url("/fine"), "--depth", "1", "--delay", "0", "--budget", "60",
                    "--allow-host", "127.0.0.1:" + site.port()))
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("out-" + trial + ".txt").toFile()).start();
            // Waits for the browser, then lets the run go on a little (first into the ordinary page, then into
            // the page that never ends) before the kill.
            List<ProcessHandle> browser = new ArrayList<>();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (browser.stream().noneMatch(h -> command(h).contains("chromium")) && System.nanoTime() < until) {
                Thread.sleep(100);
                browser = p.descendants().toList();
            }
            assertTrue(browser.stream().anyMatch(h -> command(h).contains("chromium")),
                    "no browser started: " + Files.readString(tmp.resolve("out-" + trial + ".txt")));
            Thread.sleep(trial == 0 ? 500 : 4000);
            List<ProcessHandle> all = p.descendants().toList();
            p.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            long gone = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (all.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < gone) {
                Thread.sleep(100);
            }
            List<String> left = all.stream().filter(ProcessHandle::isAlive).map(BrowserCrashIT::command).toList();
            assertTrue(left.isEmpty(), "left running after SIGKILL: " + left);
            assertEquals(0, run("--case", caseDir.toString(), "verify"), "verify after trial " + trial);
        }
    }

    private static String command(ProcessHandle h) {
        return h.info().command().orElse("?");
    }
}
