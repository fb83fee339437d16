package org.tracelab.collectors.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.tools.ValidateTool;
import org.tracelab.core.items.Item;

/** Checks on the WARC files of a case, made with jwarc, an independent reader and validator. */
public final class WarcFiles {
    private WarcFiles() {
    }

    public static List<Path> of(Path caseDir) throws IOException {
        try (Stream<Path> s = Files.list(caseDir.resolve("warc"))) {
            return s.filter(p -> p.toString().endsWith(".warc.gz")).sorted().toList();
        }
    }

    /**
     * Runs jwarc's validator (header rules of WARC 1.1, block and payload digests) on every WARC file of the case.
     * It ends with System.exit, so it runs in its own JVM on jwarc's jar alone.
     */
    public static void assertValid(Path caseDir) throws IOException, InterruptedException {
        List<Path> files = of(caseDir);
        assertFalse(files.isEmpty(), "no WARC files in " + caseDir);
        String java = ProcessHandle.current().info().command().orElse("java");
        String jar = Path.of(URIs.of(ValidateTool.class)).toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", jar, ValidateTool.class.getName(), "-v"));
        files.forEach(f -> cmd.add(f.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "validator did not finish");
        assertEquals(0, p.exitValue(), "jwarc validate failed:\n" + out);
        assertFalse(out.contains("ERROR"), out);
    }

    /** Reads the record at the item's recorded WARC offset and checks it is the item's response. */
    public static void assertResponseAt(Path caseDir, Item item) throws IOException {
        var warc = item.meta().get("warc");
        Path file = caseDir.resolve(warc.get("file").asText());
        try (FileChannel ch = FileChannel.open(file)) {
            ch.position(warc.get("offset").asLong());
            try (WarcReader reader = new WarcReader(ch)) {
                WarcRecord r = reader.next().orElseThrow();
                assertTrue(r instanceof WarcResponse, "not a response record at offset: " + r.type());
                assertEquals(warc.get("recordId").asText(), r.id().toString());
                WarcResponse response = (WarcResponse) r;
                assertEquals(item.source(), response.target());
                assertEquals(item.meta().get("status").asInt(), response.http().status());
                assertEquals(item.blob().sha256(), response.payloadDigest().orElseThrow().hex());
                assertTrue(response.ipAddress().isPresent(), "WARC-IP-Address missing");
            }
        }
    }

    private static final class URIs {
        static java.net.URI of(Class<?> c) {
            try {
                return c.getProtectionDomain().getCodeSource().getLocation().toURI();
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
