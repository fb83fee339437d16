package org.tracelab.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import org.sqlite.util.LibraryLoaderUtil;
import org.tracelab.core.Hashing;

/**
 * Puts sqlite-jdbc's native library in a per-user cache folder once and tells the driver to load it from there.
 *
 * <p>Left alone, sqlite-jdbc extracts a fresh copy under a random name into {@code java.io.tmpdir} on every start and
 * deletes it at a normal exit; a process killed with SIGKILL leaves the copy and its {@code .lck} file behind for
 * ever. The driver's documented {@code org.sqlite.lib.path} and {@code org.sqlite.lib.name} properties make it load a
 * library from a given folder instead, so the copy is made once, named by its SHA-256, and shared by every later run.
 * When the cache cannot be written the driver's own extraction is used, as before.
 */
public final class SqliteNativeLibrary {
    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";

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
        });
    }

    /**
     * The library for this machine, copied under {@code root} into a folder named by its SHA-256 if no copy is there
     * yet; empty when the driver ships none for this machine or the folder cannot be written.
     */
    static Optional<Path> extract(Path root) {
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
        try {
            String sha = sha256(resource);
            if (sha == null) {
                return Optional.empty();
            }
            Path dir = root.resolve("sqlite-" + sha.substring(0, 16));
            Path lib = dir.resolve(LibraryLoaderUtil.getNativeLibName());
            if (Files.isRegularFile(lib)) {
                return Optional.of(lib);
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

    private static void move(Path part, Path lib) throws IOException {
        try {
            Files.move(part, lib, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, lib, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String sha256(String resource) throws IOException {
        MessageDigest sha = Hashing.sha256();
        try (InputStream in = SqliteNativeLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            try (DigestInputStream d = new DigestInputStream(in, sha)) {
                d.transferTo(OutputStream.nullOutputStream());
            }
        }
        return HexFormat.of().formatHex(sha.digest());
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
