package org.tracelab.collectors.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tracelab.collectors.ads.AdsProfile;
import org.tracelab.core.testing.FuzzContract;

/**
 * A site profile for {@code collect ads} with any bytes in it: read and checked, or a clean error naming the file and
 * the line, column or JSON path. Seeds: {@code src/test/resources/org/tracelab/collectors/fuzz/AdsProfileFuzzTestInputs/}.
 */
class AdsProfileFuzzTest {
    private static final Path FILE = FuzzFiles.temp("profile", ".json");

    @FuzzTest
    void anyProfileFileIsReadOrIsACleanError(byte[] bytes) throws IOException {
        Files.write(FILE, bytes);
        FuzzContract.cleanErrorsOnly(() -> AdsProfile.read(FILE));
    }
}
