package org.tracelab.shared.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.Version;
import org.opensearch.plugins.PluginInfo;
import org.opensearch.plugins.PluginsService;

/**
 * The analysis plugin zip the build packs for an external cluster, checked as {@code bin/opensearch-plugin install
 * file:///...zip} checks it before it copies anything: files at the zip's top level, the descriptor read by
 * OpenSearch's own reader, its versions compatible with this OpenSearch, no jar hell against the server's jars (those
 * of a distribution's lib, here the node's lib without the plugin's own two), and the plugin class loaded from the
 * plugin's jars alone on top of the server's, as the node loads a plugin.
 */
class PluginZipIT {
    private static final Set<String> PLUGIN_OWN = Set.of("lucene-analysis-icu", "icu4j");

    @Test
    void thePluginZipIsOneOpenSearchsInstallerAcceptsAndItsClassLoadsFromItsOwnJars(@TempDir Path tmp)
            throws Exception {
        Path zip = Path.of(System.getProperty("tracelab.pluginZip", "target/tracelab-analysis.zip"));
        assertTrue(Files.isRegularFile(zip), "no plugin zip at " + zip + " (built at package)");
        Path plugin = tmp.resolve("candidate").resolve("tracelab-analysis");
        Set<String> names = new TreeSet<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : z.stream().toList()) {
                names.add(e.getName().replaceAll("-[0-9][0-9.]*(-SNAPSHOT)?\\.jar$", ".jar"));
                // The installer refuses the old layout (everything under opensearch/) and paths leaving the folder.
                assertTrue(!e.getName().contains("/") && !e.getName().contains(".."), e.getName());
                try (InputStream in = z.getInputStream(e)) {
                    Files.createDirectories(plugin);
                    Files.copy(in, plugin.resolve(e.getName()));
                }
            }
        }
        assertEquals(new TreeSet<>(List.of("plugin-descriptor.properties", "tracelab-shared-node.jar",
                "lucene-analysis-icu.jar", "icu4j.jar")), names);

        PluginInfo info = PluginInfo.readFromProperties(plugin);
        assertEquals("tracelab-analysis", info.getName());
        assertEquals(TracelabAnalysisPlugin.class.getName(), info.getClassname());
        assertEquals(List.of(), info.getExtendedPlugins());
        assertTrue(PluginsService.isPluginVersionCompatible(info, Version.CURRENT), info::toString);
        PluginsService.verifyCompatibility(info);

        List<URL> server = new ArrayList<>();
        try (Stream<Path> lib = Files.list(Path.of(System.getProperty("tracelab.nodeLib", "target/lib")))) {
            for (Path jar : lib.sorted().toList()) {
                String name = jar.getFileName().toString().replaceAll("-[0-9][0-9.]*\\.jar$", "");
                if (!PLUGIN_OWN.contains(name)) {
                    server.add(jar.toUri().toURL());
                }
            }
        }
        Path none = Files.createDirectories(tmp.resolve("plugins"));
        Path modules = Files.createDirectories(tmp.resolve("modules"));
        PluginsService.checkJarHellForPlugin(Set.copyOf(server), info, plugin, none, modules);

        List<URL> own = new ArrayList<>();
        try (Stream<Path> files = Files.list(plugin)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
                own.add(f.toUri().toURL());
            }
        }
        try (URLClassLoader serverLoader = new URLClassLoader(server.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader());
             URLClassLoader pluginLoader = new URLClassLoader(own.toArray(URL[]::new), serverLoader)) {
            Class<?> type = Class.forName(info.getClassname(), true, pluginLoader);
            assertEquals(pluginLoader, type.getClassLoader(), "the plugin class came from elsewhere");
            assertTrue(serverLoader.loadClass("org.opensearch.plugins.AnalysisPlugin").isAssignableFrom(type));
            // The analyzers it gives: core's classes and Lucene's ICU analysis, from the plugin's jars alone.
            Class.forName("org.tracelab.core.analysis.CaseAnalyzers", true, pluginLoader);
            Class.forName("org.apache.lucene.analysis.icu.ICUNormalizer2Filter", true, pluginLoader);
        }
    }
}
