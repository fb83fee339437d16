package org.tracelab.collectors.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Scratch files the fuzz targets write each input to, removed when the JVM exits. */
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
}
