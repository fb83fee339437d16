package org.tracelab.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Puts sqlite-jdbc's native library in a per-user cache folder once and tells the driver to load it from there.
 *
 * <p>Left alone, sqlite-jdbc extracts a fresh copy under a random name into {@code java.io.tmpdir} on every start and
 * deletes it at a normal exit; a process killed with SIGKILL leaves the copy and its {@code .lck} file behind for
 * ever. The driver's documented {@code org.sqlite.lib.path} and {@code org.sqlite.lib.name} properties make it load a
 * library from a given folder instead, so the copy is made once, named by the driver's version and the machine,
 * and shared by every later run. When the cache cannot be written the driver's own extraction is used, as before.
 */
public final class SqliteNativeLibrary {
    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";
    static final String TMPDIR_PROPERTY = "org.sqlite.tmpdir";

    private static boolean prepared;

    private SqliteNativeLibrary() {
    }

    /** Points the driver at the cached copy, extracting it first if needed; a no-op when the user set the path. */
    public static synchronized void prepare() {
        if (prepared || System.getProperty(PATH_PROPERTY) != null) {
            return;
        }
        prepared = true;
        cacheRoot().flatMap(SqliteNativeLibrary::extract).ifPresent(lib -> {
            System.setProperty(PATH_PROPERTY, lib.getParent().toString());
            System.setProperty(NAME_PROPERTY, lib.getFileName().toString());
            // The driver's start lists its temporary folder, java.io.tmpdir unless this is set, to delete copies
            // that killed processes left; a shared /tmp can hold thousands of entries. Loading from the cache
            // leaves none, so it lists the cache's own folder: a file or two, and there it would put (and so clean
            // up) a copy of its own should the cached one ever fail to load.
            if (System.getProperty(TMPDIR_PROPERTY) == null) {
                System.setProperty(TMPDIR_PROPERTY, lib.getParent().toString());
            }
        });
    }

    /**
     * The library for this machine, copied under {@code root} into a folder named by the driver's version, the
     * operating system and the architecture if no copy is there yet; empty when the driver ships none for this
     * machine or the folder cannot be written.
     *
     * <p>A later run finds the copy by that name alone. Naming it by the library's SHA-256 meant hashing the
     * resource (over a megabyte read out of the jar) on every start, and finding the resource meant the driver's
     * OSInfo, which lists {@code /proc/self/map_files} and runs {@code uname -o}: together a tenth of a second or more
     * of every command, before the case was even opened. A released driver's library does not change under its
     * version; should a copy ever fail to load, the driver goes on to its own extraction.
     */
    static Optional<Path> extract(Path root) {
        String name = LibraryLoaderUtil.getNativeLibName();
        Path dir = root.resolve(folderName());
        Path lib = dir.resolve(name);
        if (Files.isRegularFile(lib)) {
            return Optional.of(lib);
        }
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
        try {
            if (SqliteNativeLibrary.class.getResource(resource) == null) {
                return Optional.empty();
            }
            Files.createDirectories(dir);
            // Written under a unique name and renamed, so two first runs at once never load a half-written file.
            Path part = Files.createTempFile(dir, "lib", ".part");
            try {
                try (InputStream in = SqliteNativeLibrary.class.getResourceAsStream(resource)) {
                    Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                }
                move(part, lib);
            } finally {
                Files.deleteIfExists(part);
            }
            return Optional.of(lib);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code sqlite-3.50.3.0-linux-amd64}: what tells one driver build's library for this machine from another's. The
     * driver's version is the build's constant: the driver's own {@code getVersion()} reads it out of the jar.
     */
    static String folderName() {
        String raw = "sqlite-" + BuildInfo.SQLITE_JDBC_VERSION + "-" + System.getProperty("os.name") + "-"
                + System.getProperty("os.arch");
        return raw.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]", "_");
    }

    private static void move(Path part, Path lib) throws IOException {
        try {
            Files.move(part, lib, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, lib, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** {@code $XDG_CACHE_HOME/tracelab}, else {@code ~/.cache/tracelab}; empty when neither can be told. */
    static Optional<Path> cacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Optional.of(Path.of(xdg, "tracelab"));
        }
        String home = System.getProperty("user.home");
        if (home == null || home.isBlank() || home.equals("?")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(home, ".cache", "tracelab"));
    }
}
