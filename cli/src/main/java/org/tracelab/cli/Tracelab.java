package org.tracelab.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tracelab.core.Cancellation;
import org.tracelab.core.ToolVersion;
import org.tracelab.core.TracelabException;
import org.tracelab.core.collect.CollectorRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code tracelab} command: global options, the subcommands, and the one place errors become exit codes. */
@Command(name = "tracelab",
        description = "OSINT investigation workbench: collect public pages and ads as evidence, search them, "
                + "and export them with a chain of custody.",
        mixinStandardHelpOptions = true,
        versionProvider = Tracelab.Version.class,
        footer = {"", "Exit codes: 0 ok, 1 a check failed, 2 bad usage or input, 3 I/O, network or lock failure."})
public final class Tracelab {
    @Option(names = "--case", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
            description = "The case folder (default: $TRACELAB_CASE, else the current folder).")
    Path caseDir;

    @Option(names = "--json", scope = CommandLine.ScopeType.INHERIT,
            description = "Print machine-readable JSON: one object, or JSON Lines for lists.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, scope = CommandLine.ScopeType.INHERIT,
            description = "No progress and no informational messages.")
    boolean quiet;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Show the stack trace of an error.")
    boolean debug;

    private final Map<String, String> env;
    private final Clock clock;
    private final InputStream stdin;
    private final OutputStream stdout;
    private final OutputStream stderr;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean terminal;
    /** The case a shell keeps open between its commands; null for a one-shot command. */
    private final KeptCase kept;
    /** Ctrl-C in a shell; never for a one-shot command, which Ctrl-C ends with its process. */
    private final Cancellation cancellation;

    /** The root command; tests make one to walk the command tree. */
    Tracelab(Map<String, String> env, Clock clock, InputStream stdin, OutputStream stdout, OutputStream stderr,
             PrintWriter out, PrintWriter err, boolean terminal) {
        this(env, clock, stdin, stdout, stderr, out, err, terminal, null, Cancellation.NONE);
    }

    private Tracelab(Map<String, String> env, Clock clock, InputStream stdin, OutputStream stdout,
                     OutputStream stderr, PrintWriter out, PrintWriter err, boolean terminal, KeptCase kept,
                     Cancellation cancellation) {
        this.env = env;
        this.clock = clock;
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.kept = kept;
        this.cancellation = cancellation;
    }

    public static void main(String[] args) {
        boolean terminal = setUpProcess();
        int code = run(args, System.getenv(), Clock.systemUTC(), System.in, System.out, System.err, terminal);
        System.out.flush();
        System.err.flush();
        if (code == 0 && onlyDaemonThreadsLeft()) {
            // A normal end exits with 0 and runs the shutdown hooks as System.exit does; System.exit also logs the
            // exit through System.Logger, whose first use opens the whole command jar (docs/BENCHMARKS.md, "Start-up,
            // session 11").
            return;
        }
        System.exit(code);
    }

    /**
     * Settings of the tracelab process, not of a JVM that runs the CLI in-process (tests), and whether it runs at a
     * terminal. The start-up training calls it too, so that the cache it records holds what this loads (the console's
     * providers, the logging set-up) and not what it spares (SLF4J's search for a provider).
     */
    static boolean setUpProcess() {
        LoggingDefaults.install();
        Thread.setDefaultUncaughtExceptionHandler(FullHeap.backstop(System.err, Runtime.getRuntime()::halt));
        // picocli's default factory looks for Groovy's Closure class, which opens the whole command jar to find none.
        if (System.getProperty("picocli.disable.closures") == null) {
            System.setProperty("picocli.disable.closures", "true");
        }
        return System.console() != null;
    }

