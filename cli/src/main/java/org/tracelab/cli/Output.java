package org.tracelab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;
import org.tracelab.core.Cancellation;
import org.tracelab.core.Json;
import org.tracelab.core.collect.Progress;

/**
 * Where a command's results and messages go: results to standard output (text, or JSON with {@code --json}),
 * messages and progress to standard error, progress only on a terminal and never with {@code -q} or {@code --json}.
 */
public final class Output {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;
    private final boolean quiet;
    private final boolean terminal;
    private final Cancellation cancellation;

    public Output(PrintWriter out, PrintWriter err, boolean json, boolean quiet, boolean terminal) {
        this(out, err, json, quiet, terminal, Cancellation.NONE);
    }

    /** As the other, with long work asked to stop when {@code cancellation} says so (Ctrl-C in the shell). */
    public Output(PrintWriter out, PrintWriter err, boolean json, boolean quiet, boolean terminal,
                  Cancellation cancellation) {
        this.out = out;
        this.err = err;
        this.json = json;
        this.quiet = quiet;
        this.terminal = terminal;
        this.cancellation = cancellation;
    }

    public boolean json() {
        return json;
    }

    /** A line of the result, in text mode. */
    public void line(String text) {
        if (!json) {
            out.println(text);
            out.flush();
        }
    }

    /**
     * The rows of a long result, each as a line of text or, with {@code --json}, as one JSON line; flushed once at the
     * end, where {@link #line} flushes each line so that a long command's first lines show while it works (13,000
     * flushes were a tenth of {@code entities} at 100,000 ads).
     */
    public <T> void rows(List<T> rows, Function<? super T, String> text, Function<? super T, Object> asJson) {
        for (T row : rows) {
            out.println(json ? Json.write(asJson.apply(row)) : text.apply(row));
        }
        out.flush();
    }

    /** One JSON value on its own line: the whole result, or one element of a list (JSON Lines). */
    public void json(Object value) {
        out.println(Json.write(value));
        out.flush();
    }

    /** A message for the examiner, not part of the result. Shown even with -q when it is a warning. */
    public void warn(String text) {
        err.println(text);
        err.flush();
    }

    /** A message that -q silences. */
    public void info(String text) {
        if (!quiet) {
            err.println(text);
            err.flush();
        }
    }

    /**
     * A progress display for long work: a bar on a terminal, nothing otherwise; each step the work reports is also
     * where it stops when the shell's Ctrl-C asks.
     */
    public ProgressBar progress(String label) {
        return new ProgressBar(err, label, terminal && !quiet && !json, cancellation);
    }

    /** Progress that draws nothing. */
    public static Progress none() {
        return Progress.NONE;
    }
}
