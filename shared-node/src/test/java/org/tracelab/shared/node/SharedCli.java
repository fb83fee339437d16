package org.tracelab.shared.node;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
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

    Run inCase(Path caseDir, String... args) {
        List<String> all = new ArrayList<>(List.of("--case", caseDir.toString()));
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }
}
