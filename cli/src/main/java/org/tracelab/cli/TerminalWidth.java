package org.tracelab.cli;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** The width of the terminal a progress bar is drawn on. */
final class TerminalWidth {
    static final int FALLBACK = 80;

    private TerminalWidth() {
    }

    /**
     * Columns of the controlling terminal: {@code $COLUMNS} when the shell exported it, else what {@code stty size}
     * reads from {@code /dev/tty}, else {@link #FALLBACK}. Asked only by long work that draws a bar.
     */
    static int columns() {
        String env = System.getenv("COLUMNS");
        if (env != null && env.matches("\\d{1,4}") && Integer.parseInt(env) > 0) {
            return Integer.parseInt(env);
        }
        File tty = new File("/dev/tty");
        if (!tty.canRead()) {
            return FALLBACK;
        }
        try {
            Process p = new ProcessBuilder("stty", "size").redirectInput(tty)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            if (!p.waitFor(2, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return FALLBACK;
            }
            String[] rowsCols = out.split("\\s+");
            int cols = rowsCols.length == 2 ? Integer.parseInt(rowsCols[1]) : 0;
            return cols > 0 ? cols : FALLBACK;
        } catch (java.io.IOException | NumberFormatException e) {
            return FALLBACK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FALLBACK;
        }
    }
}
