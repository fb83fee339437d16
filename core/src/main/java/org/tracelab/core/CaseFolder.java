package org.tracelab.core;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Stream;

/**
 * The case folder on disk: its layout, named here alone (every path in a case is relative to its folder, so the
 * case stays portable), which files make it a case, its manifest file, and its size.
 */
public final class CaseFolder {
    /** The manifest: name, examiner, purpose, created, tool version, region. */
    public static final String MANIFEST = "case.json";
    /** The SQLite database: items, headers, entities, tags, notes, custody log. */
    public static final String DATABASE = "case.db";
    /** The custody chain's last hash, written when a writer closes. */
    public static final String HEAD = "custody.head";
    /** The lock file a writer holds. */
    public static final String LOCK = "case.lock";
    /** Content-addressed raw bytes and extracted texts. */
    public static final String BLOBS = "blobs";
    /** WARC files of every HTTP capture. */
    public static final String WARC = "warc";
    /** The Lucene index: derived data, rebuilt by {@code tracelab reindex}. */
    public static final String INDEX = "index";
    /** The case's signing key pair. */
    public static final String KEYS = "keys";
    /** Where the extraction worker spools members of containers while it runs. */
    public static final String EXTRACT_WORK = "tmp/extract";

    private CaseFolder() {
    }

    /** The folder a new case is made in, created: it must not exist, or be an empty folder. */
    static Path prepareNew(Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        try {
            if (Files.exists(d)) {
                if (!Files.isDirectory(d)) {
                    throw TracelabException.badInput(d.toString(), "exists and is not a folder");
                }
                try (Stream<Path> s = Files.list(d)) {
                    if (s.findAny().isPresent()) {
                        throw TracelabException.badInput(d.toString(),
                                "folder is not empty; a new case needs a new or empty folder");
                    }
                }
            }
            Files.createDirectories(d);
        } catch (IOException e) {
            throw TracelabException.io("creating case folder " + d, e);
        }
        return d;
    }

    /** The absolute folder of an existing case, or bad input saying what is missing. */
    static Path requireCase(Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(d)) {
            throw TracelabException.badInput(d.toString(), Files.exists(d)
                    ? "is a file, not a case folder" : "no such case folder");
        }
        if (!Files.isRegularFile(d.resolve(MANIFEST)) || !Files.isRegularFile(d.resolve(DATABASE))) {
            throw TracelabException.badInput(d.toString(),
                    "not a Tracelab case (no case.json and case.db); make one with 'tracelab case init'");
        }
        return d;
    }

    /** Writes the manifest: temp file, then an atomic rename. */
    static void writeManifest(Path d, CaseManifest m) throws IOException {
        Path tmp = d.resolve(MANIFEST + ".part");
        String text = Json.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m) + "\n";
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, d.resolve(MANIFEST), StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The manifest of the case in {@code d}, parsed by SQLite's JSON functions through {@code db}, the case's own
     * connection. Not by Jackson: its first parser in a process initialises {@code BigDecimal}, which on JDK 25
     * computes 5^65536 (about 16 ms), and its mapper about 9 ms more, in every command, for eight fields
     * (docs/BENCHMARKS.md, start-up, session 13). Strict JSON (RFC 8259) only, as before: SQLite's JSON5 leniency
     * is refused by {@code json_valid}.
     */
    static CaseManifest readManifest(Path d, Connection db) {
        Path f = d.resolve(MANIFEST);
        try {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            return CaseManifest.fromFields(ManifestFields.parse(text, db));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw TracelabException.badInput(f.toString(), "not a valid case manifest: not UTF-8 text");
        } catch (IllegalArgumentException e) {
            throw TracelabException.badInput(f.toString(), "not a valid case manifest: " + e.getMessage());
        } catch (IOException e) {
            throw TracelabException.io("reading " + f, e);
        } catch (SQLException e) {
            throw TracelabException.io("reading " + f + " through the case database", e);
        }
    }

    /**
     * The bytes of every file under {@code dir} but those under {@code skipped}; files that vanish or cannot be read
     * meanwhile are left out.
     */
    static long size(Path dir, Path skipped) throws IOException {
        long[] total = {0};
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                return d.equals(skipped) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                total[0] += attrs.size();
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                return FileVisitResult.CONTINUE;
            }
        });
        return total[0];
    }
}
