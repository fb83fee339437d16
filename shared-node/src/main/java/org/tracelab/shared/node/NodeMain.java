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

/**
 * The local shared-index node: one OpenSearch node in this JVM, started by {@code tracelab shared start} as a child
 * process, on a data folder it holds alone while it runs; SIGTERM closes it cleanly.
 *
 * <p>Arguments: {@code DATA PORT BIND}. When the node answers on its HTTP port it writes {@code node.json} (pid,
 * port, bind address, version) in the data folder, which the parent waits for; it removes it when it stops.
 */
public final class NodeMain {
    /** The file that says a node runs on the folder, and where it answers. */
    public static final String NODE_FILE = "node.json";
    /** The lock a node holds on its data folder while it runs. */
    public static final String LOCK_FILE = "node.lock";

    private NodeMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: NodeMain DATA PORT BIND");
            System.exit(2);
        }
        Path data = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        String bind = args[2];
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
            run(data, port, bind);
        }
    }

    private static void run(Path data, int port, String bind) throws Exception {
        Settings settings = settings(data, port, bind);
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
        // Port 0 asks for any free port: node.json tells the one bound.
        int bound = node.injector().getInstance(HttpServerTransport.class).boundAddress().boundAddresses()[0]
                .getPort();
        writeNodeFile(data, bound, bind);
        closed.await();
    }

    /** One node on its own: single-node discovery, bound where asked, its paths inside the data folder. */
    static Settings settings(Path data, int port, String bind) {
        return Settings.builder()
                .put("cluster.name", "tracelab-shared")
                .put("node.name", "tracelab-local")
                .put("path.home", data.resolve("home").toString())
                .put("path.data", data.resolve("data").toString())
                .put("path.logs", data.resolve("logs").toString())
                .put("network.host", bind)
                .put("http.port", port)
                .put("transport.port", "0")
                .put("transport.type", "netty4")
                .put("http.type", "netty4")
                .put("discovery.type", "single-node")
                // A lab laptop's disk is often fuller than a server's: the watermarks would turn the index read-only.
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .build();
    }

    private static void writeNodeFile(Path data, int port, String bind) throws IOException {
        String json = "{\"pid\":" + ProcessHandle.current().pid() + ",\"port\":" + port + ",\"bind\":\""
                + bind.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"version\":\"" + Version.CURRENT
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
