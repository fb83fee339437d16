package org.tracelab.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    @Test
    void aScriptedSessionCompletesRunsRecoversAndRemembers() throws Exception {
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
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try (Tmux t = new Tmux("shell", 160, 50, List.of("env", "XDG_STATE_HOME=" + state,
                "TRACELAB_CASE=" + caseDir, java, "-jar", JarProcess.jar().toString()))) {
            t.await("the prompt", s -> s.contains("tracelab> "));

            t.keys("sea", "Tab");
            t.await("'sea' completed to 'search'", s -> lastLine(s).startsWith("tracelab> search"));
            t.keys("fictitious", "Enter");
            String firstLine = oneShot.lines().findFirst().orElseThrow();
            t.await("the search's answer, as one-shot", s -> s.contains(firstLine) && s.endsWith("tracelab> "));

            t.keys("search --tag rec", "Tab");
            t.await("a tag of the case completed", s -> lastLine(s).equals("tracelab> search --tag recruiter"));
            t.keys("C-c");
            t.await("the line cleared", s -> lastLine(s).equals("tracelab>"));

            t.keys("lab serve " + tmp, "Enter"); // the scenario folder, site/ inside
            t.await("a command that runs until stopped", s -> s.contains("press Ctrl-C to stop"));
            t.keys("C-c");
            t.await("Ctrl-C ends the command, not the shell", s -> s.contains("stopped") && s.endsWith("tracelab> "));

            t.keys("frobnicate", "Enter");
            t.await("one line for a wrong command and the prompt again",
                    s -> s.contains("tracelab: Unmatched argument") && s.endsWith("tracelab> "));

            t.keys("search something");
            t.await("the line typed", s -> lastLine(s).equals("tracelab> search something"));
            long prompts = prompts(t.screen());
            t.keys("C-c");
            t.await("Ctrl-C at the prompt clears the line for a new one",
                    s -> prompts(s) == prompts + 1 && lastLine(s).equals("tracelab>"));

            t.keys("exit", "Enter");
            t.awaitGone("'exit'");
        }
        Path history;
        try (Stream<Path> files = Files.list(state.resolve("tracelab/history"))) {
            history = files.findFirst().orElseThrow();
        }
        String kept = Files.readString(history, StandardCharsets.UTF_8);
        assertTrue(kept.contains("search fictitious") && kept.contains("frobnicate"), kept);
    }

    private static long prompts(String screen) {
        return screen.lines().filter(l -> l.startsWith("tracelab>")).count();
    }

    static String lastLine(String screen) {
        List<String> lines = screen.lines().toList();
        return lines.isEmpty() ? "" : lines.getLast().strip();
    }
}
