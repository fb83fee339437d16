package org.tracelab.collectors.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.items.Item;

class LargeBodyTest {
    private static final long MB = 1024 * 1024;

    @TempDir
    Path tmp;

    private GeneratedBodyServer server;
    private LabCase lab;

    @BeforeEach
    void start() throws Exception {
        server = new GeneratedBodyServer();
        lab = new LabCase(tmp);
    }

    @AfterEach
    void stop() {
        lab.close();
        server.close();
    }

    private Optional<Capture> capture(String path, long maxBytes) throws Exception {
        CaptureSettings s = new CaptureSettings(Duration.ofSeconds(10), Duration.ofSeconds(1), 10, maxBytes,
                Duration.ZERO, false, HostAllowList.any());
        try (HttpCapture http = HttpCapture.open(lab.sink("page"), "page", s, Clock.systemUTC())) {
            return http.capture(Urls.target(server.url(path)), null);
        } finally {
            lab.finish();
        }
    }

    @Test
    void twoHundredMegabyteBodyIsStreamedIntoTheStoreAndTheWarc() throws Exception {
        long size = 200 * MB;

        Item item = lab.item(capture("/bytes/" + size, 300 * MB).orElseThrow().item().id());

        assertEquals(size, item.size());
        assertFalse(item.truncated());
        assertEquals(GeneratedBodyServer.sha256Of(size), item.blob().sha256());
        WarcFiles.assertResponseAt(lab.kase.dir(), item);
        WarcFiles.assertValid(lab.kase.dir());
    }

    @Test
    void bodyOverTheLimitIsKeptUpToTheLimitAndMarkedTruncated() throws Exception {
        Item item = lab.item(capture("/bytes/" + (5 * MB), MB).orElseThrow().item().id());

        assertEquals(MB, item.size());
        assertTrue(item.truncated());
        assertTrue(item.meta().get("truncated").asBoolean());
        assertTrue(lab.kase.verify(null).holds());
        WarcFiles.assertResponseAt(lab.kase.dir(), item);
        WarcFiles.assertValid(lab.kase.dir());
    }

    @Test
    void bodyThatStallsPastTheReadTimeoutIsAFailureNotAHang() throws Exception {
        assertTrue(capture("/stall", MB).isEmpty());

        assertTrue(lab.failures.stream().anyMatch(f -> f.contains("read timed out")), lab.failures.toString());
        assertTrue(lab.stored.isEmpty());
    }

    @Test
    void bodyDrippedSlowerThanAnyRealLinkIsGivenUpNotWaitedForEver() throws Exception {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertTrue(capture("/drip", MB).isEmpty()));

        assertTrue(lab.failures.stream().anyMatch(f -> f.contains("slow drip")), lab.failures.toString());
        assertTrue(lab.stored.isEmpty());
        assertTrue(lab.kase.verify(null).holds());
    }

    @Test
    void headerLineOfEightMegabytesIsAFailureOrACaptureNeverAHangOrACrash() throws Exception {
        Optional<Capture> c = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> capture("/huge-header", MB));

        assertTrue(c.isPresent() || lab.failures.size() == 1, lab.failures::toString);
        lab.failures.forEach(f -> assertEquals(1, f.lines().count(), f));
        assertTrue(lab.kase.verify(null).holds());
    }
}
