package org.tracelab.core.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A document found inside another one (archive entry, e-mail attachment, embedded file), spooled to a temporary
 * file so the caller can store it as its own item linked to its parent.
 *
 * @param name        the member's name or path inside its container
 * @param contentType the type the worker detected for the member's bytes
 * @param size        bytes in {@link #file()}
 * @param file        temporary copy of the bytes; deleted when the owning {@link Extraction} is closed
 */
public record EmbeddedMember(String name, String contentType, long size, Path file) {
    public EmbeddedMember {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(file, "file");
        if (size < 0) {
            throw new IllegalArgumentException("size < 0: " + size);
        }
    }

    /** Opens the member's bytes; the caller closes the stream, and must do so before closing the extraction. */
    public InputStream open() throws IOException {
        return Files.newInputStream(file);
    }
}
