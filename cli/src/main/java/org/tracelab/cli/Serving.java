package org.tracelab.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.tracelab.core.Cancellation;

/**
 * How the serving commands stay up: until the process ends (Ctrl-C of a one-shot command runs the hook), until
 * {@code --duration} has passed, or until the shell's Ctrl-C, which ends the command and not the shell; the server
 * is stopped whichever comes first.
 */
final class Serving {
    private Serving() {
    }

    /**
     * Waits as said above, then runs {@code stop} (which must do nothing when run twice).
     *
     * @param seconds how long to serve, null for no limit
     */
    static void untilStopped(Runnable stop, Long seconds, Cancellation cancellation, Output o)
            throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.run();
            stopped.countDown();
        }, "tracelab-serving-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        o.info(seconds == null ? "press Ctrl-C to stop" : "stopping in " + seconds + " s");
        long end = seconds == null ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        try {
            while (!stopped.await(100, TimeUnit.MILLISECONDS)) {
                if (System.nanoTime() >= end || cancellation.requested()) {
                    o.info("stopped");
                    break;
                }
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: it stops the server itself
            }
            stop.run();
        }
    }
}
