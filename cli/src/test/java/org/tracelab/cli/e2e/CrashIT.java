package org.tracelab.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Json;

/**
 * A process importing thousands of files is killed with SIGKILL at random moments. Each time, the case must
 * verify, and every item the process reported as stored must be there with the hash it reported.
 */
class CrashIT {
    private static final int TRIALS = 24;
    private static final int FILES = 3000;

    @TempDir
    Path tmp;

    @Test
    void killedImportLeavesOnlyCompleteVerifiableItems() throws Exception {
        Path many = Fixtures.manyFiles(tmp, FILES);
        Path caseDir = tmp.resolve("case");
        Cli cli = new Cli(caseDir);
        assertEquals(0, cli.init().code());
        long seed = Long.getLong("crash.seed", System.nanoTime());
        Random random = new Random(seed);
        String why = "seed " + seed + " (rerun with -Dcrash.seed=" + seed + ")";

        List<long[]> killedAtItem = new ArrayList<>();
        long reportedTotal = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            List<JsonNode> reported = new ArrayList<>();
            try (JarProcess p = JarProcess.start("256m", "--case", caseDir.toString(), "--json", "collect", "file",
                    many.toString())) {
                // Most kills land mid-import; some before the first item, during start-up or the folder walk.
                Thread.sleep(random.nextInt(trial % 6 == 0 ? 600 : 3500));
                p.kill();
                for (String line : p.outLines()) {
                    try {
                        JsonNode n = Json.parse(line);
                        if (n.has("id")) {
                            reported.add(n);
                        }
                    } catch (IllegalArgumentException partialLine) {
                        // cut by the kill: never a report
                    }
                }
            }
            killedAtItem.add(new long[] {trial, reported.size()});
            reportedTotal += reported.size();

            Cli.Run v = cli.run("verify");
            assertEquals(0, v.code(), () -> "trial " + killedAtItem.size() + ", " + why + ":\n" + v);
            for (JsonNode r : reported) {
                JsonNode item = Json.parse(cli.run("--json", "show", r.path("id").asText()).out());
                assertEquals(r.path("sha256").asText(), item.path("sha256").asText(),
                        () -> "reported item " + r + " after a kill, " + why);
                assertEquals(r.path("source").asText(), item.path("source").asText());
            }
        }
        assertTrue(reportedTotal > 0, "some trials were killed mid-import, not all before the first item: " + why);

        // After all the kills, the same command simply runs again to the end.
        try (JarProcess p = JarProcess.start("256m", "--case", caseDir.toString(), "-q", "collect", "file",
                many.toString())) {
            assertEquals(0, p.waitFor(300), p::err);
        }
        Cli.Run v = cli.run("verify");
        assertEquals(0, v.code(), v::toString);
        assertTrue(Files.list(caseDir.resolve("blobs/incoming")).findAny().isEmpty(),
                "temp files of killed runs are swept by the next writer");
    }
}
