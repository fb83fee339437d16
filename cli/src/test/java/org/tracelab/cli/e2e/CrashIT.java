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
import org.tracelab.core.testing.TwoLevelStores;

/**
 * A process importing thousands of files is killed with SIGKILL at random moments. Each time, the case must
 * verify, and every item the process reported as stored must be there with the hash it reported. Every other trial
 * imports without ingest ({@code --no-ingest}), the path whose blobs and folders are synced by the group alone;
 * every fourth syncs them file by file ({@code tracelab.store.sync=per-file}), the others with one sync of the whole
 * file system for a group's bytes and one for its names where the machine has it (Linux). A writer upgrading a
 * store of the two-level layout of before is killed the same way.
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
            List<String> args = new java.util.ArrayList<>(List.of("--case", caseDir.toString(), "--json", "collect",
                    "file", many.toString()));
            if (trial % 2 == 1) {
                args.add("--no-ingest");
            }
            // Every fourth trial syncs file by file, as where no whole-file-system sync is to be had; the others
            // sync the whole file system once for each group's bytes and once for its names, where it is.
            List<String> jvm = trial % 4 == 3 ? List.of("-Dtracelab.store.sync=per-file") : List.of();
            try (JarProcess p = JarProcess.start(null, jvm, "256m", args.toArray(String[]::new))) {
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

    @Test
    void killedStoreUpgradeLeavesEveryBlobReadableAndTheNextWriterFinishesIt() throws Exception {
        Path many = Fixtures.manyFiles(tmp, FILES);
        Path caseDir = tmp.resolve("old-layout");
        Cli cli = new Cli(caseDir);
        assertEquals(0, cli.init().code());
        assertEquals(0, cli.run("-q", "collect", "file", many.toString(), "--no-ingest").code());
        // The case now looks as one made before the one-level layout (fictitious files, moved by the test).
        assertEquals(FILES, TwoLevelStores.downgrade(caseDir.resolve("blobs")));
        Kills kills = new Kills(6);
        int leftMixed = 0;
        for (int trial = 0; trial < kills.trials; trial++) {
            String why = kills.replay("store upgrade", trial);
            if (Files.exists(caseDir.resolve("blobs/layout"))) {
                TwoLevelStores.downgrade(caseDir.resolve("blobs")); // the last trial's writer finished: again
            }
            // Any writing command upgrades the store on opening; a tag is the smallest. The kill waits for the
            // first blob moved (or the end), so it lands in the upgrade however long start-up takes.
            try (JarProcess p = JarProcess.start("256m", "--case", caseDir.toString(), "-q", "tag", "1",
                    "upgrade-trial-" + trial)) {
                long before = secondLevelBlobs(caseDir);
                long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
                while (secondLevelBlobs(caseDir) == before && !Files.exists(caseDir.resolve("blobs/layout"))
                        && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                Thread.sleep(kills.random.nextInt(300));
                kills.counted(p.kill(), 0);
            }
            boolean marked = Files.exists(caseDir.resolve("blobs/layout"));
            if (!marked && secondLevelBlobs(caseDir) < FILES) {
                leftMixed++;
            }
            Cli.Run v = cli.run("verify");
            assertEquals(0, v.code(), () -> why + ":\n" + v);
        }
        System.out.println(kills.summary("store upgrade") + "; " + leftMixed + " left the store half moved");
        assertEquals(0, cli.run("-q", "tag", "1", "after-the-trials").code());
        assertTrue(Files.exists(caseDir.resolve("blobs/layout")), "the next writer finished and marked the store");
        assertEquals(0, secondLevelBlobs(caseDir), "no blob left in the old layout");
        Cli.Run v = cli.run("verify");
        assertEquals(0, v.code(), v::toString);
        assertTrue(v.out().contains(FILES + " items, " + FILES + " blobs"), v::toString);
    }

    /**
     * Blobs still in a second-level folder ({@code sha256/ab/cd/<hash>}), counted while a writer may be moving them
     * and removing emptied folders: what vanishes during the walk is not counted.
     */
    private static long secondLevelBlobs(Path caseDir) throws java.io.IOException {
        Path root = caseDir.resolve("blobs/sha256");
        long[] n = {0};
        Files.walkFileTree(root, java.util.Set.of(), 3, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult visitFile(Path p, java.nio.file.attribute.BasicFileAttributes a) {
                if (root.relativize(p).getNameCount() == 3 && a.isRegularFile()) {
                    n[0]++;
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path p, java.io.IOException e) {
                return java.nio.file.FileVisitResult.CONTINUE; // moved or removed meanwhile
            }
        });
        return n[0];
    }
}
