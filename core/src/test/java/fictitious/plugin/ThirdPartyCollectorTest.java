package fictitious.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Case;
import org.tracelab.core.CaseManifest;
import org.tracelab.core.collect.CaptureListener;
import org.tracelab.core.collect.CollectRequest;
import org.tracelab.core.collect.Collector;
import org.tracelab.core.collect.CollectorRegistry;
import org.tracelab.core.items.Item;
import org.tracelab.core.verify.VerifyListener;

/**
 * A plugin found by ServiceLoader captures through the contract alone, and the case holds what it captured as its
 * own. The plugin is in a package of its own, as a third party's would be.
 */
class ThirdPartyCollectorTest {
    @TempDir
    Path tmp;

    @Test
    void aPluginFoundAtRunTimeStoresArchivesAndRecordsThroughTheSinkAlone() throws Exception {
        // As a plugin jar on the class path would: a services file naming the class, found by ServiceLoader.
        Path plugin = tmp.resolve("plugin");
        Path services = plugin.resolve("META-INF/services/" + Collector.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, EchoCollector.class.getName() + "\n");
        Collector echo;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {plugin.toUri().toURL()},
                getClass().getClassLoader())) {
            echo = CollectorRegistry.load(loader).find(EchoCollector.ID).orElseThrow();
        }
        Path dir = tmp.resolve("case");
        try (Case c = Case.create(dir, CaseManifest.create("Lab 1", "Examiner Fictitious", "Training exercise", "uz",
                Instant.parse("2026-03-01T09:00:00Z")), Clock.systemUTC())) {
            echo.collect(new CollectRequest(EchoCollector.ID, List.of("a", "b"), Map.of(), null),
                    c.startCapture(EchoCollector.ID, Map.of(), CaptureListener.NONE));
            c.finishCapture(EchoCollector.ID, Map.of());
            Item b = c.item(2);
            assertEquals(200, b.http().orElseThrow().status());
            assertTrue(Files.isRegularFile(dir.resolve(b.warc().orElseThrow().file())), "the case wrote the WARC");
            assertTrue(c.verify(VerifyListener.NONE).holds());
        }
    }
}
