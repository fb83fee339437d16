package org.tracelab.core.export;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.tracelab.core.Hashing;

/**
 * A file being exported: written to a {@link PartialExport} beside its destination, hashed as it is written, forced
 * to disk and renamed into place only when complete.
 */
final class ExportFile implements AutoCloseable {
    private final PartialExport part;
    private final MessageDigest sha = Hashing.sha256();
    private final OutputStream out;
    private long bytes;

    private ExportFile(PartialExport part) {
        this.part = part;
        OutputStream raw = Channels.newOutputStream(part.channel());
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
        return new ExportFile(PartialExport.file(target, "already exists; exports never overwrite",
                "another export is writing it"));
    }

    /** Where to write the content; closed by {@link #finish()} or {@link #close()}, not by the caller. */
    OutputStream stream() {
        return out;
    }

    /** Forces the file to disk, renames it into place, and returns its hash and size. */
    ExportResult finish(long records) throws IOException {
        out.flush();
        Path target = part.publish();
        return new ExportResult(target, HexFormat.of().formatHex(sha.digest()), records, bytes);
    }

    /** Removes the partial file when the export did not finish. */
    @Override
    public void close() throws IOException {
        part.close();
    }
}
