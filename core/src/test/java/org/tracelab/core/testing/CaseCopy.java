package org.tracelab.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A closed case copied file by file, so a test class builds its case once and each test tampers with a copy of its
 * own: a case is a folder, and a copy of a closed one is the same case.
 */
public final class CaseCopy {
    private CaseCopy() {
    }

    /** Copies the folder {@code from} (a closed case) to {@code to}, which must not exist yet; returns {@code to}. */
    public static Path of(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }
}
