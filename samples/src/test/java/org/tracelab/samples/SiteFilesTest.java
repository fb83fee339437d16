package org.tracelab.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lab site's files served from memory: the same bytes as on disk, read again when the file changed. */
class SiteFilesTest {
    @TempDir
    Path tmp;

    static BasicFileAttributes now(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class);
    }

    @Test
    void aFileIsReadOnceAndServedAsTheSameBytesAfter() throws IOException {
        Path page = Files.writeString(tmp.resolve("ad1.html"), "<p>ad 1 (fictitious)</p>");
        SiteFiles files = new SiteFiles(1 << 20);
        byte[] first = files.bytes(page, now(page));
        assertArrayEquals(Files.readAllBytes(page), first);
        assertSame(first, files.bytes(page, now(page)), "kept, not read again");
    }

    @Test
    void aFileChangedOnDiskIsServedAsItNowIs() throws IOException {
        Path page = Files.writeString(tmp.resolve("ad1.html"), "<p>ad 1 (fictitious)</p>");
        SiteFiles files = new SiteFiles(1 << 20);
        files.bytes(page, now(page));
        // the same length, so only the modification time tells the change
        Files.writeString(page, "<p>ad 2 (fictitious)</p>");
        Files.setLastModifiedTime(page, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
        assertArrayEquals("<p>ad 2 (fictitious)</p>".getBytes(StandardCharsets.UTF_8), files.bytes(page, now(page)));
    }

    @Test
    void aFileLargerThanTheLimitIsLeftToStream() throws IOException {
        Path big = Files.write(tmp.resolve("big.pdf"), new byte[SiteFiles.MAX_FILE + 1]);
        assertNull(new SiteFiles(64L << 20).bytes(big, now(big)));
    }

    @Test
    void onceTheBudgetIsSpentAFileIsReadOnEveryRequestButServedTheSame() throws IOException {
        Path a = Files.writeString(tmp.resolve("a.html"), "a".repeat(600));
        Path b = Files.writeString(tmp.resolve("b.html"), "b".repeat(600));
        SiteFiles files = new SiteFiles(1000);
        assertSame(files.bytes(a, now(a)), files.bytes(a, now(a)), "a is kept");
        byte[] once = files.bytes(b, now(b));
        byte[] again = files.bytes(b, now(b));
        assertArrayEquals(Files.readAllBytes(b), again);
        assertArrayEquals(once, again);
        assertNotSame(once, again, "b is past the budget: read again");
    }
}
