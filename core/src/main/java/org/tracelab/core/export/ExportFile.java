package org.tracelab.core.export;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.tracelab.core.Hashing;
import org.tracelab.core.TracelabException;
import org.tracelab.core.store.BlobStore;

/**
 * A file being exported: written beside its destination, hashed as it is written, forced to disk and renamed into
 * place only when complete, so a killed export never leaves a half file under the name asked for: only a
 * {@code .part} file beside it, which the next export to that name writes over.
 */
final class ExportFile implements AutoCloseable {
    private final Path target;
    private final Path part;
    private final FileChannel channel;
    private final MessageDigest sha = Hashing.sha256();
    private final OutputStream out;
    private long bytes;
    private boolean done;

    private ExportFile(Path target, Path part, FileChannel channel) {
        this.target = target;
        this.part = part;
        this.channel = channel;
        OutputStream raw = Channels.newOutputStream(channel);
        this.out = new BufferedOutputStream(new FilterOutputStream(raw) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                sha.update(b, off, len);
                bytes += len;
                raw.write(b, off, len);
            }

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }
        }, 1 << 16);
    }

    /** Starts a file that will be {@code target}, which must not exist yet. */
    static ExportFile create(Path target) {
        Path t = ExportTarget.requireNew(target, "already exists; exports never overwrite");
        Path part = t.resolveSibling(t.getFileName() + ".part");
        FileChannel channel = null;
        try {
            channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            // The OS drops the lock however the writer ends, so a .part that nobody holds is left by a killed
            // export and is simply written again; one that is held belongs to an export still running.
            if (channel.tryLock() == null) {
                channel.close();
                throw TracelabException.badInput(part.toString(), "another export is writing it");
            }
            channel.truncate(0);
            return new ExportFile(t, part, channel);
        } catch (OverlappingFileLockException e) {
            close(channel);
            throw TracelabException.badInput(part.toString(), "another export is writing it");
        } catch (IOException e) {
            close(channel);
            throw TracelabException.io("creating " + part, e);
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

    /** Where to write the content; closed by {@link #finish()} or {@link #close()}, not by the caller. */
    OutputStream stream() {
        return out;
    }

    /** Forces the file to disk, renames it into place, and returns its hash and size. */
    ExportResult finish(long records) throws IOException {
        out.flush();
        channel.force(true);
        channel.close();
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        BlobStore.fsyncDirectory(target.getParent());
        done = true;
        return new ExportResult(target, HexFormat.of().formatHex(sha.digest()), records, bytes);
    }

    /** Removes the partial file when the export did not finish. */
    @Override
    public void close() throws IOException {
        if (!done) {
            channel.close();
            Files.deleteIfExists(part);
        }
    }
}
