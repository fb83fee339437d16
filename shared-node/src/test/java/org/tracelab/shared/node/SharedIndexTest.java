package org.tracelab.shared.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Json;

/**
 * A real node started and stopped as {@code tracelab shared start|stop} does, and two fictitious cases published to
 * it: identifiers across cases, the same items for the same query in a
 * case and in the shared index, re-publish as a no-op, and unpublish of exactly one case. The node starts once for
 * the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedIndexTest {
    private SharedCli cli;
    private Path node;
    private Path caseA;
    private Path caseB;
    private String url;

    @BeforeAll
    void twoCasesPublished(@TempDir Path tmp) throws IOException {
        node = tmp.resolve("node");
        cli = new SharedCli(node);
        SharedCli.Run start = cli.run("--json", "shared", "start", "--port", "0");
        assertEquals(0, start.code(), start::toString);
        JsonNode started = Json.parse(start.out().strip());
        assertEquals("3.9.0", started.path("version").asText(), start::toString);
        url = started.path("url").asText();
        assertTrue(url.startsWith("http://127.0.0.1:"), url);
        caseA = cli.newCase(tmp, "a", "Case A (fictitious)", List.of(
                "Вымышленное объявление. Ишга марҳамат! Дубайда меҳмонхонага ходимлар керак. Телефон +998 90 555 00 12",
                "Fictitious ad. Selling a grey sofa, pick-up from Tashkent. Phone +998 97 555 31 31"));
        caseB = cli.newCase(tmp, "b", "Case B (fictitious)", List.of(
                "Fictitious ad. Ish bor: Istanbulda ofitsiantlar. Qo'ng'iroq qiling 8 (90) 555-00-12",
                "Fictitious ad. Maths lessons for pupils, call 93 555 77 01"));
        for (Path c : List.of(caseA, caseB)) {
            SharedCli.Run p = cli.inCase(c, "--json", "shared", "publish");
            assertEquals(0, p.code(), p::toString);
            assertEquals(2, Json.parse(p.out().strip()).path("sent").asLong(), p::toString);
        }
    }

    /** Stops the node as 'tracelab shared stop' does, and checks it is gone. */
    @AfterAll
    void stopCleanly() {
        if (cli == null) {
            return;
        }
        SharedCli.Run stop = cli.run("shared", "stop");
        assertEquals(0, stop.code(), stop::toString);
        SharedCli.Run after = cli.run("shared", "status");
        assertEquals(1, after.code(), after::toString);
        assertFalse(Files.exists(node.resolve("node.json")), "node.json left behind");
    }

    @Test
    @Order(0)
    void statusNamesTheRunningNodeAndASecondNodeOnItsFolderIsRefused() {
        SharedCli.Run status = cli.run("shared", "status");
        assertEquals(0, status.code(), status::toString);
        assertTrue(status.out().contains(url), status::toString);
        SharedCli.Run second = cli.run("shared", "start", "--port", "0");
        assertEquals(3, second.code(), second::toString);
        assertTrue(second.err().contains("is held by the node already running there"), second::toString);
    }

    @Test
    @Order(1)
    void aPhoneWrittenTwoWaysInTwoCasesIsFoundInBothWithEachCasesWrittenForm() {
        SharedCli.Run r = cli.run("--json", "entities", "--shared", "--min-cases", "2");
        assertEquals(0, r.code(), r::toString);
        List<JsonNode> lines = r.out().lines().map(Json::parse).toList();
        assertEquals(1, lines.size(), r::toString);
        JsonNode phone = lines.get(0);
        assertEquals("phone", phone.path("type").asText());
        assertEquals("+998905550012", phone.path("value").asText());
        java.util.Map<String, String> forms = new java.util.TreeMap<>();
        phone.path("cases").forEach(c -> forms.put(c.path("case").asText(), c.path("forms").toString()));
        assertEquals(java.util.Map.of("Case A (fictitious)", "[\"+998 90 555 00 12\"]",
                "Case B (fictitious)", "[\"8 (90) 555-00-12\"]"), forms, r::toString);
        SharedCli.Run text = cli.run("entities", "--shared", "--min-cases", "2");
        assertTrue(text.out().contains("Case A (fictitious) (1) as +998 90 555 00 12")
                && text.out().contains("Case B (fictitious) (1) as 8 (90) 555-00-12"), text::toString);
    }

    @Test
    @Order(1)
    void linksAcrossCasesTieTheTwoAdsOfTheSharedPhone() {
        SharedCli.Run r = cli.run("--json", "links", "--shared", "--min-cases", "2");
        assertEquals(0, r.code(), r::toString);
        List<JsonNode> clusters = r.out().lines().map(Json::parse).toList();
        assertEquals(1, clusters.size(), r::toString);
        assertEquals("[\"phone:+998905550012\"]", clusters.get(0).path("shared").toString());
        assertEquals("[\"Case A (fictitious)\",\"Case B (fictitious)\"]", clusters.get(0).path("cases").toString());
        SharedCli.Run graphml = cli.run("links", "--shared", "--format", "graphml");
        assertTrue(graphml.out().contains("<graphml") && graphml.out().contains("+998905550012"), graphml::toString);
    }

    @Test
    @Order(2)
    void theSameQueryFindsTheSameItemsInTheCaseAndInTheSharedIndex() {
        // A Latin query, a Cyrillic ad; a Russian form; an English stem; a phrase.
        for (String q : List.of("ishga", "объявления", "sofas", "\"grey sofa\"", "ish*", "phone:\"+998905550012\"")) {
            SharedCli.Run shared = cli.run("--json", "search", q, "--shared", url, "--limit", "100");
            assertEquals(ids(cli.inCase(caseA, "--json", "search", q), null), ids(shared, "Case A (fictitious)"),
                    "query " + q + " in case A");
            assertEquals(ids(cli.inCase(caseB, "--json", "search", q), null), ids(shared, "Case B (fictitious)"),
                    "query " + q + " in case B");
        }
        assertFalse(ids(cli.run("--json", "search", "ishga", "--shared"), "Case A (fictitious)").isEmpty(),
                "the Latin query found no Cyrillic ad");
    }

    @Test
    @Order(2)
    void aSharedHitShowsItsMatchMarkedInAPassageOfItsTextAndItsCasesPurpose() {
        // A Latin query, its match in Cyrillic: marked as the case marks it.
        SharedCli.Run r = cli.run("--json", "search", "ishga", "--shared", url);
        assertEquals(0, r.code(), r::toString);
        JsonNode hit = r.out().lines().map(Json::parse)
                .filter(j -> j.path("case").asText().equals("Case A (fictitious)")).findFirst().orElseThrow();
        assertTrue(hit.path("passages").toString().contains("«Ишга» марҳамат"), hit::toString);
        // Each document carries its case's purpose, as the case recorded it.
        assertEquals("Training exercise: test suite (fictitious)", hit.path("purpose").asText(), hit::toString);
        SharedCli.Run text = cli.run("search", "ishga", "--shared", url);
        assertTrue(text.out().contains("«Ишга»"), text::toString);
    }

    /** The item ids of a search's hits, only those of case {@code caseName} when given. */
    private static Set<Long> ids(SharedCli.Run r, String caseName) {
        assertEquals(0, r.code(), r::toString);
        Set<Long> ids = new TreeSet<>();
        r.out().lines().filter(l -> !l.isBlank()).map(Json::parse)
                .filter(j -> caseName == null || caseName.equals(j.path("case").asText()))
                .forEach(j -> ids.add(j.path("id").asLong()));
        return ids;
    }

    @Test
    @Order(3)
    void publishingAgainSendsNothingAndLogsNothing() {
        long before = logEntries(caseA);
        SharedCli.Run again = cli.inCase(caseA, "--json", "shared", "publish");
        assertEquals(0, again.code(), again::toString);
        JsonNode j = Json.parse(again.out().strip());
        assertEquals(0, j.path("sent").asLong(), again::toString);
        assertEquals(2, j.path("unchanged").asLong(), again::toString);
        assertEquals(before, logEntries(caseA), "a no-op publish wrote to the custody log");
    }

    @Test
    @Order(4)
    void aTagAddedLaterIsPublishedAloneAndLogged() throws IOException {
        long before = logEntries(caseB);
        assertEquals(0, cli.inCase(caseB, "tag", "1", "suspicious").code());
        SharedCli.Run p = cli.inCase(caseB, "--json", "shared", "publish");
        assertEquals(1, Json.parse(p.out().strip()).path("sent").asLong(), p::toString);
        assertEquals(before + 2, logEntries(caseB), "one entry for the tag, one for the batch");
        SharedCli.Run tagged = cli.run("--json", "search", "tag:suspicious", "--shared");
        assertEquals(Set.of(1L), ids(tagged, "Case B (fictitious)"), tagged::toString);
        Path log = caseB.resolveSibling("b-custody.jsonl");
        SharedCli.Run export = cli.inCase(caseB, "export", "custody", "--format", "jsonl", "--out", log.toString());
        assertEquals(0, export.code(), export::toString);
        List<JsonNode> batches = Files.readAllLines(log).stream().map(Json::parse)
                .filter(e -> e.path("action").asText().equals("shared.publish")).toList();
        assertEquals(2, batches.size(), "the first publish and the tag's");
        assertEquals("1", batches.get(1).path("params").path("items").asText(), batches.get(1)::toString);
        assertEquals(64, batches.get(1).path("params").path("bodySha256").asText().length());
        assertFalse(batches.get(1).toString().contains("PASSWORD"), "credentials in the log");
    }

    @Test
    @Order(5)
    void unpublishRemovesExactlyOneCaseAndLogsIt() {
        long before = logEntries(caseA);
        SharedCli.Run u = cli.inCase(caseA, "--json", "shared", "unpublish");
        assertEquals(0, u.code(), u::toString);
        assertEquals(2, Json.parse(u.out().strip()).path("deleted").asLong(), u::toString);
        assertEquals(before + 1, logEntries(caseA));
        SharedCli.Run all = cli.run("--json", "search", "fictitious OR вымышленное", "--shared");
        assertTrue(ids(all, "Case A (fictitious)").isEmpty(), all::toString);
        assertEquals(Set.of(1L, 2L), ids(all, "Case B (fictitious)"), all::toString);
        SharedCli.Run none = cli.run("--json", "entities", "--shared", "--min-cases", "2");
        assertEquals("", none.out().strip(), none::toString);
    }

    @Test
    @Order(6)
    void aPublishKilledHalfWayResumesWhereItStopped(@TempDir Path tmp) throws Exception {
        List<String> ads = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ads.add("Fictitious ad number " + i + ". Ish bor, call 91 555 10 " + (10 + i));
        }
        Path caseC = cli.newCase(tmp, "c", "Case C (fictitious)", ads);
        Process publisher;
        try (HoldingProxy proxy = new HoldingProxy(url, 3)) {
            publisher = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "org.tracelab.cli.Tracelab", "--case",
                    caseC.toString(), "shared", "publish", "--shared", proxy.url(), "--batch", "2")
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("publisher.log").toFile()).start();
            assertTrue(proxy.awaitHolding(120), () -> "the publisher never sent its fourth batch: "
                    + readQuietly(tmp.resolve("publisher.log")));
            publisher.destroyForcibly().waitFor(); // SIGKILL, the fourth batch logged and not yet sent
        }
        assertEquals(0, cli.inCase(caseC, "verify").code(), "the case does not verify after SIGKILL");
        SharedCli.Run resumed = cli.inCase(caseC, "--json", "shared", "publish", "--shared", url, "--batch", "2");
        assertEquals(0, resumed.code(), resumed::toString);
        JsonNode r = Json.parse(resumed.out().strip());
        assertEquals(6, r.path("unchanged").asLong(), resumed::toString);
        assertEquals(6, r.path("sent").asLong(), resumed::toString);
        SharedCli.Run all = cli.run("--json", "search", "ish", "--shared", url, "--limit", "100");
        assertEquals(12, ids(all, "Case C (fictitious)").size(), all::toString);
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }

    private long logEntries(Path c) {
        SharedCli.Run info = cli.inCase(c, "--json", "case", "info");
        assertEquals(0, info.code(), info::toString);
        return Json.parse(info.out()).path("logEntries").asLong();
    }
}
