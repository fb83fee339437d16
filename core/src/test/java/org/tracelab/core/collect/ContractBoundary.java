package org.tracelab.core.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;

/**
 * The rule that keeps a collector module honest, checked on its compiled classes with the JDK's own {@code jdeps}
 * (so a fully qualified name or a lambda cannot slip past, as it could past a look at the imports): a collector
 * reaches core only through the contract package {@code org.tracelab.core.collect} and the few foundations every
 * module shares. Never the case, its store, its WARC writer, its database or the later stages of the flow.
 */
public final class ContractBoundary {
    /** The foundations outside the contract that a collector may use: errors, JSON, time, text, version. */
    static final Set<String> FOUNDATIONS = Set.of("org.tracelab.core.TracelabException",
            "org.tracelab.core.TracelabException$Failure", "org.tracelab.core.Json", "org.tracelab.core.Timestamps",
            "org.tracelab.core.Printable", "org.tracelab.core.ToolVersion");

    private ContractBoundary() {
    }

    /** Fails naming each class of {@code classes} (a module's compiled classes) that reaches past the contract. */
    public static void assertOnlyContract(Path classes) {
        assertTrue(Files.isDirectory(classes), classes + " holds no compiled classes");
        Set<String> crossings = crossings(classes);
        assertEquals(Set.of(), crossings, "collector classes that reach core past its contract");
    }

    /** Each {@code class -> core class} edge of {@code classes} that is neither the contract nor a foundation. */
    static Set<String> crossings(Path classes) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps")
                .orElseThrow(() -> new IllegalStateException("this JDK has no jdeps"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = jdeps.run(new PrintWriter(out), new PrintWriter(err), "-verbose:class", "-e",
                "org\\.tracelab\\.core\\..*", classes.toString());
        assertEquals(0, rc, () -> "jdeps failed: " + err);
        Set<String> found = new TreeSet<>();
        for (String line : out.toString().split("\n")) {
            String[] parts = line.strip().split("\\s+");
            // Class lines only ("a.B -> c.D  not found"); the archive's summary line names no core class.
            if (parts.length < 3 || !parts[1].equals("->") || !parts[2].startsWith("org.tracelab.core.")) {
                continue;
            }
            String target = parts[2];
            if (!target.startsWith("org.tracelab.core.collect.") && !FOUNDATIONS.contains(target)) {
                found.add(parts[0] + " -> " + target);
            }
        }
        return found;
    }
}
