package org.tracelab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.testing.TestCases;

/** The one-writer lock as a second comer sees it: who holds it, and nothing left behind by asking. */
class CaseLockTest {
    @TempDir
    Path dir;

    @Test
    void askingWhoWritesNamesTheHolderAndTakesNothing() {
        Path caseDir = dir.resolve("case");
        TestCases.create(caseDir, "lock holder").close();
        assertEquals(Optional.empty(), CaseLock.holder(caseDir));
        assertEquals(Optional.empty(), CaseLock.holder(caseDir), "asking left no lock behind");
        try (CaseLock held = CaseLock.acquire(caseDir, "tracelab collect page", Instant.now())) {
            assertTrue(CaseLock.holder(caseDir).isPresent());
            TracelabException e = assertThrows(TracelabException.class,
                    () -> CaseLock.acquire(caseDir, "tracelab tag", Instant.now()));
            assertEquals(TracelabException.Failure.LOCKED, e.failure());
        }
        assertEquals(Optional.empty(), CaseLock.holder(caseDir));
    }

    @Test
    void theHolderNamesThisMachineAsTheKernelKnowsIt() throws Exception {
        Path caseDir = dir.resolve("case");
        TestCases.create(caseDir, "lock host").close();
        Path kernel = Path.of("/proc/sys/kernel/hostname");
        Assumptions.assumeTrue(java.nio.file.Files.isReadable(kernel) && System.getenv("HOSTNAME") == null,
                "Linux without HOSTNAME in the environment");
        try (CaseLock held = CaseLock.acquire(caseDir, "tracelab tag", Instant.now())) {
            String host = java.nio.file.Files.readString(kernel).strip();
            TracelabException refused = assertThrows(TracelabException.class,
                    () -> CaseLock.acquire(caseDir, "tracelab note", Instant.now()));
            assertTrue(refused.getMessage().contains(" on " + host + " (tracelab tag"), refused.getMessage());
        }
    }

    @Test
    void aFolderThatIsNotACaseIsBadInput() {
        TracelabException e = assertThrows(TracelabException.class, () -> CaseLock.holder(dir));
        assertEquals(TracelabException.Failure.BAD_INPUT, e.failure());
    }
}
