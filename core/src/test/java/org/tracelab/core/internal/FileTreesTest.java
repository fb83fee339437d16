package org.tracelab.core.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder tree goes whole, and a link inside it is removed without touching what it points at. */
class FileTreesTest {
    @TempDir
    Path tmp;

    @Test
    void aTreeGoesWithEverythingUnderIt() throws IOException {
        Path root = tmp.resolve("spool");
        Files.createDirectories(root.resolve("a/b"));
        Files.writeString(root.resolve("a/b/picture.jpg"), "fictitious");
        Files.writeString(root.resolve("out.hocr"), "");
        FileTrees.delete(root);
        assertFalse(Files.exists(root));
        FileTrees.delete(root); // nothing there: no failure
    }

    @Test
    void aLinkInsideIsRemovedAndItsTargetKept() throws IOException {
        Path outside = Files.writeString(tmp.resolve("evidence.txt"), "kept");
        Path root = Files.createDirectories(tmp.resolve("scratch"));
        Files.createSymbolicLink(root.resolve("link"), outside);
        Files.createSymbolicLink(root.resolve("dirlink"), tmp);
        FileTrees.delete(root);
        assertFalse(Files.exists(root));
        assertTrue(Files.exists(outside));
    }
}
