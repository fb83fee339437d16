package org.tracelab.shared;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.tracelab.core.Json;
import org.tracelab.core.TracelabException;

/**
 * The local shared-index node on a data folder: started as a child JVM (shared-node's {@code NodeMain}), found again
 * through the {@code node.json} it writes there once it answers, stopped with SIGTERM.
 */
public final class LocalNode {
    /** The data folder when neither {@code --data} nor this variable is given: {@code ~/.tracelab/shared}. */
    public static final String ENV_DATA = "TRACELAB_SHARED_DATA";
    /** Extra JVM options for the node, e.g. {@code -Xmx2g}. */
    public static final String ENV_JAVA_OPTS = "TRACELAB_SHARED_JAVA_OPTS";
    /** The class path of the node, given whole (tests); else found from {@link #NODE_DIR_PROPERTY}. */
    public static final String CLASSPATH_PROPERTY = "tracelab.shared.classpath";
    /** The folder that holds tracelab-shared-node.jar and lib/, set by the tracelab launcher script. */
    public static final String NODE_DIR_PROPERTY = "tracelab.shared.node";
    /** The default HTTP port. */
    public static final int DEFAULT_PORT = 9200;
    static final String NODE_FILE = "node.json";
    static final String LOG_FILE = "node.log";
    private static final String MAIN = "org.tracelab.shared.node.NodeMain";

    private LocalNode() {
    }

    /**
     * A running node as its {@code node.json} tells it.
     *
     * @param pid       its process
     * @param port      its HTTP port
     * @param bind      the address it listens on
     * @param transport its transport port, which a node joining its cluster names
     * @param name      its node name in the cluster
     * @param role      {@code manager} (it formed the cluster) or {@code data} (it joined one)
     * @param version   the OpenSearch version it runs
     * @param data      its data folder
     */
    public record Running(long pid, int port, String bind, int transport, String name, String role, String version,
                          Path data) {
        /** The URL the node answers on, from this machine. */
        public String url() {
            return "http://" + host() + ":" + port;
        }

        /** The transport address a node joining from this machine names in {@code --join}. */
        public String transportAddress() {
            return host() + ":" + transport;
        }

        private String host() {
            String host = bind.equals("0.0.0.0") || bind.equals("_site_") || bind.equals("::") ? "127.0.0.1" : bind;
            return host.contains(":") ? "[" + host + "]" : host;
        }
    }

    /**
     * Where a node listens and which cluster it belongs to.
     *
     * @param port          HTTP port, 0 for any free one
     * @param bind          the address it listens on
     * @param transportPort the port other nodes of its cluster reach it on, 0 for any free one
     * @param join          the transport address ({@code HOST:PORT}) of a node whose cluster it joins as a data node;
     *                      empty to form a cluster of its own
     */
    public record Placement(int port, String bind, int transportPort, Optional<String> join) {
        public Placement {
            if (port < 0 || port > 65535) {
                throw TracelabException.badInput("--port " + port, "must be 0 (any free port) to 65535");
            }
            if (transportPort < 0 || transportPort > 65535) {
                throw TracelabException.badInput("--transport-port " + transportPort, "must be 0 (any free port) to "
                        + "65535");
            }
            if (bind == null || bind.isBlank()) {
                throw TracelabException.badInput("--bind", "give an address to listen on, e.g. 127.0.0.1");
            }
            join = join == null ? Optional.empty() : join;
            join.ifPresent(j -> {
                if (!j.matches("(\\[[0-9A-Fa-f:.]+\\]|[^\\s:\\[\\]]+):\\d{1,5}")) {
                    throw TracelabException.badInput("--join " + j, "give the transport address of a running node "
                            + "as HOST:PORT ('tracelab shared status' on it names it)");
                }
            });
        }
    }

