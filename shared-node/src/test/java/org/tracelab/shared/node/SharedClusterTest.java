package org.tracelab.shared.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Json;

/**
 * Two nodes started by {@code tracelab shared start}, the second with {@code --join}, forming one cluster: cases
 * published through Tracelab's client, the node holding the index's primary killed (SIGKILL), and every acknowledged
 * document still found, by search and by identifiers across cases, from the other node's replica. Every wait is on
 * the cluster's health, never on a clock.
 */
class SharedClusterTest {
    private static final String ALL = "fictitious OR вымышленное";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aNodeKilledLeavesEveryAcknowledgedDocumentSearchableOnTheOther(@TempDir Path tmp) throws Exception {
        SharedCli manager = new SharedCli(tmp.resolve("manager"));
        SharedCli joiner = new SharedCli(tmp.resolve("joiner"));
        JsonNode m = started(manager.run("--json", "shared", "start", "--port", "0"));
        try {
            JsonNode d = started(joiner.run("--json", "shared", "start", "--port", "0", "--join",
                    m.path("transport").asText()));
            String managerUrl = m.path("url").asText();
            String dataUrl = d.path("url").asText();
            assertEquals("data", d.path("role").asText(), d::toString);
            health(managerUrl, "wait_for_nodes=2");

            // The index is made while the manager may hold none of it: its primary lands on the node to be killed.
            settings(managerUrl, "\"" + m.path("name").asText() + "\"");
            Path caseA = manager.newCase(tmp, "a", "Case A (fictitious)", List.of(
                    "Вымышленное объявление. Дубайда меҳмонхонага ходимлар керак. Телефон +998 90 555 00 12",
                    "Fictitious ad. Selling a grey sofa, pick-up from Tashkent. Phone +998 97 555 31 31"));
            published(2, manager.inCase(caseA, "--json", "shared", "publish", "--shared", managerUrl));
            settings(managerUrl, "null");
            health(managerUrl, "wait_for_status=green&wait_for_nodes=2&wait_for_no_initializing_shards=true");

            // Published through the node to be killed: acknowledged once both copies hold it.
            Path caseB = manager.newCase(tmp, "b", "Case B (fictitious)", List.of(
                    "Fictitious ad. Ish bor: Istanbulda ofitsiantlar. Qo'ng'iroq qiling 8 (90) 555-00-12",
                    "Fictitious ad. Maths lessons for pupils, call 93 555 77 01",
                    "Fictitious ad. Hotel staff wanted, visa paid"));
            published(3, manager.inCase(caseB, "--json", "shared", "publish", "--shared", dataUrl));
            List<String> before = shards(managerUrl);
            assertEquals(List.of(d.path("name").asText() + " p STARTED", m.path("name").asText() + " r STARTED"),
                    before, "the primary on the joined node, the replica on the manager");

            ProcessHandle killed = ProcessHandle.of(d.path("pid").asLong()).orElseThrow();
            killed.destroyForcibly();
            killed.onExit().get();
            health(managerUrl, "wait_for_nodes=1&wait_for_status=green");
            assertEquals(List.of(m.path("name").asText() + " p STARTED"), shards(managerUrl),
                    "the manager's replica, now the primary");

            SharedCli.Run all = manager.run("--json", "search", ALL, "--shared", managerUrl, "--limit", "100");
            assertEquals(Set.of("Case A (fictitious):1", "Case A (fictitious):2", "Case B (fictitious):1",
                    "Case B (fictitious):2", "Case B (fictitious):3"), hits(all), all::toString);
            SharedCli.Run phone = manager.run("--json", "entities", "--shared", managerUrl, "--min-cases", "2");
            assertEquals(0, phone.code(), phone::toString);
            assertEquals("+998905550012", Json.parse(phone.out().lines().findFirst().orElse("{}"))
                    .path("value").asText(), phone::toString);

            // The cluster still takes writes with one node left.
            Path caseC = manager.newCase(tmp, "c", "Case C (fictitious)", List.of("Fictitious ad. Ish bor."));
            published(1, manager.inCase(caseC, "--json", "shared", "publish", "--shared", managerUrl));
            assertEquals(6, hits(manager.run("--json", "search", ALL, "--shared", managerUrl, "--limit", "100"))
                    .size());
        } finally {
            joiner.run("shared", "stop");
            SharedCli.Run stop = manager.run("shared", "stop");
            assertEquals(0, stop.code(), stop::toString);
        }
    }

    private static JsonNode started(SharedCli.Run r) {
        assertEquals(0, r.code(), r::toString);
        return Json.parse(r.out().strip());
    }

    private static void published(int sent, SharedCli.Run r) {
        assertEquals(0, r.code(), r::toString);
        assertEquals(sent, Json.parse(r.out().strip()).path("sent").asLong(), r::toString);
    }

    /** Waits for the cluster's health to reach what {@code query} asks (OpenSearch waits, up to a minute). */
    private void health(String url, String query) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/_cluster/health?" + query
                + "&timeout=60s")).timeout(Duration.ofSeconds(90)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode h = Json.parse(r.body());
        assertEquals(200, r.statusCode(), () -> "cluster health never reached " + query + ": " + r.body());
        assertTrue(!h.path("timed_out").asBoolean(), () -> "cluster health never reached " + query + ": " + r.body());
    }

    /** Keeps shards off the named node ({@code "name"}), or lets them anywhere again ({@code null}). */
    private void settings(String url, String excludedName) throws IOException, InterruptedException {
        String body = "{\"persistent\":{\"cluster.routing.allocation.exclude._name\":" + excludedName + "}}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/_cluster/settings"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r::body);
    }

    /** The shard copies of the shared index: node, primary or replica, state; primary first. */
    private List<String> shards(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url
                + "/_cat/shards/tracelab-items?format=json")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r::body);
        List<String> copies = new ArrayList<>();
        Json.parse(r.body()).forEach(s -> copies.add(s.path("node").asText() + " " + s.path("prirep").asText() + " "
                + s.path("state").asText()));
        copies.sort((a, b) -> a.contains(" p ") == b.contains(" p ") ? a.compareTo(b) : a.contains(" p ") ? -1 : 1);
        return copies;
    }

    /** The hits of a shared search as {@code case:item}. */
    private static Set<String> hits(SharedCli.Run r) {
        assertEquals(0, r.code(), r::toString);
        Set<String> hits = new TreeSet<>();
        r.out().lines().filter(l -> !l.isBlank()).map(Json::parse)
                .forEach(j -> hits.add(j.path("case").asText() + ":" + j.path("id").asLong()));
        return hits;
    }
}
