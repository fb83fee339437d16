package org.tracelab.cli.e2e;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tracelab.cli.Tracelab;

/** Runs the real tracelab command line in this JVM against one case, capturing what it prints. */
final class Cli {
    private final Path caseDir;

    Cli(Path caseDir) {
        this.caseDir = caseDir;
    }

    /** What one run printed and returned. */
    record Run(int code, String out, String err, byte[] stdoutBytes) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out:\n" + out + "\n--- err:\n" + err;
        }
    }

    Run run(String... args) {
        List<String> all = new ArrayList<>(List.of("--case", caseDir.toString()));
        all.addAll(List.of(args));
        return runBare(all.toArray(String[]::new));
    }

    static Run runBare(String... args) {
        return runWithInput("", args);
    }

    /** Runs with {@code input} as standard input, as a script piped into tracelab. */
    static Run runWithInput(String input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Tracelab.run(args, Map.of(), Clock.systemUTC(),
                new java.io.ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, err, false);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                out.toByteArray());
    }

    /** The source of each hit of {@code query}, best first; the search must succeed. */
    List<String> sources(String query) {
        Run r = run("--json", "search", query);
        if (r.code() != 0) {
            throw new AssertionError("search " + query + " failed:\n" + r);
        }
        List<String> out = new ArrayList<>();
        r.out().lines().filter(l -> !l.isBlank())
                .forEach(l -> out.add(org.tracelab.core.Json.parse(l).path("source").asText()));
        return out;
    }

    Run init() {
        return runBare("case", "init", caseDir.toString(), "--name", "Lab 1 (fictitious)", "--examiner", "Cadet A",
                "--purpose", "Training exercise: test suite");
    }
}
