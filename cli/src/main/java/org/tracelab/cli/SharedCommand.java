package org.tracelab.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.tracelab.core.Case;
import org.tracelab.core.TracelabException;
import org.tracelab.shared.Publication;
import org.tracelab.shared.SharedIndex;
import org.tracelab.shared.LocalNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tracelab shared}: the shared index across cases, on OpenSearch: a local node to start and stop, and the
 * publishing of a case to it. The index is derived data; the evidence stays in each case.
 */
@Command(name = "shared", description = "A shared OpenSearch index across cases: start a local node, publish a case "
        + "to it (derived data; the evidence stays in the case).",
        subcommands = {SharedCommand.Start.class, SharedCommand.Stop.class, SharedCommand.Status.class,
            SharedCommand.Publish.class, SharedCommand.Unpublish.class},
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
    @Command(name = "start", description = "Start a local OpenSearch node for the shared index, in the background; "
            + "bound to 127.0.0.1 unless --bind is given. It forms a cluster of its own, which a node started with "
            + "--join may join.", mixinStandardHelpOptions = true)
    static final class Start extends BaseCommand {
        @picocli.CommandLine.Mixin
        DataOption data = new DataOption();

        @Option(names = "--port", paramLabel = "P", defaultValue = "9200",
                description = "HTTP port, 0 for any free one (default: ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
                description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
        String bind;

        @Option(names = "--transport-port", paramLabel = "P", defaultValue = "0",
                description = "Port other nodes of the cluster reach this one on, 0 for any free one (default: "
                        + "${DEFAULT-VALUE}; give a fixed one, e.g. 9300, for nodes joining from other machines).")
        int transportPort;

        @Option(names = "--join", paramLabel = "HOST:PORT",
                description = "Join the cluster of the node at this transport address (its 'shared status' names it)"
                        + " as a data node holding a replica, instead of forming a cluster of its own.")
        String join;

        @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "120",
                description = "How long to wait for the node to answer (default: ${DEFAULT-VALUE}).")
        int waitSeconds;

        @Override
        public Integer call() {
            if (waitSeconds < 1) {
                throw TracelabException.badInput("--wait " + waitSeconds, "must be at least 1");
            }
            LocalNode.Placement at = new LocalNode.Placement(port, bind, transportPort, Optional.ofNullable(join));
            Path dir = LocalNode.dataFolder(data.data, root().env());
            out().info("tracelab: starting the shared-index node on " + dir + " (its log: " + dir.resolve("node.log")
                    + ")");
            LocalNode.Running r = LocalNode.start(dir, at, root().env(), Duration.ofSeconds(waitSeconds));
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

    /** {@code tracelab shared publish}. */
    @Command(name = "publish", description = "Publish the case's items to the shared index: searchable fields, "
            + "entities, hashes and custody references (never the evidence itself); only what changed is sent, "
            + "each batch logged in the custody log.", mixinStandardHelpOptions = true)
    static final class Publish extends BaseCommand {
        @picocli.CommandLine.Mixin
        SharedOption shared = new SharedOption();

        @Option(names = "--batch", paramLabel = "N", defaultValue = "" + Publication.BATCH_DOCS,
                description = "Documents per request, each request one custody entry (default: ${DEFAULT-VALUE}).")
        int batch;

        @Override
        public Integer call() {
            // The cluster is checked before the case is opened: an unreachable one leaves the case untouched.
            SharedIndex index = shared.connect(root().env());
            Output out = out();
            Publication.Report r;
            try (Case c = openForWriting(); ProgressBar bar = out.progress("publish")) {
                r = Publication.publish(c, index, batch, bar);
            }
            if (out.json()) {
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("cluster", index.cluster().toString());
                j.put("index", SharedIndex.INDEX);
                j.put("case", r.caseId());
                j.put("items", r.items());
                j.put("sent", r.sent());
                j.put("unchanged", r.unchanged());
                j.put("batches", r.batches());
                out.json(j);
            } else if (r.sent() == 0) {
                out.line("nothing to publish: the shared index at " + index.cluster() + " holds all " + r.items()
                        + " items of this case as they are");
            } else {
                out.line("published " + r.sent() + " of " + r.items() + " items to " + index.cluster() + " ("
                        + r.unchanged() + " unchanged, " + r.batches() + " batch" + (r.batches() == 1 ? "" : "es")
                        + " logged)");
            }
            return ExitCode.OK;
        }
    }

    /** {@code tracelab shared unpublish}. */
    @Command(name = "unpublish", description = "Withdraw this case from the shared index (every document of it, and "
            + "nothing else); logged.", mixinStandardHelpOptions = true)
    static final class Unpublish extends BaseCommand {
        @picocli.CommandLine.Mixin
        SharedOption shared = new SharedOption();

        @Override
        public Integer call() {
            SharedIndex index = shared.connect(root().env());
            long deleted;
            try (Case c = openForWriting()) {
                deleted = Publication.unpublish(c, index);
            }
            if (out().json()) {
                out().json(Map.of("cluster", index.cluster().toString(), "deleted", deleted));
            } else {
                out().line("withdrew " + deleted + " items of this case from " + index.cluster());
            }
            return ExitCode.OK;
        }
    }

    static void print(Output out, String state, LocalNode.Running r) {
        if (out.json()) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("state", state);
            j.put("url", r.url());
            j.put("transport", r.transportAddress());
            j.put("name", r.name());
            j.put("role", r.role());
            j.put("pid", r.pid());
            j.put("version", r.version());
            j.put("data", r.data().toString());
            out.json(j);
        } else {
            out.line(state + ": OpenSearch " + r.version() + " at " + r.url() + " (pid " + r.pid() + ", data "
                    + r.data() + "; " + r.role() + " node " + r.name() + ", transport " + r.transportAddress() + ")");
        }
    }
}
