package org.tracelab.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.tracelab.core.Hashing;
import org.tracelab.core.Json;
import org.tracelab.core.testing.Tamper;
import org.tracelab.samples.LabServer;
import org.tracelab.samples.LabServerOptions;

/** The export commands end to end: a small hostile lab site crawled over 127.0.0.1, then every export of it. */
class ExportCommandTest {
    @TempDir
    Path tmp;
    Cli cli;
    Path caseDir;

    @BeforeEach
    void crawlAHostileSite() throws IOException {
        Path site = HostileSite.write(tmp.resolve("site"));
        caseDir = tmp.resolve("case");
        cli = new Cli(caseDir);
        assertEquals(0, cli.init().code());
        try (LabServer server = LabServer.start(site, LabServerOptions.defaults())) {
            Cli.Run crawl = cli.run("collect", "page", server.baseUri().toString(), "--depth", "1", "--delay", "0");
            assertEquals(0, crawl.code(), crawl::toString);
        }
        assertEquals(0, cli.run("collect", "file", site.resolve("docs").toString()).code());
    }

    private JsonNode lastEntry() {
        return Json.parse(cli.run("--json", "case", "info").out()).path("lastEntry");
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(Hashing.sha256().digest(bytes));
    }

    @Test
    void custodyAndItemsExportsAreLoggedWithTheirHashes() throws IOException {
        Path csv = tmp.resolve("custody.csv");
        Cli.Run r = cli.run("export", "custody", "--format", "csv", "--out", csv.toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("exported custody to "), r::toString);
        JsonNode e = lastEntry();
        assertEquals("export.custody", e.path("action").asText());
        assertEquals(sha256(Files.readAllBytes(csv)), e.path("params").path("sha256").asText());

        Path items = tmp.resolve("items.jsonl");
        assertEquals(0, cli.run("export", "custody", "--items", "--format", "jsonl", "--out", items.toString()).code());
        assertEquals("export.items", lastEntry().path("action").asText());
        List<String> rows = Files.readAllLines(items, StandardCharsets.UTF_8);
        assertTrue(rows.stream().anyMatch(l -> Json.parse(l).path("http_status").asInt() == 200), "HTTP status");
        assertTrue(rows.stream().anyMatch(l -> Json.parse(l).path("warc_file").asText().startsWith("warc/")));

        Cli.Run bad = cli.run("export", "custody", "--format", "xlsx", "--out", tmp.resolve("x").toString());
        assertEquals(2, bad.code(), bad::toString);
        assertTrue(bad.err().contains("xlsx"), bad::toString);
    }