    /** Whether the JVM would end on its own once main returns: no thread left that is not a daemon. */
    private static boolean onlyDaemonThreadsLeft() {
        Thread main = Thread.currentThread();
        return Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t != main && t.isAlive() && !t.isDaemon());
    }

    /**
     * Runs one command line, as the {@code tracelab} command does; tests call it to run the real CLI in-process.
     *
     * @param terminal whether standard error is a terminal, where progress is drawn
     * @return the exit code
     */
    public static int run(String[] args, Map<String, String> env, Clock clock, OutputStream stdout,
                          OutputStream stderr, boolean terminal) {
        return run(args, env, clock, InputStream.nullInputStream(), stdout, stderr, terminal);
    }

    /** As {@link #run(String[], Map, Clock, OutputStream, OutputStream, boolean)}, reading {@code stdin}. */
    public static int run(String[] args, Map<String, String> env, Clock clock, InputStream stdin,
                          OutputStream stdout, OutputStream stderr, boolean terminal) {
        Tracelab root = new Tracelab(env, clock, stdin, stdout, stderr,
                new PrintWriter(stdout, false, StandardCharsets.UTF_8),
                new PrintWriter(stderr, false, StandardCharsets.UTF_8), terminal);
        if (args.length == 0 && terminal && stdin == System.in && System.console() != null) {
            args = new String[] {"shell"}; // a bare 'tracelab' at a terminal opens the shell on the case
        }
        return root.execute(root.commandLine(TopLevelCommands.neededBy(args), needsCollectors(args)), args);
    }

    /**
     * The root a shell runs its lines on: no standard input of its own, the shell's output, and the case the shell
     * keeps open.
     */
    static Tracelab forShell(Map<String, String> env, Clock clock, OutputStream stdout, OutputStream stderr,
                             boolean terminal, KeptCase kept, Cancellation cancellation) {
        return new Tracelab(env, clock, InputStream.nullInputStream(), stdout, stderr,
                new PrintWriter(stdout, false, StandardCharsets.UTF_8),
                new PrintWriter(stderr, false, StandardCharsets.UTF_8), terminal, kept, cancellation);
    }

    /**
     * The command tree with this root's output and error handling; with the collectors' subcommands of
     * {@code collect} when {@code collectors}.
     */
    CommandLine commandLine(boolean collectors) {
        return commandLine(TopLevelCommands.all(), collectors);
    }

    /**
     * The command tree with only {@code commands} under the root (a one-shot command builds the one it runs, see
     * {@link TopLevelCommands}); with the collectors' subcommands of {@code collect} when {@code collectors}.
     */
    private CommandLine commandLine(java.util.Collection<Class<?>> commands, boolean collectors) {
        CommandLine cl = new CommandLine(this);
        // Added first: picocli's setters below reach only the subcommands that exist when they are called.
        commands.forEach(cl::addSubcommand);
        if (collectors && cl.getSubcommands().containsKey("collect")) {
            CollectCommand.addCollectors(cl.getSubcommands().get("collect"), CollectorRegistry.load(), this);
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // A case folder may well be called "case" or "lab": "--case case" names a folder, not a command.
        cl.setAllowSubcommandsAsOptionParameters(true);
        cl.setParameterExceptionHandler((ex, args1) -> {
            CommandLine c = ex.getCommandLine();
            if (!c.getSubcommands().isEmpty()
                    && ex.getMessage().contains("subcommand")) {
                // A bare 'tracelab' or 'tracelab case': show what can follow, as help would.
                c.usage(err);
                err.flush();
                return ExitCode.BAD_INPUT;
            }
            // picocli's suggestions for a misspelt command or option, on the same line as what was not understood
            String suggested = ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()
                    ? " (did you mean: " + String.join(", ", u.getSuggestions()) + "?)" : "";
            err.println("tracelab: " + oneLine(ex.getMessage()) + suggested);
            err.println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            err.flush();
            return ExitCode.BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> report(ex));
        return cl;
    }

    /**
     * Runs {@code args} on {@code cl}, a tree made by {@link #commandLine} of this root; a shell runs every line on
     * the one tree it made (picocli sets every option back to its initial value before it parses a line).
     */
    int execute(CommandLine cl, String[] args) {
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // Thrown past picocli's handler, which takes exceptions only. By now the stack has unwound and freed
            // what filled the heap; the case keeps what it acknowledged (a group is committed whole or not at all).
            err.println(FullHeap.line(Runtime.getRuntime().maxMemory()));
            return ExitCode.IO;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * Whether the command line names {@code collect}, whose subcommands are built from the installed collectors.
     * Loading them (ServiceLoader, each collector's classes and options) is start-up time every other command would
     * pay for nothing; a word "collect" anywhere, even as a folder name, loads them, which is never wrong.
     */
    static boolean needsCollectors(String[] args) {
        return java.util.Arrays.asList(args).contains("collect");
    }

    /** The one place an exception becomes a message and an exit code. */
    int report(Exception ex) {
        if (debug) {
            ex.printStackTrace(err);
        }
        int code;
        String message;
        if (ex instanceof TracelabException t) {
            code = switch (t.failure()) {
                case BAD_INPUT -> ExitCode.BAD_INPUT;
                case IO, LOCKED -> ExitCode.IO;
                case CHECK_FAILED -> ExitCode.CHECK_FAILED;
                case CANCELLED -> ExitCode.CANCELLED;
            };
            message = t.getMessage();
        } else if (ex instanceof java.io.IOException || ex instanceof java.io.UncheckedIOException) {
            code = ExitCode.IO;
            message = ex.getMessage();
        } else {
            code = ExitCode.IO;
            message = "internal error: " + ex + (debug ? "" : " (run with --debug for details)");
        }
        err.println("tracelab: " + oneLine(message));
        err.flush();
        return code;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace("\r", " ").replace("\n", " ");
    }

    /** Standard output as bytes, for commands that write evidence exactly as stored. */
    OutputStream stdout() {
        out.flush();
        return stdout;
    }

    /** Standard error as bytes, for commands that run other command lines. */
    OutputStream stderr() {
        err.flush();
        return stderr;
    }

    boolean terminal() {
        return terminal;
    }

    /** The case the shell running this command keeps open, if it runs in one. */
    java.util.Optional<KeptCase> keptCase() {
        return java.util.Optional.ofNullable(kept);
    }

    /** Standard input, which {@code shell} reads commands from when it is not a terminal. */
    InputStream stdin() {
        return stdin;
    }

    Map<String, String> env() {
        return env;
    }

    /** The global flags given (the case aside), to be given again to each command a shell runs. */
    List<String> globalFlags() {
        List<String> o = new ArrayList<>();
        if (json) {
            o.add("--json");
        }
        if (quiet) {
            o.add("--quiet");
        }
        if (debug) {
            o.add("--debug");
        }
        return o;
    }

    Output output() {
        return new Output(out, err, json, quiet, terminal, cancellation);
    }

    /** Ctrl-C in the shell running this command; {@link Cancellation#NONE} for a one-shot command. */
    Cancellation cancellation() {
        return cancellation;
    }

    Clock clock() {
        return clock;
    }

    /** The case folder: --case, else $TRACELAB_CASE, else the current folder. */
    Path caseDir() {
        if (caseDir != null) {
            return caseDir;
        }
        String fromEnv = env.get("TRACELAB_CASE");
        return fromEnv != null && !fromEnv.isBlank() ? Path.of(fromEnv) : Path.of("");
    }

    /** The version line of --version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"tracelab " + ToolVersion.version(),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
