package org.tracelab.collectors.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.tracelab.collectors.http.LabCase;
import org.tracelab.collectors.warc.WarcCollector;
import org.tracelab.core.collect.CollectRequest;
import org.tracelab.core.testing.FuzzContract;
import org.tracelab.core.verify.VerifyListener;
import org.tracelab.core.verify.VerifyReport;

/**
 * {@code collect warc} on a file of any bytes, plain or gzipped: every readable record kept, damage reported with its
 * offset, or a clean error; never another exception, never a hang. Every input goes into one case, which is verified
 * on the way. Seeds: {@code src/test/resources/org/tracelab/collectors/fuzz/WarcImportFuzzTestInputs/}.
 */
class WarcImportFuzzTest {
    private static final Path FILE = FuzzFiles.temp("warc", ".warc");
    private static final LabCase LAB = new LabCase(FuzzFiles.tempDir("warc-case"));
    private static long runs;

    @FuzzTest
    void anyWarcFileIsImportedOrReportedAsDamaged(byte[] bytes) throws IOException {
        Files.write(FILE, bytes);
        FuzzContract.cleanErrorsOnly(() -> {
            try {
                new WarcCollector().collect(new CollectRequest("warc", List.of(FILE.toString()), Map.of(), null),
                        LAB.sink("warc"));
            } finally {
                LAB.finish();
            }
        });
        // Verifying re-hashes the whole growing case, so it is done on every 256th input, and on the seeds.
        if (runs++ % 256 == 0) {
            VerifyReport report = LAB.kase.verify(VerifyListener.NONE);
            assertTrue(report.holds(), () -> "the case still verifies: " + report.problems());
        }
    }
}
