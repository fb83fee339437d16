package org.tracelab.cli.e2e;

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

/**
 * A tmux server of a test's own (a pseudo-terminal a program draws on as on a user's), one session in it, driven by
 * keystrokes and read back from its screen. Closing it kills the server and whatever still runs in it.
 */
final class Tmux implements AutoCloseable {
    private final String socket;

    /** Starts a session of {@code columns} x {@code rows} running {@code command}. */
    Tmux(String name, int columns, int rows, List<String> command) throws IOException, InterruptedException {
        if (Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .noneMatch(d -> Files.isExecutable(Path.of(d, "tmux")))) {
            fail("this test needs tmux on the PATH (scripts/system-packages installs Debian's)");
        }
        socket = "tracelab-it-" + name + "-" + ProcessHandle.current().pid();
        List<String> args = new ArrayList<>(List.of("new-session", "-d", "-s", "t", "-x", String.valueOf(columns),
                "-y", String.valueOf(rows)));
        args.addAll(command);
        tmux(args.toArray(String[]::new));
    }

    void keys(String... keys) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("send-keys", "-t", "t"));
        cmd.addAll(List.of(keys));
        tmux(cmd.toArray(String[]::new));
    }

    /** The screen as shown, one line a screen row. */
    String screen() throws IOException, InterruptedException {
        return tmux("capture-pane", "-p", "-t", "t");
    }

    /** The screen with each line a program wrote joined again where the terminal wrapped it. */
    String joinedScreen() throws IOException, InterruptedException {
        return tmux("capture-pane", "-p", "-J", "-t", "t");
    }

    /** Waits up to 60 s for the screen to show what {@code want} says, then fails showing the screen. */
    String await(String what, Predicate<String> want) throws IOException, InterruptedException {
        String screen = "";
        for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); System.nanoTime() < end; ) {
            screen = screen().strip();
            if (want.test(screen) || want.test(screen + " ")) {
                return screen;
            }
            Thread.sleep(100);
        }
        fail("waited for " + what + "; the screen shows:\n" + screen);
        return screen;
    }

    /** Waits up to 30 s for the session's program to end. */
    void awaitGone(String what) throws IOException, InterruptedException {
        for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); System.nanoTime() < end; ) {
            if (run(List.of("tmux", "-L", socket, "has-session", "-t", "t")).exit() != 0) {
                return;
            }
            Thread.sleep(200);
        }
        fail(what + " did not end; the screen shows:\n" + screen());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run(List.of("tmux", "-L", socket, "kill-server"));
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
