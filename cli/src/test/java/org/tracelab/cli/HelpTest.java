package org.tracelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every command and subcommand answers {@code --help} with its usage and exit code 0, groups included. */
class HelpTest {
    static Stream<String> commands() {
        PrintWriter quiet = new PrintWriter(OutputStream.nullOutputStream());
        Tracelab root = new Tracelab(Map.of(), Clock.systemUTC(), java.io.InputStream.nullInputStream(),
                OutputStream.nullOutputStream(),
                OutputStream.nullOutputStream(), quiet, quiet, false);
        CommandLine cl = root.commandLine(true);
        List<String> paths = new ArrayList<>();
        walk(cl, "", paths);
        return paths.stream();
    }

    private static void walk(CommandLine c, String prefix, List<String> out) {
        c.getSubcommands().forEach((name, sub) -> {
            // picocli lists a command again under each alias; the tree is walked by its names
            if (!name.equals(sub.getCommandName())) {
                return;
            }
            String path = (prefix + " " + name).strip();
            out.add(path);
            walk(sub, path, out);
        });
    }

    @ParameterizedTest(name = "{0} --help")
    @MethodSource("commands")
    void answersHelpWithItsUsage(String command) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.add("--help");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Tracelab.run(args.toArray(String[]::new), Map.of(), Clock.systemUTC(), out, err, false);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCode.OK, code, () -> command + " --help: " + err.toString(StandardCharsets.UTF_8));
        assertTrue(printed.contains("Usage: tracelab " + command),
                () -> "out: " + printed + "\nerr: " + err.toString(StandardCharsets.UTF_8));
    }
}
