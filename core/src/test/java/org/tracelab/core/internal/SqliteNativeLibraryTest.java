package org.tracelab.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteNativeLibraryTest {
    @TempDir
    Path cache;

    @Test
    void theLibraryIsExtractedOnceAndReusedByLaterRuns() throws Exception {
        Path first = SqliteNativeLibrary.extract(cache).orElseThrow();
        FileTime written = Files.getLastModifiedTime(first);
        Files.setLastModifiedTime(first, FileTime.fromMillis(written.toMillis() - 60_000));
        Path second = SqliteNativeLibrary.extract(cache).orElseThrow();
        assertEquals(first, second);
        assertEquals(written.toMillis() - 60_000, Files.getLastModifiedTime(second).toMillis(), "not written again");
        try (Stream<Path> all = Files.walk(cache)) {
            List<Path> files = all.filter(Files::isRegularFile).toList();
            assertEquals(List.of(first), files, "one copy, no temporary or lock files");
        }
        assertTrue(Files.size(first) > 100_000, "the whole library");
    }

    @Test
    void anUnwritableCacheFallsBackToTheDriversOwnExtraction() throws Exception {
        Path file = cache.resolve("not-a-folder");
        Files.writeString(file, "x");
        assertTrue(SqliteNativeLibrary.extract(file).isEmpty());
    }

    @Test
    void theCaseDatabaseLoadsTheCachedCopy(@TempDir Path dir) {
        try (CaseDatabase db = CaseDatabase.open(dir.resolve("case.db"))) {
            String path = System.getProperty(SqliteNativeLibrary.PATH_PROPERTY);
            String name = System.getProperty(SqliteNativeLibrary.NAME_PROPERTY);
            assertTrue(Files.isRegularFile(Path.of(path, name)), path + "/" + name);
            assertEquals(path, System.getProperty(SqliteNativeLibrary.TMPDIR_PROPERTY),
                    "the driver's clean-up at start lists the cache's folder, not java.io.tmpdir");
        }
    }

    @Test
    void theBuildsDriverVersionIsTheDriverOnTheClassPath() {
        // The cache folder is named by the build's constant; the driver's own answer reads a resource out of the jar.
        assertEquals(org.sqlite.SQLiteJDBCLoader.getVersion(), BuildInfo.SQLITE_JDBC_VERSION);
        assertTrue(SqliteNativeLibrary.folderName().startsWith("sqlite-" + BuildInfo.SQLITE_JDBC_VERSION + "-"),
                SqliteNativeLibrary.folderName());
    }

    @Test
    void theBuildStampedTracelabsVersion() {
        assertTrue(BuildInfo.TRACELAB_VERSION.matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), BuildInfo.TRACELAB_VERSION);
        assertEquals("tracelab " + BuildInfo.TRACELAB_VERSION, org.tracelab.core.ToolVersion.tool());
    }
}
