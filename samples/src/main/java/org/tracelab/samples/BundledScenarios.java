package org.tracelab.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The scenarios committed under {@code samples/scenarios}, and a main that regenerates them:
 * {@code java -cp ... org.tracelab.samples.BundledScenarios samples/scenarios}.
 */
public final class BundledScenarios {
    /** A bundled scenario: its folder name and spec. */
    public record Bundled(String name, ScenarioSpec spec) {
    }

    /** The small scenario of the tutorial and the larger exam scenario. */
    public static final List<Bundled> ALL = List.of(
            new Bundled("small", ScenarioSpec.of(20251, 60)),
            new Bundled("exam", ScenarioSpec.of(20252, 400)));

    private BundledScenarios() {
    }

    /** Deletes and regenerates every bundled scenario under the folder given as the only argument. */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: BundledScenarios SCENARIOS_DIR");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        for (Bundled b : ALL) {
            Path dir = root.resolve(b.name());
            deleteTree(dir);
            ScenarioSummary s = ScenarioGenerator.generate(b.spec(), dir);
            System.out.println(dir + ": " + s);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir, e);
        }
    }
}
