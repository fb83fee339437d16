package org.tracelab.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.extract.Tesseract;
import org.tracelab.samples.Flyer;
import org.tracelab.samples.internal.Documents;

/**
 * Progress on a real, narrow terminal (tmux, 60 columns): long work draws its rate and time left on one line that
 * never wraps, the line ends when the work does, and {@code -q} draws nothing. The long work is OCR of fictitious
 * flyers, about a second each, so the bar is seen mid-run however fast the machine, and a slow rate is told as it
 * is (not "0 items/s").
 */
class ProgressTerminalIT {
    private static final int COLUMNS = 60;

    @TempDir
    Path tmp;

    @Test
    void longWorkTellsItsRateAndTimeLeftOnOneLineThatNeverWrapsAndQuietDrawsNothing() throws Exception {
        assumeTrue(Tesseract.find("tesseract").filter(t -> t.languages().containsAll(List.of("uzb", "rus", "eng")))
                .isPresent(), "Tesseract with uzb, rus and eng is not installed");
        assumeTrue(Flyer.fontAvailable(), "DejaVu Sans is not installed (fonts-dejavu-core)");
        Path flyers = Files.createDirectories(tmp.resolve("flyers"));
        for (int i = 0; i < 6; i++) {
            Documents.flyer(flyers.resolve("flyer-" + i + ".png"), "+998 90 555 01 " + (10 + i), "lab_demo_" + i);
        }
        Path caseDir = tmp.resolve("case");
        assertEquals(0, new Cli(caseDir).init().code());

        String screen;
        try (Tmux t = new Tmux("progress", COLUMNS, 20, shell(caseDir, "collect file " + flyers))) {
            String midRun = t.await("a bar with a rate and the time left",
                    s -> s.lines().anyMatch(l -> l.contains("/s") && l.contains(" left")));
            assertNoLineWraps(t.joinedScreen(), midRun);
            screen = t.await("the command's end", s -> s.contains("EXIT=0"));
            assertNoLineWraps(t.joinedScreen(), screen);
        }
        assertTrue(screen.lines().anyMatch(l -> l.contains("100%")), "each bar's line ends complete:\n" + screen);
        assertTrue(screen.lines().noneMatch(l -> l.contains(" 0 items/s")), screen);
        assertTrue(screen.contains("text read by OCR in 6 items"), screen);

        Path quietCase = tmp.resolve("quiet");
        assertEquals(0, new Cli(quietCase).init().code());
        try (Tmux t = new Tmux("quiet", COLUMNS, 20, shell(quietCase, "-q collect file " + flyers))) {
            screen = t.await("the quiet command's end", s -> s.contains("EXIT="));
        }
        String quiet = screen;
        assertTrue(quiet.contains("EXIT=0") && quiet.lines().noneMatch(l -> l.contains("%")),
                () -> "-q on a terminal draws no bar, the command's result alone:\n" + quiet);
        assertTrue(quiet.contains("collected 6 items"), quiet);
    }

    /** The jar run as a user would at a terminal whose width is only the terminal's own (no $COLUMNS). */
    private static List<String> shell(Path caseDir, String args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of("env", "-u", "COLUMNS", "sh", "-c", "'" + java + "' -jar '" + JarProcess.jar() + "' --case '"
                + caseDir + "' " + args + "; echo EXIT=$?; sleep 600");
    }

    /** No bar's line is wider than the terminal (a command's closing report may wrap, as any text does). */
    private static void assertNoLineWraps(String joined, String screen) {
        for (String line : joined.lines().filter(l -> l.contains("%")).toList()) {
            assertTrue(line.length() < COLUMNS, () -> "a line wider than the terminal (" + line.length()
                    + " columns) wrapped: " + line + "\nscreen:\n" + screen);
        }
    }
}
