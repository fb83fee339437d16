package org.tracelab.samples.apitests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.samples.ScenarioGenerator;

class BoundedMemoryTest {
    @Test
    void twentyThousandAdsFitInA64MegabyteHeap(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("big");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                ScenarioGenerator.class.getName(), "11", "20000", out.toString()))
                .redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "generation did not finish");
        assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("log.txt")));
        assertTrue(Files.isRegularFile(out.resolve("site/ads/ad020000.html")));
        assertTrue(Files.readString(out.resolve("key.json")).contains("\"ad020000\""));
    }
}
