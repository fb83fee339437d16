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
    void aShellInsideAShellIsRefused() {
        Cli.Run shell = Cli.runWithInput("shell\n", "--case", caseDir.toString(), "shell");
        assertEquals(2, shell.code(), shell::toString);
        assertEquals("tracelab: shell: already in a shell\n", shell.err());
    }
}
