package org.tracelab.core.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How documents for the worker share the {@link TextExtractor#WORKERS} worker processes: two asked for at once go to
 * two processes, so one that hangs a worker holds up only its own turn; asked for one after another, they use one.
 */
class WorkerTurnsTest {
    @Test
    void aDocumentIsReadByTheOtherWorkerWhileOneHangs(@TempDir Path dir) throws Exception {
        assumeTrue(TextExtractor.WORKERS >= 2, "one core: one worker");
        Path work = dir.resolve("extract");
        Path hang = dir.resolve("hang.bin");
        Files.writeString(hang, "TRACELAB-TEST-HANG", StandardCharsets.US_ASCII);
        Path pdf = TestDocuments.pdf(Files.createDirectories(dir.resolve("pdf")), "Vacancy", "Fictitious Ltd",
                "Fictitious vacancy: cashier wanted");
        try (TextExtractor extractor = TextExtractor.start(ExtractorSettings.DEFAULTS
                .withTimeout(Duration.ofSeconds(30)).withWorkerHeapMb(256).withTestHooks(true), work)) {
            CompletableFuture<ExtractionError.Kind> hung = CompletableFuture.supplyAsync(() -> {
                try (Extraction x = extractor.extract(hang, "hang.bin")) {
                    return x.error().map(ExtractionError::kind).orElse(null);
                }
            });
            awaitHangInAWorker(work);
            try (Extraction x = extractor.extract(pdf, "ad.pdf")) {
                assertTrue(x.complete(), () -> "error: " + x.error());
                assertTrue(x.text().contains("cashier wanted"), x.text());
            }
            // Read while the other worker still hangs: with one worker it would have waited for the hang's end.
            assertFalse(hung.isDone(), "the hanging document ended before the other was read");
            assertEquals(ExtractionError.Kind.TIMEOUT, hung.get(60, TimeUnit.SECONDS));
        }
    }

    @Test
    void documentsOneAfterAnotherUseOneWorker(@TempDir Path dir) throws IOException {
        Path work = dir.resolve("extract");
        try (TextExtractor extractor = TextExtractor.start(ExtractorSettings.DEFAULTS.withWorkerHeapMb(256), work)) {
            for (int i = 0; i < 3; i++) {
                readVacancy(extractor, dir, i);
            }
            assertEquals(1, workersUnder(work).size(), workersUnder(work).toString());
        }
    }

    @Test
    void aWorkerLeftIdleEndsAndTheNextDocumentStartsOneAgain(@TempDir Path dir) throws Exception {
        Path work = dir.resolve("extract");
        try (TextExtractor extractor = TextExtractor.start(ExtractorSettings.DEFAULTS.withWorkerHeapMb(256)
                .withWorkerIdle(Duration.ofMillis(300)), work)) {
            for (int i = 0; i < 2; i++) {
                readVacancy(extractor, dir, i); // the second starts a worker again
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (extractor.liveWorkers() > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertEquals(0, extractor.liveWorkers(), "an idle worker still runs");
                assertEquals(List.of(), workersUnder(work), "an ended worker left its scratch folder");
            }
        }
    }

    @Test
    void aWorkerKeptBusyIsNeverEndedAsIdle(@TempDir Path dir) throws Exception {
        Path work = dir.resolve("extract");
        try (TextExtractor extractor = TextExtractor.start(ExtractorSettings.DEFAULTS.withWorkerHeapMb(256)
                .withWorkerIdle(Duration.ofSeconds(30)), work)) {
            for (int i = 0; i < 3; i++) {
                readVacancy(extractor, dir, i);
                assertEquals(1, extractor.liveWorkers());
            }
        }
    }

    /** Reads a fictitious vacancy, a PDF numbered {@code i}, through {@code extractor}: a document for a worker. */
    private static void readVacancy(TextExtractor extractor, Path dir, int i) throws IOException {
        Path pdf = TestDocuments.pdf(Files.createDirectories(dir.resolve("pdf" + i)), "Vacancy " + i,
                "Fictitious Ltd", "Fictitious vacancy number " + i);
        try (Extraction x = extractor.extract(pdf, "ad.pdf")) {
            assertTrue(x.text().contains("vacancy number " + i), x.text());
        }
    }

    /** Waits until the worker given the hanging document has reached its hang (it leaves a file first). */
    private static void awaitHangInAWorker(Path work) throws IOException, InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (var found = Files.find(work, 3,
                    (p, a) -> p.getFileName().toString().startsWith("tracelab-test-hang-"))) {
                if (found.findAny().isPresent()) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new TimeoutException("no worker reached the hanging document");
    }

    /** The scratch folders of the live workers: each has one under the work folder, removed when it ends. */
    private static List<Path> workersUnder(Path work) throws IOException {
        try (var found = Files.list(work)) {
            return found.filter(p -> p.getFileName().toString().startsWith("worker-")).toList();
        }
    }
}
