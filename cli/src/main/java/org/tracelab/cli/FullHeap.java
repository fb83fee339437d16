package org.tracelab.cli;

import java.io.PrintStream;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * A full Java heap, as the command line says it: one line with the bound to raise, exit 3. The command's own thread
 * says it where picocli lets the error through ({@link Tracelab#execute}); {@link #backstop} says it for a thread of
 * the process that has no handler of its own and dies of it, which would otherwise print a stack trace and leave
 * whoever waits on that thread waiting for ever (the ingest's threads have such a handler: their run ends with the
 * error on the command's thread, as one line, with the case closed in order).
 */
final class FullHeap {
    private FullHeap() {
    }

    /** The one line for a heap of {@code maxBytes} (what {@link Runtime#maxMemory()} says). */
    static String line(long maxBytes) {
        long heapMiB = maxBytes / (1 << 20);
        return "tracelab: out of memory (the Java heap holds " + heapMiB + " MiB); what the case recorded"
                + " before stays in it; run again with a larger heap, e.g. TRACELAB_JAVA_OPTS=-Xmx"
                + Math.max(2, (2 * heapMiB + 1023) / 1024) + "g";
    }

    /**
     * The process-wide handler of threads that die of an uncaught throwable: a full heap is the one line on
     * {@code err} and {@code halt} with {@link ExitCode#IO}, since the thread's work is lost and the command cannot
     * finish without it (the case keeps what it committed: a group is recorded whole or not at all, as after a
     * killed process); anything else is printed as the JVM prints it, and the command goes on as it would have.
     */
    static Thread.UncaughtExceptionHandler backstop(PrintStream err, IntConsumer halt) {
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(halt, "halt");
        return (thread, e) -> {
            if (e instanceof OutOfMemoryError) {
                err.println(line(Runtime.getRuntime().maxMemory()));
                err.flush();
                halt.accept(ExitCode.IO);
                return;
            }
            err.print("Exception in thread \"" + thread.getName() + "\" ");
            e.printStackTrace(err);
        };
    }
}
