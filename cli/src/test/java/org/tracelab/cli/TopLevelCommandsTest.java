package org.tracelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** A one-shot command line builds only the top-level command it names, and answers as the whole tree would. */
class TopLevelCommandsTest {
    @Test
    void eachNameIsTheOneItsCommandAnswersTo() {
        List<Class<?>> classes = new ArrayList<>(TopLevelCommands.all());
        List<String> names = new ArrayList<>(TopLevelCommands.names());
        for (int i = 0; i < classes.size(); i++) {
            Command c = classes.get(i).getAnnotation(Command.class);
            assertEquals(names.get(i), c.name(), classes.get(i).getName());
            assertEquals(0, c.aliases().length, () -> "a top-level alias would not be found by its name: " + c.name());
        }
    }

    @Test
    void aCommandLineNeedsTheCommandItNamesAfterTheRootOptions() {
        assertEquals(List.of(SearchCommand.class), needed("--case", "case", "--json", "search", "collect"));
        assertEquals(List.of(ShowCommand.class), needed("--case=lab", "-q", "show", "12"));
        assertEquals(List.of(CollectCommand.class), needed("collect", "file", "x"));
        assertEquals(List.of(), needed("--version"));
        assertEquals(List.of(), needed("--json", "-V"));
    }

    @Test
    void helpAnUnknownWordOrNoCommandNeedThemAll() {
        List<Class<?>> all = List.copyOf(TopLevelCommands.all());
        assertEquals(all, needed());
        assertEquals(all, needed("--help"));
        assertEquals(all, needed("--version", "--help"));
        assertEquals(all, needed("help", "search"));
        assertEquals(all, needed("serch", "x"));
        assertEquals(all, needed("--json"));
        assertEquals(all, needed("--case"));
    }

    @Test
    void theRootsUsageListsEveryCommandAndAMisspeltOneIsSuggested() {
        Run usage = run("--help");
        assertEquals(ExitCode.OK, usage.code);
        for (String name : TopLevelCommands.names()) {
            assertTrue(usage.out.contains("\n  " + name + " "), () -> name + " in: " + usage.out);
        }
        Run misspelt = run("serch", "ish");
        assertEquals(ExitCode.BAD_INPUT, misspelt.code);
        assertTrue(misspelt.err.contains("search"), misspelt.err);
    }

    @Test
    void aOneShotCommandPrintsWhatTheWholeTreePrints() {
        for (String name : TopLevelCommands.names()) {
            Run alone = run(name, "--help");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            java.io.PrintWriter w = new java.io.PrintWriter(out, true, StandardCharsets.UTF_8);
            Tracelab root = new Tracelab(Map.of(), Clock.systemUTC(), java.io.InputStream.nullInputStream(), out,
                    out, w, w, false);
            CommandLine whole = root.commandLine(true);
            int code = root.execute(whole, new String[] {name, "--help"});
            assertEquals(alone.code, code, name);
            assertEquals(out.toString(StandardCharsets.UTF_8), alone.out, name);
        }
    }

    private static List<Class<?>> needed(String... args) {
        return TopLevelCommands.neededBy(args);
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Tracelab.run(args, Map.of(), Clock.systemUTC(), out, err, false);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
