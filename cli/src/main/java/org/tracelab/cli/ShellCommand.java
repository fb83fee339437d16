package org.tracelab.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.completer.SystemCompleter;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.tracelab.core.Hashing;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.shell.jline3.PicocliCommands;

/**
 * {@code tracelab shell}: one command after another on a case, each run exactly as the one-shot command would run
 * it (same parsing, output and errors) in the JVM that is already warm. On a terminal it completes commands and
 * options and keeps a history per case; otherwise it reads one command a line from standard input, so scripts and
 * tests drive it, and ends with the worst exit status it saw.
 */
@Command(name = "shell", mixinStandardHelpOptions = true, description = {"An interactive session on the case: every command as on the command line,"
        + " with completion and history on a terminal.",
    "Without a terminal, reads one command a line from standard input (blank lines and # comments skipped) and exits"
        + " with the worst status seen; 'exit' ends it."})
final class ShellCommand extends BaseCommand {
    static final String PROMPT = "tracelab> ";
    /** Ctrl-C while a command runs. */
    private final Interruption interruption = new Interruption();
    /** The case kept open between this shell's commands. */
    private final KeptCase kept = new KeptCase(interruption);
    /** The root and command tree every line runs on, made at the first line. */
    private Tracelab lines;
    private CommandLine tree;

    @Override
    public Integer call() throws IOException {
        Tracelab root = root();
        boolean interactive = root.terminal() && System.console() != null && root.stdin() == System.in;
        try (kept) {
            // Opened first, so a folder that is not a case (or a case too new for this Tracelab) is told in one
            // line before any prompt, and the first command finds the case already open.
            kept.lend(root.caseDir(), root.clock()).close();
            return interactive ? interactive(root) : script(root);
        }
    }

    /** Lines from standard input, one command each. */
    private int script(Tracelab root) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(root.stdin(), StandardCharsets.UTF_8));
        DefaultParser parser = parser();
        int worst = ExitCode.OK;
        for (String line; (line = in.readLine()) != null; ) {
            OptionalInt code = step(root, parser, line);
            if (code.isEmpty()) {
                break;
            }
            worst = Math.max(worst, code.getAsInt());
        }
        return worst;
    }

    private int interactive(Tracelab root) throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            // Completion reads the very tree the lines run on: one model of the commands, built once.
            CommandLine completion = tree(root);
            Path history = historyFile(root);
            DefaultParser parser = parser();
            SystemCompleter completer = new PicocliCommands(completion).compileCompleters();
            completer.compile(); // a SystemCompleter completes nothing until compiled
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("tracelab")
                    .completer(new ShellCompleter(completer, completion, kept, root.caseDir(), root.clock()))
                    .parser(parser)
                    .variable(LineReader.HISTORY_FILE, history).build();
            // Ctrl-C while a command runs asks it to stop at its next safe point; the shell goes on.
            terminal.handle(Terminal.Signal.INT, signal -> interruption.request());
            terminal.writer().println("Tracelab shell on " + root.caseDir().toAbsolutePath()
                    + "; 'help' lists the commands, Tab completes, 'exit' or Ctrl-D ends.");
            writer(root).ifPresent(holder -> terminal.writer().println("Read-only for now: the case is being written"
                    + " by " + holder + "; search, show and the other reading commands work, and commands that"
                    + " write are refused until it is done."));
            int worst = ExitCode.OK;
            while (true) {
                String line;
                try {
                    line = reader.readLine(PROMPT);
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C at the prompt clears the line, as a shell does
                } catch (EndOfFileException e) {
                    break;
                }
                OptionalInt code = step(root, parser, line);
                if (code.isEmpty()) {
                    break;
                }
                worst = Math.max(worst, code.getAsInt());
            }
            reader.getHistory().save();
            return worst;
        }
    }

    /** Who holds the case for writing, if anyone does. */
    private static java.util.Optional<String> writer(Tracelab root) {
        return org.tracelab.core.CaseLock.holder(root.caseDir());
    }

    /** Runs one line; its exit status (0 for a blank line or a comment), or empty when the line ends the shell. */
    private OptionalInt step(Tracelab root, DefaultParser parser, String line) {
        List<String> words = words(parser, line, root);
        if (words == null) {
            return OptionalInt.of(ExitCode.OK);
        }
        return isExit(words) ? OptionalInt.empty() : OptionalInt.of(run(root, words));
    }

    /** Splits lines as a shell does; an unclosed quote is an error, not a word (on a terminal: the line goes on). */
    private static DefaultParser parser() {
        DefaultParser p = new DefaultParser();
        p.setEofOnUnclosedQuote(true);
        p.setEofOnEscapedNewLine(true);
        return p;
    }

    /** The words of a line as a shell splits them (quotes, escapes), null for a blank line or a comment. */
    private static List<String> words(DefaultParser parser, String line, Tracelab root) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return null;
        }
        try {
            return parser.parse(trimmed, trimmed.length(), org.jline.reader.Parser.ParseContext.ACCEPT_LINE).words()
                    .stream().filter(w -> !w.isEmpty()).toList();
        } catch (org.jline.reader.EOFError e) {
            PrintWriter err = new PrintWriter(root.stderr(), true, StandardCharsets.UTF_8);
            err.println("tracelab: " + trimmed + ": " + e.getMessage() + " (an unclosed quote?)");
            return List.of();
        }
    }

    private static boolean isExit(List<String> words) {
        return words.size() == 1 && List.of("exit", "quit").contains(words.getFirst().toLowerCase(Locale.ROOT));
    }

    /** Runs one command line with the shell's global options, as {@code tracelab} would run it. */
    private int run(Tracelab root, List<String> words) {
        if (words.isEmpty()) {
            return ExitCode.BAD_INPUT;
        }
        if (words.contains("shell")) {
            PrintWriter err = new PrintWriter(root.stderr(), true, StandardCharsets.UTF_8);
            err.println("tracelab: shell: already in a shell");
            return ExitCode.BAD_INPUT;
        }
        List<String> args = new ArrayList<>(root.globalFlags());
        args.addAll(words);
        CommandLine t = tree(root);
        return lines.execute(t, args.toArray(String[]::new));
    }

    /** The root and command tree every line runs on, made at first use. */
    private CommandLine tree(Tracelab root) {
        if (tree == null) {
            // The case goes by the environment, so a line's own words keep their positions in any message about
            // them; a line's own --case still wins.
            Map<String, String> env = new HashMap<>(root.env());
            env.put("TRACELAB_CASE", root.caseDir().toAbsolutePath().toString());
            lines = Tracelab.forShell(env, root.clock(), root.stdout(), root.stderr(), root.terminal(), kept,
                    interruption);
            // Built once for the whole session, collectors and all: building it is most of a short command's time.
            tree = lines.commandLine(true);
        }
        return tree;
    }

    /**
     * The history of the shell on this case, kept outside the case (the case folder holds evidence only):
     * {@code $XDG_STATE_HOME/tracelab/history/SHA-256-of-the-case-path}, else under {@code ~/.local/state}.
     */
    private static Path historyFile(Tracelab root) throws IOException {
        String state = root.env().get("XDG_STATE_HOME");
        Path base = state != null && !state.isBlank() ? Path.of(state)
                : Path.of(System.getProperty("user.home"), ".local", "state");
        Path dir = base.resolve("tracelab").resolve("history");
        Files.createDirectories(dir);
        String key = HexFormat.of().formatHex(Hashing.sha256().digest(
                root.caseDir().toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8)));
        return dir.resolve(key);
    }
}
