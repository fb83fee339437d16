package org.tracelab.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.tracelab.core.Cancellation;
import org.tracelab.core.collect.Progress;

/** A one-line progress bar on standard error, redrawn at most ten times a second. */
public final class ProgressBar implements Progress, AutoCloseable {
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final String label;
    private final boolean enabled;
    private final AtomicLong done = new AtomicLong();
    private final long startNanos = System.nanoTime();
    private volatile long total = -1;
    private volatile String unit = "";
    private long lastDraw;
    private boolean drawn;
    private final Cancellation cancellation;
    /**
     * The command's own thread: only there does a step stop the work for Ctrl-C, so the work unwinds the way it
     * came, through the code that holds the case, never from inside a worker's task.
     */
    private final Thread owner = Thread.currentThread();

    ProgressBar(PrintWriter err, String label, boolean enabled) {
        this(err, label, enabled, Cancellation.NONE);
    }

    ProgressBar(PrintWriter err, String label, boolean enabled, Cancellation cancellation) {
        this.err = err;
        this.label = label;
        this.enabled = enabled;
        this.cancellation = cancellation;
    }

    @Override
    public void total(long units, String unit) {
        this.total = units;
        this.unit = unit == null ? "" : unit;
        draw(true);
    }

    @Override
    public void advance(long units) {
        done.addAndGet(units);
        draw(false);
        if (Thread.currentThread() == owner) {
            cancellation.check(label);
        }
    }

    private synchronized void draw(boolean force) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (!force && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        long d = done.get();
        long t = total;
        String amount = "bytes".equals(unit) ? Sizes.human(d) + (t >= 0 ? " / " + Sizes.human(t) : "")
                : d + (t >= 0 ? " / " + t : "") + " " + unit;
        StringBuilder sb = new StringBuilder("\r").append(label).append(' ');
        if (t > 0) {
            int filled = (int) Math.min(WIDTH, d * WIDTH / t);
            sb.append('[').append("#".repeat(filled)).append(" ".repeat(WIDTH - filled)).append("] ");
            sb.append(String.format("%3d%% ", Math.min(100, d * 100 / t)));
        }
        double secs = (now - startNanos) / 1e9;
        sb.append(amount).append(String.format("  %.1fs", secs)).append("\u001b[K");
        err.print(sb);
        err.flush();
        drawn = true;
    }

    /** Ends the bar's line, if one was drawn. */
    @Override
    public synchronized void close() {
        if (enabled && drawn) {
            draw(true);
            err.println();
            err.flush();
        }
    }
}
