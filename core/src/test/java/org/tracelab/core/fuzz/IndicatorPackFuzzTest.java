package org.tracelab.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tracelab.core.patterns.IndicatorPack;
import org.tracelab.core.patterns.IndicatorPacks;
import org.tracelab.core.patterns.Scanner;
import org.tracelab.core.testing.FuzzContract;

/**
 * An instructor's indicator pack file with any bytes in it: read, its queries compiled and run over a fictitious ad,
 * or a clean error naming the file. Seeds: {@code src/test/resources/org/tracelab/core/fuzz/IndicatorPackFuzzTestInputs/}.
 */
class IndicatorPackFuzzTest {
    private static final String AD = "Fictitious ad: work abroad, free visa and tickets, passport kept by the agency. "
            + "Chet elda ish, Работа за границей.";
    private static final Path FILE = tempFile();

    static {
        FuzzContract.warmUpAnalysis();
    }

    @FuzzTest
    void anyPackFileLoadsAndScansOrIsACleanError(byte[] bytes) throws IOException {
        Files.write(FILE, bytes);
        FuzzContract.cleanErrorsOnly(() -> {
            IndicatorPack pack = IndicatorPacks.read(FILE);
            new Scanner(List.of(pack)).scan("1", AD);
        });
    }

    private static Path tempFile() {
        try {
            Path f = Files.createTempFile("tracelab-fuzz-pack", ".json");
            f.toFile().deleteOnExit();
            return f;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
