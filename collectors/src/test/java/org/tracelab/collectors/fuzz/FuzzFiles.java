package org.tracelab.collectors.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Scratch files and folders the fuzz targets write to, removed when the JVM exits. */
final class FuzzFiles {
    private FuzzFiles() {
    }

    static Path temp(String prefix, String suffix) {
        try {
            Path f = Files.createTempFile("tracelab-fuzz-" + prefix, suffix);
            f.toFile().deleteOnExit();
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A folder (a case the target fills, say) removed with all it holds when the JVM exits. */
    static Path tempDir(String prefix) {
        try {
            Path dir = Files.createTempDirectory("tracelab-fuzz-" + prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // the JVM is exiting; what cannot be walked stays in the temporary folder
        }
    }
}
