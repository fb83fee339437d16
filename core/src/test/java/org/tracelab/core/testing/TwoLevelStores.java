package org.tracelab.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lays a case's blob store out as Tracelab did before session 12 ({@code blobs/sha256/ab/cd/<hash>}, no layout
 * marker), so tests can make a case "made by the old layout" from a fictitious case of their own and open it.
 */
public final class TwoLevelStores {
    private TwoLevelStores() {
    }

    /**
     * Moves every blob of the store under {@code blobsDir} down into its second-level folder and removes the
     * layout marker.
     *
     * @return how many blobs were moved
     */
    public static int downgrade(Path blobsDir) throws IOException {
        Path root = blobsDir.resolve("sha256");
        int moved = 0;
        for (Path upper : list(root)) {
            for (Path blob : list(upper)) {
                if (!Files.isRegularFile(blob)) {
                    continue;
                }
                String name = blob.getFileName().toString();
                Path leaf = upper.resolve(name.substring(2, 4));
                Files.createDirectories(leaf);
                Files.move(blob, leaf.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                moved++;
            }
        }
        Files.deleteIfExists(blobsDir.resolve("layout"));
        return moved;
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
