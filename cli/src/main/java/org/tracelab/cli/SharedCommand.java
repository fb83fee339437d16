package org.tracelab.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.tracelab.core.TracelabException;
import org.tracelab.shared.LocalNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tracelab shared}: the shared index across cases, on OpenSearch: a local node to start and stop, and the
 * publishing of a case to it. The index is derived data; the evidence stays in each case.
 */
@Command(name = "shared", description = "A shared OpenSearch index across cases: start a local node, publish a case "
        + "to it (derived data; the evidence stays in the case).",
        subcommands = {SharedCommand.Start.class, SharedCommand.Stop.class, SharedCommand.Status.class},
        mixinStandardHelpOptions = true)
final class SharedCommand {
    private SharedCommand() {
    }

    /** The data folder option of the local node's commands. */
    static final class DataOption {
        @Option(names = "--data", paramLabel = "DIR", description = "The node's data folder (default: "
                + "$TRACELAB_SHARED_DATA, else ~/.tracelab/shared).")
        Path data;
    }

    /** {@code tracelab shared start}. */
    @Command(name = "start", description = "Start a local single-node OpenSearch for the shared index, in the "
            + "background; bound to 127.0.0.1 unless --bind is given.", mixinStandardHelpOptions = true)
    static final class Start extends BaseCommand {
        @picocli.CommandLine.Mixin
        DataOption data = new DataOption();

        @Option(names = "--port", paramLabel = "P", defaultValue = "9200",
                description = "HTTP port, 0 for any free one (default: ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
                description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
        String bind;

        @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "120",
                description = "How long to wait for the node to answer (default: ${DEFAULT-VALUE}).")
        int waitSeconds;

        @Override
        public Integer call() {
            if (waitSeconds < 1) {
                throw TracelabException.badInput("--wait " + waitSeconds, "must be at least 1");
            }
            Path dir = LocalNode.dataFolder(data.data, root().env());
            out().info("tracelab: starting the shared-index node on " + dir + " (its log: " + dir.resolve("node.log")
                    + ")");
            LocalNode.Running r = LocalNode.start(dir, port, bind, root().env(), Duration.ofSeconds(waitSeconds));
            print(out(), "started", r);
            return ExitCode.OK;
        }
    }

    /** {@code tracelab shared stop}. */
    @Command(name = "stop", description = "Stop the local node cleanly (SIGTERM).", mixinStandardHelpOptions = true)
    static final class Stop extends BaseCommand {
        @picocli.CommandLine.Mixin
        DataOption data = new DataOption();

        @Override
        public Integer call() {
            Path dir = LocalNode.dataFolder(data.data, root().env());
            Optional<LocalNode.Running> r = LocalNode.stop(dir, Duration.ofSeconds(60));
            if (r.isEmpty()) {
                if (out().json()) {
                    out().json(Map.of("state", "not running", "data", dir.toString()));
                } else {
                    out().line("no node runs on " + dir);
                }
                return ExitCode.OK;
            }
            print(out(), "stopped", r.get());
            return ExitCode.OK;
        }
    }

    /** {@code tracelab shared status}. */
    @Command(name = "status", description = "Say whether the local node runs, and where it answers; exit 1 when it "
            + "does not.", mixinStandardHelpOptions = true)
    static final class Status extends BaseCommand {
        @picocli.CommandLine.Mixin
        DataOption data = new DataOption();

        @Override
        public Integer call() {
            Path dir = LocalNode.dataFolder(data.data, root().env());
            Optional<LocalNode.Running> r = LocalNode.running(dir);
            if (r.isEmpty()) {
                if (out().json()) {
                    out().json(Map.of("state", "not running", "data", dir.toString()));
                } else {
                    out().line("no node runs on " + dir + "; start one with: tracelab shared start");
                }
                return ExitCode.CHECK_FAILED;
            }
            print(out(), "running", r.get());
            return ExitCode.OK;
        }
    }

    static void print(Output out, String state, LocalNode.Running r) {
        if (out.json()) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("state", state);
            j.put("url", r.url());
            j.put("pid", r.pid());
            j.put("version", r.version());
            j.put("data", r.data().toString());
            out.json(j);
        } else {
            out.line(state + ": OpenSearch " + r.version() + " at " + r.url() + " (pid " + r.pid() + ", data "
                    + r.data() + ")");
        }
    }
}
