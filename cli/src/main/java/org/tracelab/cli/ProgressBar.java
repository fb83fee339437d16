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
    private int columns;
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
        String line = line(label, done.get(), total, unit, (now - startNanos) / 1e9, width());
        StringBuilder sb = new StringBuilder("\r").append(line).append("\u001b[K");
        err.print(sb);
        err.flush();
        drawn = true;
    }

    /**
     * The bar's text for {@code done} of {@code total} (negative: unknown) after {@code seconds}, in at most
     * {@code width - 1} characters, so a redraw never wraps on a narrow terminal: the bar goes first, then the
     * rate, then the time left, then the label is cut.
     */
    static String line(String label, long done, long total, String unit, double seconds, int width) {
        boolean bytes = "bytes".equals(unit);
        String amount = bytes ? Sizes.human(done) + (total >= 0 ? " / " + Sizes.human(total) : "")
                : done + (total >= 0 ? " / " + total : "") + (unit.isEmpty() ? "" : " " + unit);
        String pct = total > 0 ? String.format("%3d%% ", Math.min(100, done * 100 / total)) : "";
        String bar = "";
        if (total > 0) {
            int filled = (int) Math.min(WIDTH, done * WIDTH / total);
            bar = "[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] ";
        }
        double perSecond = seconds > 0 ? done / seconds : 0;
        // A slow rate (OCR, a browser) keeps a decimal: "0 items/s" for one every five seconds would not be true.
        String rate = seconds >= 1 && done > 0 ? "  " + (bytes ? Sizes.human((long) perSecond) + "/s"
                : String.format(perSecond < 10 ? "%.1f %s/s" : "%.0f %s/s", perSecond,
                        unit.isEmpty() ? "items" : unit)) : "";
        String left = total > 0 && done > 0 && done < total && seconds >= 1
                ? "  " + duration((total - done) / perSecond) + " left" : "";
        String elapsed = String.format("  %.1fs", seconds);
        String tail = pct + amount + rate + left + elapsed;
        String full = label + " " + bar + tail;
        int room = Math.max(10, width - 1);
        if (full.length() <= room) {
            return full;
        }
        for (String shorter : new String[] {label + " " + tail, label + " " + pct + amount + rate + left,
            label + " " + pct + amount + left, label + " " + pct + amount}) {
            if (shorter.length() <= room) {
                return shorter;
            }
        }
        String s = label + " " + pct + amount;
        return s.substring(0, room);
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s / 60 % 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }

    /** The terminal's width, asked once, when the first line is drawn (80 when it cannot be told). */
    private int width() {
        if (columns == 0) {
            columns = TerminalWidth.columns();
        }
        return columns;
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
