package org.tracelab.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Json;

/** The packaged jar starts its extraction worker from itself: collect, search and reindex as a user runs them. */
class IngestIT {
    @TempDir
    Path tmp;

    @Test
    void jarExtractsIndexesAndSearchesDocuments() throws Exception {
        Path ads = AdFixtures.folder(tmp);
        Path caseDir = tmp.resolve("case");
        Cli cli = new Cli(caseDir);
        assertEquals(0, cli.init().code());
        try (JarProcess p = JarProcess.start("256m", "--case", caseDir.toString(), "collect", "file", ads.toString())) {
            assertEquals(0, p.waitFor(300), p::err);
            assertTrue(p.err().contains("extracted text of 7 items"), p::err);
        }
        try (JarProcess p = JarProcess.start("256m", "--case", caseDir.toString(), "--json", "search",
                "\"drivers wanted\" OR nannies")) {
            assertEquals(0, p.waitFor(120), p::err);
            // the DOCX, the flyer inside the ZIP, and the ZIP itself: a member's words find its container too
            assertEquals(3, p.outLines().size(), () -> p.outLines() + p.err());
            assertTrue(p.outLines().stream().anyMatch(l -> Json.parse(l).path("source").asText().endsWith(
                    "flyers.zip")), () -> p.outLines().toString());
            JsonNode hit = Json.parse(p.outLines().get(0));
            assertTrue(hit.path("passages").get(0).asText().contains("«"), hit::toString);
        }
        try (JarProcess p = JarProcess.start("256m", "--case", caseDir.toString(), "reindex", "--extract")) {
            assertEquals(0, p.waitFor(300), p::err);
            assertTrue(String.join("\n", p.outLines()).contains("extracted text of 7 items"), p::err);
        }
        assertEquals(0, cli.run("verify").code());
    }
}