    @Test
    void bagVerifiesThenNamesTheFileThatChanged() throws IOException {
        Path bag = tmp.resolve("bag");
        Cli.Run r = cli.run("export", "bag", "--out", bag.toString(), "--organization", "Fictitious Academy");
        assertEquals(0, r.code(), r::toString);
        assertEquals("export.bag", lastEntry().path("action").asText());
        assertEquals(sha256(Files.readAllBytes(bag.resolve("tagmanifest-sha256.txt"))),
                lastEntry().path("params").path("sha256").asText());
        try (var s = Files.list(bag.resolve("data/warc"))) {
            assertTrue(s.findAny().isPresent(), "the WARC files are in the bag");
        }

        Cli.Run ok = Cli.runBare("verify", "--bag", bag.toString());
        assertEquals(0, ok.code(), ok::toString);
        assertTrue(ok.out().startsWith("bag verified: "), ok::toString);

        Path payload;
        try (var s = Files.walk(bag.resolve("data/items"))) {
            payload = s.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        Tamper.flipByte(payload, 0);
        Cli.Run broken = Cli.runBare("verify", "--bag", bag.toString());
        assertEquals(1, broken.code(), broken::toString);
        String rel = bag.relativize(payload).toString();
        assertTrue(broken.out().contains("bag file changed: " + rel), broken::toString);
        assertTrue(broken.out().contains("bag NOT verified"), broken::toString);
    }

    @Test
    void queryBagHoldsTheMatchWithTheRecordsOfItsOwnCaptureAndVerifies() throws IOException {
        Path bag = tmp.resolve("visa-bag");
        Cli.Run r = cli.run("export", "bag", "--out", bag.toString(), "--query", "visa");
        assertEquals(0, r.code(), r::toString);
        assertEquals("visa", lastEntry().path("params").path("query").asText());
        assertTrue(Files.readString(bag.resolve("bag-info.txt")).contains("Tracelab-Query: visa\n"));
        Cli.Run ok = Cli.runBare("verify", "--bag", bag.toString());
        assertEquals(0, ok.code(), ok::toString);

        List<String> records = new ArrayList<>();
        try (var s = Files.list(bag.resolve("data/warc"))) {
            for (Path f : (Iterable<Path>) s.sorted()::iterator) {
                assertTrue(f.getFileName().toString().matches("item-\\d+\\.warc\\.gz"), f::toString);
                try (WarcReader reader = new WarcReader(f)) {
                    List<WarcRecord> both = new ArrayList<>();
                    reader.forEach(both::add);
                    assertEquals(2, both.size(), "its request, then its response: " + f);
                    WarcRequest request = (WarcRequest) both.get(0);
                    WarcResponse response = (WarcResponse) both.get(1);
                    assertEquals(List.of(response.id()), request.concurrentTo(), f::toString);
                    records.add(response.target());
                }
            }
        }
        assertEquals(2, records.size(), "the ad and the page it was found on, one capture each: " + records);
        assertTrue(records.stream().anyMatch(u -> u.contains("ad-2.html")), records::toString);
        assertFalse(records.stream().anyMatch(u -> u.contains("ad-1.html")), "no other capture: " + records);
    }

    @Test
    void queryBagOfACaseFromBeforeRequestOffsetsHoldsTheResponsesAloneAndVerifies() throws Exception {
        // Items captured before Tracelab kept the request record's offset say only where the response is.
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + caseDir.resolve("case.db"));
             Statement s = db.createStatement()) {
            int old = s.executeUpdate("UPDATE items SET meta = json_remove(meta, '$.warc.requestOffset')"
                    + " WHERE json_extract(meta, '$.warc.requestOffset') IS NOT NULL");
            assertTrue(old > 0, "the crawl kept request offsets");
        }
        Tamper.asOlderTracelab(caseDir); // whose entries did not yet hold the hash of each item's record
        Path bag = tmp.resolve("old-visa-bag");
        Cli.Run r = cli.run("export", "bag", "--out", bag.toString(), "--query", "visa");
        assertEquals(0, r.code(), r::toString);
        Cli.Run ok = Cli.runBare("verify", "--bag", bag.toString());
        assertEquals(0, ok.code(), ok::toString);
        List<String> types = new ArrayList<>();
        try (var files = Files.list(bag.resolve("data/warc"))) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                try (WarcReader reader = new WarcReader(f)) {
                    reader.forEach(rec -> types.add(rec.type()));
                }
            }
        }
        assertEquals(List.of("response", "response"), types);
    }

    @Test
    void malformedBagQueryIsExitTwoWithACaretAndNoFolder() throws IOException {
        Path bag = tmp.resolve("bad-bag");
        Cli.Run r = cli.run("export", "bag", "--out", bag.toString(), "--query", "visa AND (abroad");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains("query: col "), r::toString);
        assertTrue(r.err().contains("^"), r::toString);
        try (var s = Files.list(tmp)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().startsWith("bad-bag")), "nothing left behind");
        }
    }

    @Test
    void csvHasAByteOrderMarkForExcelUnlessNoBomIsGiven() throws IOException {
        Path withBom = tmp.resolve("with.csv");
        assertEquals(0, cli.run("export", "custody", "--out", withBom.toString()).code());
        assertEquals("\uFEFFseq,", Files.readString(withBom, StandardCharsets.UTF_8).substring(0, 5));
        assertTrue(lastEntry().path("params").path("bom").asBoolean());
        Path without = tmp.resolve("without.csv");
        assertEquals(0, cli.run("export", "custody", "--items", "--no-bom", "--out", without.toString()).code());
        assertTrue(Files.readString(without, StandardCharsets.UTF_8).startsWith("id,kind,"));
        assertFalse(lastEntry().path("params").path("bom").asBoolean(true));
    }

    @Test
    void waczHoldsTheWarcsAnIndexPointingAtResponsesPagesAndMatchingDigests() throws IOException {
        Path wacz = tmp.resolve("lab.wacz");
        Cli.Run r = cli.run("export", "wacz", "--out", wacz.toString());
        assertEquals(0, r.code(), r::toString);
        assertEquals("export.wacz", lastEntry().path("action").asText());
        try (ZipFile zip = new ZipFile(wacz.toFile())) {
            JsonNode dp = Json.parse(read(zip, "datapackage.json"));
            assertEquals("1.1.1", dp.path("wacz_version").asText());
            assertEquals("Training exercise: test suite", dp.path("description").asText(), "purpose in every export");
            JsonNode digest = Json.parse(read(zip, "datapackage-digest.json"));
            assertEquals("sha256:" + sha256(bytes(zip, "datapackage.json")), digest.path("hash").asText());
            for (JsonNode res : dp.path("resources")) {
                byte[] b = bytes(zip, res.path("path").asText());
                assertEquals(res.path("bytes").asLong(), b.length, res::toString);
                assertEquals(res.path("hash").asText(), "sha256:" + sha256(b), res::toString);
                assertEquals(ZipEntry.STORED, zip.getEntry(res.path("path").asText()).getMethod());
            }
            List<String> cdx = read(zip, "indexes/index.cdx").lines().toList();
            assertFalse(cdx.isEmpty());
            List<String> sorted = new ArrayList<>(cdx);
            java.util.Collections.sort(sorted);
            assertEquals(sorted, cdx, "CDXJ lines are sorted");
            for (String line : cdx) {
                String[] parts = line.split(" ", 3);
                JsonNode j = Json.parse(parts[2]);
                assertTrue(parts[0].matches("1,0,0,127:\\d+\\)/.*"), line);
                byte[] warc = bytes(zip, "archive/" + j.path("filename").asText());
                int off = j.path("offset").asInt();
                int len = j.path("length").asInt();
                try (WarcReader reader = new WarcReader(Channels.newChannel(
                        new java.io.ByteArrayInputStream(warc, off, len)))) {
                    WarcRecord rec = reader.next().orElseThrow();
                    assertTrue(rec instanceof WarcResponse, line);
                    assertEquals(j.path("url").asText(), ((WarcResponse) rec).target());
                    assertEquals(j.path("status").asText(), Integer.toString(((WarcResponse) rec).http().status()));
                }
            }
            List<String> pages = read(zip, "pages/pages.jsonl").lines().toList();
            assertEquals("json-pages-1.0", Json.parse(pages.get(0)).path("format").asText());
            assertTrue(pages.size() > 2, "the HTML pages are listed");
        }
    }

    private static String read(ZipFile zip, String name) throws IOException {
        return new String(bytes(zip, name), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(ZipFile zip, String name) throws IOException {
        ZipEntry e = zip.getEntry(name);
        assertTrue(e != null, "no " + name + " in the WACZ");
        try (InputStream in = zip.getInputStream(e)) {
            return in.readAllBytes();
        }
    }
}
