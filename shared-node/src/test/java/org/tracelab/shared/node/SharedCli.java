package org.tracelab.shared.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tracelab.cli.Tracelab;
import org.tracelab.shared.LocalNode;

/** Runs the real tracelab command line in this JVM, its local node (a child JVM) on one data folder. */
final class SharedCli {
    static {
        // The node runs on this module's test class path: OpenSearch, the plugin, core's analyzers.
        System.setProperty(LocalNode.CLASSPATH_PROPERTY, System.getProperty("java.class.path"));
    }

    private final Map<String, String> env = new HashMap<>();

    SharedCli(Path data) {
        env.put(LocalNode.ENV_DATA, data.toString());
        env.put(LocalNode.ENV_JAVA_OPTS, "-Xms128m -Xmx512m");
    }

    /** What one run printed and returned. */
    record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out:\n" + out + "\n--- err:\n" + err;
        }
    }

    SharedCli with(String name, String value) {
        env.put(name, value);
        return this;
    }

    Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Tracelab.run(args, Map.copyOf(env), Clock.systemUTC(), out, err, false);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Makes a case {@code tmp/name} titled {@code title} whose items are the given texts, collected from files.
     *
     * @return the case's folder
     */
    Path newCase(Path tmp, String name, String title, List<String> texts) throws IOException {
        Path files = tmp.resolve(name + "-files");
        Files.createDirectories(files);
        for (int i = 0; i < texts.size(); i++) {
            Files.writeString(files.resolve(name + (i + 1) + ".txt"), texts.get(i));
        }
        Path dir = tmp.resolve(name);
        Run init = run("case", "init", dir.toString(), "--name", title, "--examiner", "Cadet A",
                "--purpose", "Training exercise: test suite (fictitious)");
        assertEquals(0, init.code(), init::toString);
        Run collect = inCase(dir, "collect", "file", files.toString());
        assertEquals(0, collect.code(), collect::toString);
        return dir;
    }

    Run inCase(Path caseDir, String... args) {
        List<String> all = new ArrayList<>(List.of("--case", caseDir.toString()));
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }
}
