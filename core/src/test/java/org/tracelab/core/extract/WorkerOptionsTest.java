package org.tracelab.core.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker process runs with the JVM options that keep ingest's process tree small (docs/BENCHMARKS.md, memory of
 * ingest's process tree, session 16): read from the running process's own command line, as the system started it.
 */
class WorkerOptionsTest {
    @Test
    void theWorkerRunsWithASmallFirstHeapC1AndTheSerialCollector(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "reads command lines from /proc (Linux)");
        Path work = dir.resolve("extract");
        Path pdf = TestDocuments.pdf(Files.createDirectories(dir.resolve("pdf")), "Vacancy", "Fictitious Ltd",
                "Fictitious vacancy: driver wanted");
        try (TextExtractor extractor = TextExtractor.start(ExtractorSettings.DEFAULTS.withWorkerHeapMb(256), work)) {
            try (Extraction x = extractor.extract(pdf, "ad.pdf")) {
                assertTrue(x.text().contains("driver wanted"), x.text());
            }
            List<List<String>> workers = ProcessHandle.current().descendants()
                    .map(WorkerOptionsTest::commandLine)
                    .filter(args -> args.contains(ExtractionWorker.class.getName()))
                    .toList();
            assertEquals(1, workers.size(), workers.toString());
            List<String> args = workers.get(0);
            for (String option : List.of("-Xmx256m", "-Xms32m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-XX:+ExitOnOutOfMemoryError")) {
                assertTrue(args.contains(option), option + " missing from " + args);
            }
            assertTrue(args.indexOf("-Xms32m") < args.indexOf(ExtractionWorker.class.getName()),
                    "the options come before the main class: " + args);
        }
    }

    /**
     * The process's arguments as the kernel holds them ({@code ProcessHandle.Info.arguments()} is empty for a long
     * command line, and a worker's class path is long).
     */
    private static List<String> commandLine(ProcessHandle process) {
        try {
            String raw = Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"),
                    StandardCharsets.UTF_8);
            return List.of(raw.split("\u0000"));
        } catch (IOException e) {
            return List.of();   // ended meanwhile
        }
    }
}
