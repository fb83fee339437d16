package org.tracelab.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's headless {@code chromium}, as the browser tests run it: one command, its standard output as text. */
final class Chromium {
    private final Path binary;
    private final Path tmp;

    private Chromium(Path binary, Path tmp) {
        this.binary = binary;
        this.tmp = tmp;
    }

    /** The chromium on the PATH, writing its outputs under {@code tmp}; fails the test saying how to install it. */
    static Chromium find(Path tmp) {
        Path chromium = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .map(d -> Path.of(d, "chromium")).filter(Files::isExecutable).findFirst().orElse(null);
        if (chromium == null) {
            fail("Debian's chromium is not installed, and this test needs it: 'apt-get install -y chromium' "
                    + "(.ci/run installs it in CI)");
        }
        return new Chromium(chromium, tmp);
    }

    /** Runs headless chromium with its own profile in {@code userData} and {@code args}; what it printed. */
    String run(Path userData, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-dev-shm-usage", "--user-data-dir=" + userData));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(tmp, "chromium-", ".out");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            fail("chromium did not finish in 120 s: " + cmd);
        }
        assertEquals(0, p.exitValue(), "chromium failed: " + cmd);
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
