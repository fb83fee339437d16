package org.tracelab.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tracelab shell} driven from standard input, as a script would: each line prints what the one-shot command
 * prints, a wrong line prints its one-line error and the shell goes on, and the exit status is the worst seen.
 */
class ShellCommandTest {
    @TempDir
    static Path tmp;
    static Path caseDir;

    @BeforeAll
    static void aCaseOfMixedFiles() throws IOException {
        caseDir = tmp.resolve("lab");
        Cli cli = new Cli(caseDir);
        assertEquals(0, cli.init().code());
        Cli.Run collect = cli.run("collect", "file", Fixtures.mixedFolder(tmp).toString());
        assertEquals(0, collect.code(), collect::toString);
    }

    @Test
    void eachLinePrintsWhatTheOneShotCommandPrints() {
        Cli cli = new Cli(caseDir);
        String expected = cli.run("search", "abroad").out() + cli.run("--json", "show", "1").out()
                + cli.run("case", "info").out();
        Cli.Run shell = Cli.runWithInput("""
                # a comment, then a blank line

                search abroad
                --json show 1
                case info
                """, "--case", caseDir.toString(), "shell");
        assertEquals(0, shell.code(), shell::toString);
        assertEquals(expected, shell.out());
        assertEquals("", shell.err());
    }

    @Test
    void aWrongLineSaysWhyInOneLineAndTheShellGoesOnToTheEnd() {
        Cli.Run shell = Cli.runWithInput("""
                show 999999
                search 'unclosed
                frobnicate
                search abroad
                exit
                search never-run
                """, "--case", caseDir.toString(), "shell");
        assertEquals(2, shell.code(), () -> "the worst status seen: " + shell);
        assertTrue(shell.err().lines().anyMatch(l -> l.startsWith("tracelab: item 999999")), shell::toString);
        assertTrue(shell.err().contains("unclosed quote"), shell::toString);
        assertTrue(shell.err().contains("frobnicate"), shell::toString);
        assertEquals(new Cli(caseDir).run("search", "abroad").out(), shell.out(), "exit ends the shell");
    }

    @Test
    void anOptionOfOneLineDoesNotCarryOverToTheNext() {
        Cli cli = new Cli(caseDir);
        String expected = cli.run("search", "abroad", "--limit", "1").out() + cli.run("search", "abroad").out()
                + cli.run("--json", "case", "info").out() + cli.run("case", "info").out();
        Cli.Run shell = Cli.runWithInput("""
                search abroad --limit 1
                search abroad
                --json case info
                case info
                """, "--case", caseDir.toString(), "shell");
        assertEquals(0, shell.code(), shell::toString);
        assertEquals(expected, shell.out(), "the one command tree runs every line with its own options only");
    }

    @Test
    void whatALineWritesTheNextLineReads() throws IOException {
        // The shell keeps the case open between lines; a write must still show in the next read, as one-shot
        // commands would see it. The same lines one-shot on a copy of the case give the expected output, but for
        // the times and digests of the new custody entries.
        Path shellCase = org.tracelab.core.testing.CaseCopy.of(caseDir, tmp.resolve("written-in-shell"));
        Path oneShotCase = org.tracelab.core.testing.CaseCopy.of(caseDir, tmp.resolve("written-one-shot"));
        java.util.regex.Matcher hit = java.util.regex.Pattern.compile("\"id\":(\\d+)")
                .matcher(new Cli(caseDir).run("--json", "search", "Работа").out());
        assertTrue(hit.find(), "the Russian ad is found");
        String id = hit.group(1);
        String[][] lines = {
            {"search", "Работа", "--tag", "kept-open"},
            {"tag", id, "kept-open"},
            {"search", "Работа", "--tag", "kept-open"},
            {"show", id},
            {"reindex"},
            {"search", "Работа"},
        };
        Cli oneShot = new Cli(oneShotCase);
        StringBuilder expected = new StringBuilder();
        StringBuilder script = new StringBuilder();
        for (String[] line : lines) {
            expected.append(oneShot.run(line).out());
            script.append(String.join(" ", line)).append('\n');
        }
        Cli.Run shell = Cli.runWithInput(script.toString(), "--case", shellCase.toString(), "shell");
        assertEquals(0, shell.code(), shell::toString);
        assertEquals(timeless(expected.toString()), timeless(shell.out()), shell::toString);
        assertEquals(1, shell.out().lines().filter(l -> l.equals("0 items match")).count(),
                "only the search before the tag finds nothing: " + shell);
        assertEquals(0, new Cli(shellCase).run("verify").code(), "the case verifies after the shell");
    }

    /** The output without the times and digests of custody entries, which differ from run to run. */
    private static String timeless(String out) {
        return out.replaceAll("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z", "TIME").replaceAll("\\b[0-9a-f]{16}…", "DIGEST…");
    }

    @Test
    void aShellOnAFolderThatIsNotACaseSaysSoInOneLine() {
        Cli.Run shell = Cli.runWithInput("case info\n", "--case", tmp.resolve("no-case-here").toString(), "shell");
        assertEquals(2, shell.code(), shell::toString);
        assertEquals("", shell.out());
        assertEquals(1, shell.err().lines().count(), shell::toString);
        assertTrue(shell.err().contains("no such case folder"), shell::toString);
    }

    @Test
    void aShellInsideAShellIsRefused() {
        Cli.Run shell = Cli.runWithInput("shell\n", "--case", caseDir.toString(), "shell");
        assertEquals(2, shell.code(), shell::toString);
        assertEquals("tracelab: shell: already in a shell\n", shell.err());
    }
}
