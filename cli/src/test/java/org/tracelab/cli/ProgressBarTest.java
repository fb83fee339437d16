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
}
