package org.tracelab.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.tracelab.core.collect.BlobId;

/**
 * Moves the blobs of a store made in the two-level layout ({@code sha256/ab/cd/<hash>}) to the one-level one
 * ({@code sha256/ab/<hash>}). Safe to kill at any instant and to run again: each move is one atomic rename within
 * the store, so a blob has at least one of its two names at every moment, and a rerun finishes what is left.
 * {@link BlobStore#upgradeLayout} runs it.
 */
public final class FanOutUpgrade {
    private static final Pattern TWO_HEX = Pattern.compile("[0-9a-f]{2}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** What an upgrade did: blobs moved, and names left where they were because they are not blobs. */
    public record Result(long moved, List<Path> leftInPlace) {
        public Result {
            if (moved < 0) {
                throw new IllegalArgumentException("moved < 0: " + moved);
            }
            leftInPlace = List.copyOf(leftInPlace);
        }
    }

    private final Path root;

    FanOutUpgrade(Path root) {
        this.root = root;
    }

    /** Where the two-level layout kept a blob. */
    static Path twoLevelPath(Path root, String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    /**
     * Moves every blob up one level, folder by folder: the renames, then one sync of the folder that got the new
     * names, then the emptied second-level folders removed. When it returns, every moved blob's new name is
     * durable.
     */
    Result run() throws IOException {
        long moved = 0;
        List<Path> left = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return new Result(0, left);
        }
        for (Path upper : twoHexFolders(root)) {
            List<Path> leaves = twoHexFolders(upper);
            if (leaves.isEmpty()) {
                continue;
            }
            for (Path leaf : leaves) {
                moved += moveUp(upper, leaf, left);
            }
            // The new names must be durable before the store is marked upgraded (and the old folders go).
            BlobStore.fsyncDirectory(upper);
            for (Path leaf : leaves) {
                try {
                    Files.deleteIfExists(leaf);
                } catch (DirectoryNotEmptyException keptForWhatIsLeft) {
                    // a name that is not a blob stays where it was, and so does its folder
                }
            }
            BlobStore.fsyncDirectory(upper);
        }
        return new Result(moved, left);
    }

    /** Moves the blobs of one second-level folder into its first-level one; names that are not blobs stay. */
    private static long moveUp(Path upper, Path leaf, List<Path> left) throws IOException {
        String prefix = upper.getFileName().toString() + leaf.getFileName().toString();
        long moved = 0;
        List<Path> names;
        try (Stream<Path> s = Files.list(leaf)) {
            names = s.sorted().toList();
        }
        for (Path blob : names) {
            String name = blob.getFileName().toString();
            if (!SHA256.matcher(name).matches() || !name.startsWith(prefix) || !Files.isRegularFile(blob)) {
                left.add(blob);
                continue;
            }
            Path target = upper.resolve(name);
            if (Files.exists(target)) {
                // Both names exist only if something copied the blob; the store keeps the copy that holds what
                // its name promises.
                if (holdsItsName(target)) {
                    Files.delete(blob);
                } else if (holdsItsName(blob)) {
                    Files.move(blob, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    moved++;
                } else {
                    left.add(blob);
                }
                continue;
            }
            try {
                Files.move(blob, target, StandardCopyOption.ATOMIC_MOVE);
                moved++;
            } catch (NoSuchFileException gone) {
                // moved by an upgrade that ran meanwhile; the writer's lock makes this rare
            }
        }
        return moved;
    }

    private static boolean holdsItsName(Path blob) throws IOException {
        try (InputStream in = Files.newInputStream(blob)) {
            return BlobStore.hash(in).equals(new BlobId(blob.getFileName().toString()));
        }
    }

    private static List<Path> twoHexFolders(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> TWO_HEX.matcher(p.getFileName().toString()).matches() && Files.isDirectory(p))
                    .sorted().toList();
        }
    }
}
