package org.tracelab.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process importing thousands of files is killed with SIGKILL at random moments. Each time, the case must
 * verify, and every item the process reported as stored must be there with the hash it reported.
 */
class CrashIT {
    private static final int FILES = 3000;

    @TempDir
    Path tmp;

    @Test
    void killedImportLeavesOnlyCompleteVerifiableItems() throws Exception {
        Path many = Fixtures.manyFiles(tmp, FILES);
        Path caseDir = tmp.resolve("case");
        Cli cli = new Cli(caseDir);
        assertEquals(0, cli.init().code());
        Kills kills = new Kills(24);
        Random random = kills.random;

        long reportedTotal = 0;
        for (int trial = 0; trial < kills.trials; trial++) {
            List<JsonNode> reported;
            try (JarProcess p = JarProcess.start("256m", "--case", caseDir.toString(), "--json", "collect", "file",
                    many.toString())) {
                // One kill in six lands early (start-up, the folder walk); the others after the first acknowledged
                // item, so they land mid-import however long start-up takes on a loaded machine (a fixed window
                // from the start once saw all 24 kills land before the first item).
                if (trial % 6 == 0) {
                    Thread.sleep(random.nextInt(600));
                } else {
                    assertTrue(p.awaitFirstLine(120), () -> "no item acknowledged within 120 s:\n" + p.err());
                    Thread.sleep(random.nextInt(2500));
                }
                boolean running = p.kill();
                reported = Kills.acknowledged(p.outLines());
                kills.counted(running, reported.size());
            }
            reportedTotal += reported.size();
            String why = kills.replay("collect file", trial);

            Cli.Run v = cli.run("verify");
            assertEquals(0, v.code(), () -> why + ":\n" + v);
            Kills.assertPresent(cli, reported, why);
        }
        String why = kills.replay("collect file", kills.trials);
        System.out.println(kills.summary("collect file"));
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
