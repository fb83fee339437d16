package org.tracelab.core.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents built to hurt the extractor. Each must become an item error, and the document after it must be
 * extracted normally by the same {@link TextExtractor}. The worker runs with its test hooks on (see
 * {@link ExtractionWorker}) so a hang, a crash and heap exhaustion can be provoked on demand.
 */
class HostileDocumentsTest {
    @TempDir
    static Path work;

    static TextExtractor extractor;

    @BeforeAll
    static void startWorker() {
        extractor = TextExtractor.start(ExtractorSettings.DEFAULTS
                .withTimeout(Duration.ofSeconds(10))
                .withMaxTextChars(50_000)
                .withWorkerHeapMb(256)
                .withTestHooks(true), work.resolve("extract"));
    }

    @AfterAll
    static void stopWorker() {
        extractor.close();
    }

    @Test
    void zipBombIsStoppedAndMarked(@TempDir Path dir) throws IOException {
        Path bomb = TestDocuments.zipBomb(dir, 64L << 20);
        try (Extraction x = extractor.extract(bomb, "bomb.zip")) {
            assertEquals(ExtractionError.Kind.ZIP_BOMB, x.error().orElseThrow().kind(), x.error().toString());
            assertTrue(x.members().isEmpty(), x.members().toString());
        }
        assertNextDocumentIsFine(dir);
    }

    @Test
    void deeplyNestedZipIsUnpackedOneBoundedLevelAtATime(@TempDir Path dir) throws IOException {
        int depth = 40;
        byte[] level = "Deepest fictitious ad".getBytes(StandardCharsets.UTF_8);
        String name = "ad.txt";
        for (int i = 0; i < depth; i++) {
            level = TestDocuments.zipOf(name, level);
            name = "level-" + i + ".zip";
        }
        Path file = dir.resolve(name);
        Files.write(file, level);
        int levels = 0;
        while (true) {
            try (Extraction x = extractor.extract(file, file.getFileName().toString())) {
                assertTrue(x.complete(), () -> "error: " + x.error());
                if (x.members().isEmpty()) {
                    assertTrue(x.text().contains("Deepest fictitious ad"), x.text());
                    break;
                }
                assertEquals(1, x.members().size());
                levels++;
                Path next = dir.resolve("unpacked-" + levels);
                Files.copy(x.members().get(0).file(), next);
                file = next;
            }
        }
        assertEquals(depth, levels);
    }

    @Test
    void truncatedPdfIsMarkedAndTheRunGoesOn(@TempDir Path dir) throws IOException {
        Path whole = TestDocuments.pdf(dir, "Fictitious", "Nobody", "Text that will be cut away");
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.pdf");
        Files.write(cut, Arrays.copyOf(bytes, 40));
        try (Extraction x = extractor.extract(cut, "cut.pdf")) {
            assertEquals(ExtractionError.Kind.PARSE_FAILED, x.error().orElseThrow().kind(), x.error().toString());
            assertFalse(x.text().contains("Text that will be cut away"));
        }
        assertNextDocumentIsFine(dir);
    }

    @Test
    void randomBytesBehindAPdfHeaderAreMarked(@TempDir Path dir) throws IOException {
        byte[] junk = new byte[64 << 10];
        new Random(42).nextBytes(junk);
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, junk, 0, header.length);
        Path file = dir.resolve("junk.pdf");
        Files.write(file, junk);
        try (Extraction x = extractor.extract(file, "junk.pdf")) {
            assertEquals(ExtractionError.Kind.PARSE_FAILED, x.error().orElseThrow().kind(), x.error().toString());
        }
        assertNextDocumentIsFine(dir);
    }

    @Test
    void textBeyondTheWriteLimitIsCutAndMarked(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("long.txt");
        Files.writeString(file, "ish bor ".repeat(20_000), StandardCharsets.UTF_8);
        try (Extraction x = extractor.extract(file, "long.txt")) {
            assertTrue(x.truncated(), x.error().toString());
            assertTrue(x.text().length() <= 50_000, "length " + x.text().length());
            assertTrue(x.text().length() > 40_000, "length " + x.text().length());
        }
        assertNextDocumentIsFine(dir);
    }

    @Test
    void hangingDocumentTimesOutAndTheNextOneIsExtracted(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("hang.bin");
        Files.writeString(file, "TRACELAB-TEST-HANG", StandardCharsets.US_ASCII);
        try (Extraction x = extractor.extract(file, "hang.bin")) {
            assertEquals(ExtractionError.Kind.TIMEOUT, x.error().orElseThrow().kind(), x.error().toString());
        }
        // The stopped worker's temporary files (its copy of what it was reading) went with it: none in the case's
        // work folder, none in the machine's temporary folder.
        try (var left = Files.find(work.resolve("extract"), 4,
                (p, a) -> p.getFileName().toString().startsWith("tracelab-test-hang-"));
             var machine = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertEquals(List.of(), left.toList());
            assertTrue(machine.noneMatch(p -> p.getFileName().toString().startsWith("tracelab-test-hang-")));
        }
        assertNextDocumentIsFine(dir);
    }

    @Test
    void crashingWorkerIsMarkedAndTheNextDocumentIsExtracted(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("crash.bin");
        Files.writeString(file, "TRACELAB-TEST-CRASH", StandardCharsets.US_ASCII);
        try (Extraction x = extractor.extract(file, "crash.bin")) {
            ExtractionError error = x.error().orElseThrow();
            assertEquals(ExtractionError.Kind.WORKER_CRASHED, error.kind(), error.toString());
            assertTrue(error.message().contains("exit status " + ExtractionWorker.CRASH_EXIT_CODE), error.message());
        }
        assertNextDocumentIsFine(dir);
    }

    @Test
    void heapExhaustionIsMarkedAndTheNextDocumentIsExtracted(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("oom.bin");
        Files.writeString(file, "TRACELAB-TEST-OOM", StandardCharsets.US_ASCII);
        try (Extraction x = extractor.extract(file, "oom.bin")) {
            assertEquals(ExtractionError.Kind.OUT_OF_MEMORY, x.error().orElseThrow().kind(), x.error().toString());
        }
        assertNextDocumentIsFine(dir);
    }

    private static void assertNextDocumentIsFine(Path dir) throws IOException {
        Path next = dir.resolve("next.html");
        Files.writeString(next, "<p>Требуются официантки, жильё бесплатно</p>", StandardCharsets.UTF_8);
        try (Extraction x = extractor.extract(next, "next.html")) {
            assertTrue(x.complete(), () -> "error: " + x.error());
            assertTrue(x.text().contains("Требуются официантки"), x.text());
        }
    }
}
