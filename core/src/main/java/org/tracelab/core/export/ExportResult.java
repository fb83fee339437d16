package org.tracelab.core.export;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What an export wrote.
 *
 * @param path    the file or folder written
 * @param sha256  the hash logged for it: of the file, or of a bag's {@code tagmanifest-sha256.txt}
 * @param records rows, items or captures it holds
 * @param bytes   bytes written (for a bag, of its payload)
 */
public record ExportResult(Path path, String sha256, long records, long bytes) {
    public ExportResult {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
    }
}
