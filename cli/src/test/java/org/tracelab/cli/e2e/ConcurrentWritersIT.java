package org.tracelab.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two processes writing one case: one proceeds, the other fails at once with the holder named. */
class ConcurrentWritersIT {
    @TempDir
    Path tmp;

    @Test
    void secondWriterFailsCleanlyNamingTheFirstAndTheCaseVerifies() throws Exception {
        Path many = Fixtures.manyFiles(tmp, 4000);
        Path caseDir = tmp.resolve("case");
        Cli cli = new Cli(caseDir);
        assertEquals(0, cli.init().code());
        assertEquals(0, cli.run("collect", "file", many.resolve("batch-0/ad-0.txt").toString()).code());

        try (JarProcess first = JarProcess.start("256m", "--case", caseDir.toString(), "--json", "collect", "file",
                many.toString());
             JarProcess second = startSecondWhenFirstIsWriting(first, caseDir, many)) {
            int secondCode = second.waitFor(120);
            assertEquals(3, secondCode, second::err);
            assertTrue(second.err().contains("case is being written by process " + first.pid()), second::err);
            assertTrue(second.err().contains("tracelab collect file"), second::err);
            assertEquals(1, second.err().strip().lines().filter(l -> l.startsWith("tracelab:")).count(), second::err);

            Cli.Run tag = cli.run("tag", "1", "suspicious");
            if (first.outLines().size() < 4001) {
                assertEquals(3, tag.code(), tag::toString);
            }
            assertEquals(0, first.waitFor(300), first::err);
        }
        Cli.Run v = cli.run("verify");
        assertEquals(0, v.code(), v::toString);
        assertTrue(v.out().contains("4001 items"), v::toString);
    }

    private static JarProcess startSecondWhenFirstIsWriting(JarProcess first, Path caseDir, Path many)
            throws Exception {
        assertTrue(first.awaitFirstLine(60), "the first writer stores something");
        return JarProcess.start("256m", "--case", caseDir.toString(), "collect", "file", many.toString());
    }
}
