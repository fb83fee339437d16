package org.tracelab.shared.node;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.opensearch.Version;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.PluginInfo;
import org.opensearch.transport.Netty4ModulePlugin;
import org.opensearch.transport.TransportService;

/**
 * The local shared-index node: one OpenSearch node in this JVM, started by {@code tracelab shared start} as a child
 * process, on a data folder it holds alone while it runs; SIGTERM closes it cleanly.
 *
 * <p>Arguments: {@code DATA PORT BIND TRANSPORT_PORT [JOIN]}. Without {@code JOIN} the node forms a cluster of its
 * own, which other nodes may join; with it (a {@code HOST:PORT} transport address) it joins that cluster as a data
 * node. When the node answers on its HTTP port it writes {@code node.json} (pid, ports, bind address, name, version)
 * in the data folder, which the parent waits for; it removes it when it stops.
 */
public final class NodeMain {
    /** The file that says a node runs on the folder, and where it answers. */
    public static final String NODE_FILE = "node.json";
    /** The lock a node holds on its data folder while it runs. */
    public static final String LOCK_FILE = "node.lock";

    private NodeMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4 || args.length > 5) {
            System.err.println("usage: NodeMain DATA PORT BIND TRANSPORT_PORT [JOIN]");
            System.exit(2);
        }
        Path data = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        String bind = args[2];
        int transportPort = Integer.parseInt(args[3]);
        String join = args.length == 5 ? args[4] : null;
        Files.createDirectories(data);
        try (FileChannel lockFile = FileChannel.open(data.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = lockFile.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                System.err.println("tracelab: data folder " + data + " is held by another running node");
                System.exit(3);
                return;
            }
            run(data, port, bind, transportPort, join);
        }
    }

    private static void run(Path data, int port, String bind, int transportPort, String join) throws Exception {
        Settings settings = settings(data, port, bind, transportPort, join);
        LogConfigurator.registerErrorListener();
        LogConfigurator.configureWithoutConfig(settings);
        Environment env = InternalSettingsPreparer.prepareEnvironment(settings, new HashMap<>(), null, () -> "tracelab");
        LocalNode node = new LocalNode(env);
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(data.resolve(NODE_FILE));
                node.close();
                node.awaitClose(20, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException e) {
                e.printStackTrace();
            } finally {
                closed.countDown();
            }
        }, "tracelab-node-stop"));
        node.start();
        // Port 0 asks for any free port: node.json tells the ones bound.
        int bound = node.injector().getInstance(HttpServerTransport.class).boundAddress().boundAddresses()[0]
                .getPort();
        int transport = node.injector().getInstance(TransportService.class).boundAddress().publishAddress()
                .getPort();
        writeNodeFile(data, bound, bind, transport, settings.get("node.name"), join == null ? "manager" : "data");
        closed.await();
    }

    /**
     * The node's settings: bound where asked, its paths inside the data folder, named after the folder (two nodes on
     * one machine differ). Without {@code join} it manages a cluster of its own (not single-node discovery, which
     * would refuse a node joining later); with it, it is a data node of the cluster whose transport is {@code join}.
     */
    static Settings settings(Path data, int port, String bind, int transportPort, String join) {
        String name = "tracelab-" + Integer.toHexString(data.toString().hashCode());
        Settings.Builder b = Settings.builder()
                .put("cluster.name", "tracelab-shared")
                .put("node.name", name)
                .put("path.home", data.resolve("home").toString())
                .put("path.data", data.resolve("data").toString())
                .put("path.logs", data.resolve("logs").toString())
                .put("network.host", bind)
                .put("http.port", port)
                .put("transport.port", transportPort)
                .put("transport.type", "netty4")
                .put("http.type", "netty4")
                // A lab laptop's disk is often fuller than a server's: the watermarks would turn the index read-only.
                .put("cluster.routing.allocation.disk.threshold_enabled", false);
        if (join == null) {
            b.putList("cluster.initial_cluster_manager_nodes", name).putList("discovery.seed_hosts");
        } else {
            b.putList("node.roles", "data", "ingest").putList("discovery.seed_hosts", join);
        }
        return b.build();
    }

    private static void writeNodeFile(Path data, int port, String bind, int transport, String name, String role)
            throws IOException {
        String json = "{\"pid\":" + ProcessHandle.current().pid() + ",\"port\":" + port + ",\"bind\":\""
                + bind.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"transport\":" + transport
                + ",\"name\":\"" + name + "\",\"role\":\"" + role + "\",\"version\":\"" + Version.CURRENT
                + "\",\"started\":\"" + Instant.now() + "\"}\n";
        Path tmp = data.resolve(NODE_FILE + ".tmp");
        Files.writeString(tmp, json, StandardCharsets.UTF_8);
        Files.move(tmp, data.resolve(NODE_FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** OpenSearch's node with the Netty transport and Tracelab's analysis plugin, both from the class path. */
    private static final class LocalNode extends Node {
        LocalNode(Environment env) {
            super(env, List.of(plugin(Netty4ModulePlugin.class), plugin(TracelabAnalysisPlugin.class)), true);
        }

        private static PluginInfo plugin(Class<?> type) {
            return new PluginInfo(type.getName(), "class path plugin", "NA", Version.CURRENT, "21", type.getName(),
                    List.of(), false);
        }
    }
}
