package org.tracelab.core.export;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.tracelab.core.TracelabException;
import org.tracelab.core.internal.FileTrees;
import org.tracelab.core.store.BlobStore;

/**
 * An export being written: a {@code .part} file or folder beside the name asked for, held under an OS lock while it
 * is written and renamed into place only when complete, so a killed export never leaves a half export under that
 * name. The OS drops the lock however the writer ends, so a {@code .part} nobody holds was left by a killed export
 * and is written again; one that is held belongs to an export still running.
 */
public final class PartialExport implements AutoCloseable {
    /** The lock file in an unfinished folder export, held while it is being written. */
    public static final String WRITING = ".tracelab-writing";

    private final Path target;
    private final Path part;
    /** The locked channel: the file being written, or the lock file inside the folder being written. */
    private final FileChannel channel;
    private final boolean folder;
    private boolean published;

    private PartialExport(Path target, Path part, FileChannel channel, boolean folder) {
        this.target = target;
        this.part = part;
        this.channel = channel;
        this.folder = folder;
    }

    /**
     * Starts a file export to {@code target}, which must not exist (else bad input saying {@code whenExisting}); a
     * {@code .part} file another export is writing is bad input saying {@code whenBusy}.
     */
    public static PartialExport file(Path target, String whenExisting, String whenBusy) {
        Path t = ExportTarget.requireNew(target, whenExisting);
        Path part = partOf(t);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (tryLock(channel) == null) {
                throw TracelabException.badInput(part.toString(), whenBusy);
            }
            channel.truncate(0);
            return new PartialExport(t, part, channel, false);
        } catch (IOException e) {
            close(channel);
            throw TracelabException.io("creating " + part, e);
        } catch (RuntimeException e) {
            close(channel);
            throw e;
        }
    }

    /**
     * Starts a folder export to {@code target}, which must not exist (else bad input saying {@code whenExisting}):
     * an empty {@code .part} folder, what a killed export left in it removed; one another export is writing is bad
     * input saying {@code whenBusy}.
     */
    public static PartialExport folder(Path target, String whenExisting, String whenBusy) throws IOException {
        Path t = ExportTarget.requireNew(target, whenExisting);
        Path part = partOf(t);
        Files.createDirectories(part);
        Path lockFile = part.resolve(WRITING);
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            if (tryLock(channel) == null) {
                throw TracelabException.badInput(part.toString(), whenBusy);
            }
        } catch (IOException | RuntimeException e) {
            close(channel);
            throw e;
        }
        PartialExport p = new PartialExport(t, part, channel, true);
        try {
            p.emptyExcept(lockFile);
        } catch (IOException | RuntimeException e) {
            p.close();
            throw e;
        }
        return p;
    }

    private static Path partOf(Path target) {
        return target.resolveSibling(target.getFileName() + ".part");
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this process: another export still running
        }
    }

    /** Where to write: the {@code .part} file or folder. */
    public Path part() {
        return part;
    }

    /** The {@code .part} file's channel, to write it through; a folder export has none. */
    public FileChannel channel() {
        if (folder) {
            throw new IllegalStateException("a folder export is written through its files");
        }
        return channel;
    }

    /** Renames the complete export into place, syncs the folder that holds it, and returns where it is. */
    public Path publish() throws IOException {
        if (folder) {
            Files.delete(part.resolve(WRITING));
        } else {
            channel.force(true);
            channel.close();
        }
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        published = true;
        BlobStore.fsyncDirectory(target.getParent());
        return target;
    }

    /** Removes the {@code .part} when the export was not published, and lets the lock go. */
    @Override
    public void close() throws IOException {
        close(channel);
        if (published) {
            return;
        }
        if (folder) {
            deleteTree(part);
        } else {
            Files.deleteIfExists(part);
        }
    }

    private void emptyExcept(Path keep) throws IOException {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(part)) {
            for (Path child : children) {
                if (!child.equals(keep)) {
                    if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                        deleteTree(child);
                    } else {
                        Files.delete(child);
                    }
                }
            }
        }
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the failure being reported is the one that matters
            }
        }
    }

    /** The export's own failure is what gets reported; a .part folder left behind says by its name what it is. */
    private static void deleteTree(Path dir) {
        FileTrees.deleteQuietly(dir);
    }
}
