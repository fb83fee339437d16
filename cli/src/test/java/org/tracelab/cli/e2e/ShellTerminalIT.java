package org.tracelab.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell on a real terminal: the packaged jar run with no arguments inside tmux (a pseudo-terminal), driven by
 * keystrokes: Tab completes a command and a tag of the case, a command prints as it does one-shot, Ctrl-C stops a
 * running command and the shell goes on, a wrong one prints one line and the prompt comes back, Ctrl-C at the prompt
 * clears the line, the history is kept for the case, 'exit' ends it.
 */
class ShellTerminalIT {
    @TempDir
    Path tmp;
    private String socket;

    @Test
    void aScriptedSessionCompletesRunsRecoversAndRemembers() throws Exception {
        if (Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .noneMatch(d -> Files.isExecutable(Path.of(d, "tmux")))) {
            fail("this test needs tmux on the PATH (scripts/system-packages installs Debian's)");
        }
        Path caseDir = tmp.resolve("lab");
        Cli cli = new Cli(caseDir);
        assertEquals(0, cli.init().code());
        assertEquals(0, cli.run("collect", "file", Fixtures.mixedFolder(tmp).toString()).code());
        assertEquals(0, cli.run("tag", "1", "recruiter").code());
        Path site = Files.createDirectories(tmp.resolve("site"));
        Files.writeString(site.resolve("index.html"), "<html><body>Fictitious lab page.</body></html>");
        String oneShot = cli.run("search", "fictitious").out();
        assertTrue(oneShot.matches("(?s)[1-9]\\d* items? match.*"), oneShot);
        Path state = tmp.resolve("state");
        socket = "tracelab-it-" + ProcessHandle.current().pid();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            tmux("new-session", "-d", "-s", "t", "-x", "160", "-y", "50", "env", "XDG_STATE_HOME=" + state,
                    "TRACELAB_CASE=" + caseDir, java, "-jar", JarProcess.jar().toString());
            await("the prompt", s -> s.contains("tracelab> "));

            keys("sea", "Tab");
            await("'sea' completed to 'search'", s -> lastLine(s).startsWith("tracelab> search"));
            keys("fictitious", "Enter");
            String firstLine = oneShot.lines().findFirst().orElseThrow();
            await("the search's answer, as one-shot", s -> s.contains(firstLine) && s.endsWith("tracelab> "));

            keys("search --tag rec", "Tab");
            await("a tag of the case completed", s -> lastLine(s).equals("tracelab> search --tag recruiter"));
            keys("C-c");
            await("the line cleared", s -> lastLine(s).equals("tracelab>"));

            keys("lab serve " + tmp, "Enter"); // the scenario folder, site/ inside
            await("a command that runs until stopped", s -> s.contains("press Ctrl-C to stop"));
            keys("C-c");
            await("Ctrl-C ends the command, not the shell", s -> s.contains("stopped") && s.endsWith("tracelab> "));

            keys("frobnicate", "Enter");
            await("one line for a wrong command and the prompt again",
                    s -> s.contains("tracelab: Unmatched argument") && s.endsWith("tracelab> "));

            keys("search something");
            await("the line typed", s -> lastLine(s).equals("tracelab> search something"));
            long prompts = prompts(tmux("capture-pane", "-p", "-t", "t"));
            keys("C-c");
            await("Ctrl-C at the prompt clears the line for a new one",
                    s -> prompts(s) == prompts + 1 && lastLine(s).equals("tracelab>"));

            keys("exit", "Enter");
            awaitGone();
        } finally {
            run(List.of("tmux", "-L", socket, "kill-server"));
        }
        Path history;
        try (Stream<Path> files = Files.list(state.resolve("tracelab/history"))) {
            history = files.findFirst().orElseThrow();
        }
        String kept = Files.readString(history, StandardCharsets.UTF_8);
        assertTrue(kept.contains("search fictitious") && kept.contains("frobnicate"), kept);
    }

    private void keys(String... keys) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("send-keys", "-t", "t"));
        cmd.addAll(List.of(keys));
        tmux(cmd.toArray(String[]::new));
    }

    /** Waits up to 60 s for the screen to show what {@code want} says, then fails showing the screen. */
    private void await(String what, Predicate<String> want) throws IOException, InterruptedException {
        String screen = "";
        for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); System.nanoTime() < end; ) {
            screen = tmux("capture-pane", "-p", "-t", "t").strip();
            if (want.test(screen) || want.test(screen + " ")) {
                return;
            }
            Thread.sleep(200);
        }
        fail("waited for " + what + "; the screen shows:\n" + screen);
    }

    private void awaitGone() throws IOException, InterruptedException {
        for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); System.nanoTime() < end; ) {
            if (run(List.of("tmux", "-L", socket, "has-session", "-t", "t")).exit() != 0) {
                return;
            }
            Thread.sleep(200);
        }
        fail("'exit' did not end the shell; the screen shows:\n" + tmux("capture-pane", "-p", "-t", "t"));
    }

    private static long prompts(String screen) {
        return screen.lines().filter(l -> l.startsWith("tracelab>")).count();
    }

    private static String lastLine(String screen) {
        List<String> lines = screen.lines().toList();
        return lines.isEmpty() ? "" : lines.getLast().strip();
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        Result r = run(cmd);
        if (r.exit() != 0) {
            fail(String.join(" ", cmd) + " failed: " + r.out());
        }
        return r.out();
    }

    private record Result(int exit, String out) {
    }

    private static Result run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }
}