    /** The data folder: {@code dir} when given, else {@code $TRACELAB_SHARED_DATA}, else {@code ~/.tracelab/shared}. */
    public static Path dataFolder(Path dir, Map<String, String> env) {
        if (dir != null) {
            return dir.toAbsolutePath();
        }
        String fromEnv = env.get(ENV_DATA);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".tracelab", "shared");
    }

    /** The node running on {@code data}, if one is: its file present and its process alive. */
    public static Optional<Running> running(Path data) {
        JsonNode j;
        try {
            j = Json.parse(Files.readString(data.resolve(NODE_FILE), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // half-written or foreign: no node we can name
        }
        long pid = j.path("pid").asLong();
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return Optional.of(new Running(pid, j.path("port").asInt(), j.path("bind").asText(),
                    j.path("transport").asInt(), j.path("name").asText(), j.path("role").asText("manager"),
                    j.path("version").asText(), data));
        }
        return Optional.empty();
    }

    /**
     * Starts a node on {@code data} and waits until it answers; refuses a folder a running node holds.
     *
     * @param env the environment, for {@link #ENV_JAVA_OPTS}
     */
    public static Running start(Path data, Placement at, Map<String, String> env, Duration wait) {
        Optional<Running> already = running(data);
        if (already.isPresent()) {
            throw new TracelabException(TracelabException.Failure.LOCKED, "data folder " + data + " is held by the"
                    + " node already running there (pid " + already.get().pid() + ", " + already.get().url() + ")");
        }
        String classpath = classpath();
        Path log = data.resolve(LOG_FILE);
        Process p;
        try {
            Files.createDirectories(data);
            Files.deleteIfExists(data.resolve(NODE_FILE)); // a node killed hard leaves its file behind
            List<String> cmd = new ArrayList<>();
            cmd.add(ProcessHandle.current().info().command().orElse(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            cmd.addAll(List.of("-Xms256m", "-Xmx1g", "-XX:+UseG1GC", "-Djava.awt.headless=true",
                    "-Dfile.encoding=UTF-8", "--enable-native-access=ALL-UNNAMED", "-Djava.io.tmpdir=" + Files.createDirectories(data.resolve("tmp"))));
            String opts = env.getOrDefault(ENV_JAVA_OPTS, "");
            if (!opts.isBlank()) {
                cmd.addAll(List.of(opts.strip().split("\\s+")));
            }
            cmd.addAll(List.of("-cp", classpath, MAIN, data.toString(), Integer.toString(at.port()), at.bind(),
                    Integer.toString(at.transportPort())));
            at.join().ifPresent(cmd::add);
            p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.PIPE).start();
            p.getOutputStream().close();
        } catch (IOException e) {
            throw TracelabException.io("starting the shared-index node on " + data, e);
        }
        Instant deadline = Instant.now().plus(wait);
        while (true) {
            Optional<Running> r = running(data);
            if (r.isPresent() && r.get().pid() == p.pid()) {
                return r.get();
            }
            if (!p.isAlive()) {
                throw new TracelabException(TracelabException.Failure.IO, "the shared-index node on " + data
                        + " stopped as it started (exit " + p.exitValue() + "): " + lastLine(log) + "; its log: "
                        + log);
            }
            if (Instant.now().isAfter(deadline)) {
                p.destroy();
                throw new TracelabException(TracelabException.Failure.IO, "the shared-index node on " + data
                        + " did not answer within " + wait.toSeconds() + " s; stopped it; its log: " + log);
            }
            try {
                p.waitFor(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroy();
                throw new TracelabException(TracelabException.Failure.IO, "interrupted starting the node", e);
            }
        }
    }

    /** Stops the node on {@code data} with SIGTERM and waits for it to close; empty when none ran. */
    public static Optional<Running> stop(Path data, Duration wait) {
        Optional<Running> r = running(data);
        if (r.isEmpty()) {
            return r;
        }
        ProcessHandle h = ProcessHandle.of(r.get().pid()).orElse(null);
        if (h == null) {
            return r;
        }
        h.destroy();
        try {
            h.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new TracelabException(TracelabException.Failure.IO, "the shared-index node (pid " + r.get().pid()
                    + ") did not stop within " + wait.toSeconds() + " s of SIGTERM; its log: " + data.resolve(LOG_FILE));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TracelabException(TracelabException.Failure.IO, "interrupted stopping the node", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw TracelabException.io("stopping the node", e);
        }
        return r;
    }

    /** The node's class path: given whole, or the jar and lib/ of shared-node's build. */
    static String classpath() {
        String whole = System.getProperty(CLASSPATH_PROPERTY);
        if (whole != null && !whole.isBlank()) {
            return whole;
        }
        String dir = System.getProperty(NODE_DIR_PROPERTY);
        Path d = dir == null ? null : Path.of(dir);
        if (d == null || !Files.isRegularFile(d.resolve("tracelab-shared-node.jar"))
                || !Files.isDirectory(d.resolve("lib"))) {
            throw new TracelabException(TracelabException.Failure.IO, "the shared-index node is not built"
                    + (d == null ? "" : " in " + d) + ": run ./mvnw -B -DskipTests package (it lies in"
                    + " shared-node/target), then start it with ./tracelab shared start");
        }
        return d.resolve("tracelab-shared-node.jar") + java.io.File.pathSeparator + d.resolve("lib") + "/*";
    }

    /** Why the node stopped: the exception that ended its main thread, else the last line it wrote. */
    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            String found = lines.stream().filter(l -> l.startsWith("Exception in thread \"main\""))
                    .map(l -> l.substring(l.indexOf('"', l.indexOf('"') + 1) + 1).strip())
                    .findFirst().orElse(null);
            for (int i = lines.size() - 1; found == null && i >= 0; i--) {
                String l = lines.get(i).strip();
                if (!l.isEmpty() && !l.startsWith("at ")) {
                    found = l;
                }
            }
            if (found == null) {
                return "(its log is empty)";
            }
            return found.length() > 300 ? found.substring(0, 300) + "…" : found;
        } catch (IOException e) {
            return "(its log cannot be read)";
        }
    }
}
