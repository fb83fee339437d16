package org.tracelab.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Makes everything written to one file system durable at once: Linux's {@code syncfs(2)}, which writes back every
 * dirty page, inode and folder block of the file system holding a path, flushes the device's cache, and (since Linux
 * 5.8) reports any write-back error since the last call. A blob store uses it where it would sync each file and
 * folder it wrote: on a file system without a journal, each of those fsyncs flushes the device's cache too (1.7 to
 * 6.5 ms a call on this machine, loaded, where one syncfs after 1,000 new files took 140 ms).
 *
 * <p>The project builds for Java 21, where the foreign-function API that could call {@code syncfs} directly is not
 * final, so the call is coreutils' {@code sync --file-system PATH}, which makes it and exits non-zero when it fails.
 * Where that program is missing or cannot make the call (not Linux, an old coreutils), or the system property
 * {@value #PROPERTY} is {@code per-file}, there is none, and the store syncs each file and folder as before.
 */
final class FileSystemSync {
    /** {@code per-file} makes every store sync file by file (how the crash trials test both ways). */
    static final String PROPERTY = "tracelab.store.sync";
    private static final List<Path> PROGRAMS = List.of(Path.of("/usr/bin/sync"), Path.of("/bin/sync"));

    private static final class Holder {
        static final Optional<FileSystemSync> FOUND = probe();
    }

    private final Path program;

    /** A sync made by {@code program}, called as coreutils' {@code sync}: tests give one that counts or fails. */
    FileSystemSync(Path program) {
        this.program = program;
    }

    /** The whole-file-system sync of this machine, or empty when the store must sync file by file. */
    static Optional<FileSystemSync> find() {
        if ("per-file".equals(System.getProperty(PROPERTY))) {
            return Optional.empty();
        }
        return Holder.FOUND;
    }

    private static Optional<FileSystemSync> probe() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return Optional.empty();
        }
        for (Path p : PROGRAMS) {
            if (Files.isExecutable(p)) {
                // coreutils 8.24 and later: --file-system calls syncfs on each named file's file system
                try {
                    Process help = new ProcessBuilder(p.toString(), "--help").redirectErrorStream(true).start();
                    String said;
                    try (InputStream out = help.getInputStream()) {
                        said = new String(out.readAllBytes(), StandardCharsets.UTF_8);
                    }
                    return help.waitFor() == 0 && said.contains("--file-system")
                            ? Optional.of(new FileSystemSync(p)) : Optional.empty();
                } catch (IOException unusable) {
                    return Optional.empty();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Makes durable everything written so far to the file system holding {@code path}: data, inodes and folder
     * entries alike, as an fsync of each written file and folder would.
     *
     * @throws IOException when the sync (or the program making it) fails: what was written may not be durable
     */
    void sync(Path path) throws IOException {
        Process p = new ProcessBuilder(program.toString(), "--file-system", path.toString())
                .redirectErrorStream(true)
                .start();
        String said;
        try (InputStream out = p.getInputStream()) {
            said = new String(out.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        int code;
        try {
            code = p.waitFor();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while syncing the file system of " + path);
        }
        if (code != 0) {
            throw new IOException("syncing the file system of " + path + " failed (" + program + " exited " + code
                    + (said.isEmpty() ? "" : ": " + said) + ")");
        }
    }
}
