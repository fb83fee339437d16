package org.tracelab.shared.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Json;

/** {@code tracelab shared start|stop|status}: a real OpenSearch node in a child JVM. */
class LocalNodeTest {
    @Test
    void startAnswersRefusesASecondNodeOnItsFolderAndStopsCleanly(@TempDir Path tmp) throws Exception {
        SharedCli cli = new SharedCli(tmp.resolve("node"));
        SharedCli.Run start = cli.run("--json", "shared", "start", "--port", "0");
        try {
            assertEquals(0, start.code(), start::toString);
            JsonNode started = Json.parse(start.out().strip());
            assertEquals("3.9.0", started.path("version").asText(), start::toString);
            String url = started.path("url").asText();
            assertTrue(url.startsWith("http://127.0.0.1:"), url);

            SharedCli.Run status = cli.run("shared", "status");
            assertEquals(0, status.code(), status::toString);
            assertTrue(status.out().contains(url), status::toString);

            SharedCli.Run second = cli.run("shared", "start", "--port", "0");
            assertEquals(3, second.code(), second::toString);
            assertTrue(second.err().contains("is held by the node already running there"), second::toString);
        } finally {
            SharedCli.Run stop = cli.run("shared", "stop");
            assertEquals(0, stop.code(), stop::toString);
        }
        SharedCli.Run after = cli.run("shared", "status");
        assertEquals(1, after.code(), after::toString);
        assertFalse(Files.exists(tmp.resolve("node").resolve("node.json")), "node.json left behind");
    }
}
