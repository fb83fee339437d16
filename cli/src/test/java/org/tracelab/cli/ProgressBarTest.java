package org.tracelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.tracelab.core.TracelabException;

/** A progress step is where the shell's Ctrl-C stops long work, and only on the command's own thread. */
class ProgressBarTest {
    @Test
    void aStepOnTheCommandsThreadStopsTheWorkOnceAsked() {
        Interruption ctrlC = new Interruption();
        ProgressBar bar = new ProgressBar(new PrintWriter(new StringWriter()), "reindex", false, ctrlC);
        bar.advance(1);
        ctrlC.request();
        TracelabException e = assertThrows(TracelabException.class, () -> bar.advance(1));
        assertEquals(TracelabException.Failure.CANCELLED, e.failure());
        assertEquals("reindex: cancelled (Ctrl-C); what the case recorded before stays in it", e.getMessage());
    }

    @Test
    void aStepOnAWorkersThreadNeverThrows() throws InterruptedException {
        Interruption ctrlC = new Interruption();
        ctrlC.request();
        ProgressBar bar = new ProgressBar(new PrintWriter(new StringWriter()), "collect", false, ctrlC);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                bar.advance(1);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        worker.start();
        worker.join();
        assertEquals(null, thrown.get());
    }

    @Test
    void aLineTellsTheRateAndTheTimeLeft() {
        String line = ProgressBar.line("reindex", 2_500, 10_000, "texts", 5.0, 160);
        assertEquals("reindex [#######                       ]  25% 2500 / 10000 texts  500 texts/s  15s left  5.0s",
                line);
    }

    @Test
    void aSlowRateKeepsADecimalRatherThanSayingNothingIsDone() {
        assertEquals("ingest  25% 3 / 12 items  0.2 items/s  45s left  15.0s",
                ProgressBar.line("ingest", 3, 12, "items", 15.0, 160).replaceAll(" \\[#* *\\]", ""));
    }

    @Test
    void aNarrowTerminalNeverGetsALineThatWraps() {
        for (int width = 1; width <= 120; width++) {
            String line = ProgressBar.line("collect ads", 123_456, 1_000_000, "pages", 3_600.0, width);
            assertEquals(true, line.length() <= Math.max(10, width - 1), width + ": " + line);
        }
        assertEquals("collect ads  12% 123456 / 1000000 pages  34 pages/s  7h06m left",
                ProgressBar.line("collect ads", 123_456, 1_000_000, "pages", 3_600.0, 70));
    }
}
