package org.tracelab.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Json;
import org.tracelab.core.testing.Tamper;
import org.tracelab.core.testing.TwoLevelStores;

/** Extracted texts are evidence-grade derived data: logged, verified, and a failed extraction is marked, not fatal. */
class IngestEvidenceTest {
    @TempDir
    Path tmp;

    @Test
    void brokenDocumentIsMarkedAndTheRunGoesOn() throws IOException {
        Cli cli = caseWith("Fictitious ad: cooks wanted abroad.", "%PDF-1.7 truncated fictitious junk".getBytes(
                StandardCharsets.US_ASCII));
        JsonNode pdf = Json.parse(cli.run("--json", "show", "2", "--text").out());
        assertTrue(pdf.path("error").path("kind").asText().length() > 0, pdf::toString);
        JsonNode log = Json.parse(cli.run("--json", "show", "2").out()).path("custody");
        assertEquals("extract", log.get(1).path("action").asText());
        assertTrue(log.get(1).path("params").has("error"), log::toString);
        assertEquals(1, sources(cli, "cooks"));
    }

    @Test
    void alteredTextBlobIsNamedByVerify() throws IOException {
        Cli cli = caseWith("Fictitious ad: cooks wanted abroad.", null);
        JsonNode text = Json.parse(cli.run("--json", "show", "1", "--text").out());
        String sha = text.path("sha256").asText();
        Tamper.flipByte(tmp.resolve("lab/blobs/sha256").resolve(sha.substring(0, 2)).resolve(sha), 3);
        Cli.Run v = cli.run("verify");
        assertEquals(1, v.code(), v::toString);
        assertTrue(v.out().contains("blob changed: extracted text of item 1"), v::toString);
    }

    private Cli caseWith(String adText, byte[] brokenPdf) throws IOException {
        Path dir = tmp.resolve("in");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("a-ad.txt"), adText, StandardCharsets.UTF_8);
        if (brokenPdf != null) {
            Files.write(dir.resolve("b-broken.pdf"), brokenPdf);
        }
        Cli cli = new Cli(tmp.resolve("lab"));
        assertEquals(0, cli.init().code());
        Cli.Run c = cli.run("collect", "file", dir.resolve("a-ad.txt").toString());
        assertEquals(0, c.code(), c::toString);
        if (brokenPdf != null) {
            c = cli.run("collect", "file", dir.resolve("b-broken.pdf").toString());
            assertEquals(0, c.code(), c::toString);
            assertTrue(c.err().contains("1 failed or cut"), c::toString);
        }
        return cli;
    }

    @Test
    void importWithoutIngestLeavesTheItemsForReindexWhichExtractsThem() throws IOException {
        Path dir = tmp.resolve("in");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("ad.txt"), "Fictitious ad: oshpaz kerak, Toshkent. Tel +998 90 000 00 00",
                StandardCharsets.UTF_8);
        Cli cli = new Cli(tmp.resolve("case"));
        assertEquals(0, cli.init().code());

        Cli.Run imported = cli.run("collect", "file", dir.toString(), "--no-ingest");
        assertEquals(0, imported.code(), imported::toString);
        assertTrue(imported.out().contains("collected 1 item") && imported.out().contains("'tracelab reindex'")
                && !imported.out().contains("extracted text of"), imported::toString);
        Cli.Run early = cli.run("search", "oshpaz");
        assertTrue(early.code() == 2 && early.err().contains("run 'tracelab reindex'"), early::toString);

        Cli.Run reindex = cli.run("reindex");
        assertEquals(0, reindex.code(), reindex::toString);
        assertTrue(reindex.out().contains("extracted text of 1 item"), reindex::toString);
        assertEquals(1, sources(cli, "oshpaz"));
        assertEquals(0, cli.run("verify").code());
    }

    @Test
    void importWithoutIngestInACaseOfTheOldStoreLayoutIsMovedAndExtractedByReindexExtract() throws IOException {
        Path dir = tmp.resolve("in");
        Files.createDirectories(dir);
        for (int i = 0; i < 5; i++) {
            Files.writeString(dir.resolve("ad-" + i + ".txt"), "Fictitious ad " + i + ": oshpaz kerak, Samarqand.",
                    StandardCharsets.UTF_8);
        }
        Cli cli = new Cli(tmp.resolve("case"));
        assertEquals(0, cli.init().code());
        assertEquals(0, cli.run("collect", "file", dir.toString(), "--no-ingest").code());
        // The test lays the case out as Tracelab did before the one-level store (fictitious ads).
        assertEquals(5, TwoLevelStores.downgrade(tmp.resolve("case/blobs")));

        Cli.Run reindex = cli.run("reindex", "--extract");
        assertEquals(0, reindex.code(), reindex::toString);
        assertTrue(reindex.out().contains("extracted text of 5 items"), reindex::toString);
        assertEquals(5, sources(cli, "samarqand"));
        JsonNode upgrade = Json.parse(cli.run("--json", "export", "custody", "--format", "jsonl", "--out",
                tmp.resolve("log.jsonl").toString()).out());
        assertTrue(upgrade.isObject(), upgrade::toString);
        assertTrue(Files.readString(tmp.resolve("log.jsonl")).contains("\"store.upgrade\""),
                "the move of the evidence's files is in the custody log");
        Cli.Run v = cli.run("verify");
        assertEquals(0, v.code(), v::toString);
    }

    private static int sources(Cli cli, String query) {
        Cli.Run r = cli.run("--json", "search", query);
        assertEquals(0, r.code(), r::toString);
        return r.out().isBlank() ? 0 : r.out().strip().split("\n").length;
    }
}
