package org.tracelab.shared.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tracelab.core.Hashing;
import org.tracelab.core.Json;
import org.tracelab.shared.SharedIndex;

/**
 * Benchmark set-up, not a Tracelab feature: more published cases made inside the shared index as copies of one
 * published case's documents, each under a case id and name of its own, so a search or a correlation over many
 * 100,000-ad cases costs one publish. The copies are derived data of derived data: their custody hashes point into
 * the first case, so no hit of theirs verifies in a case folder; the bench's figures say that they are copies.
 */
final class IndexCopies {
    private static final int PAGE = 1000;
    private static final int IN_FLIGHT = 3;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private IndexCopies() {
    }

    /**
     * Writes copies {@code first} to {@code copies} (those before are in the index already) of every document of case {@code caseId}, copy k under the case id
     * {@code sha256(caseId + ":copy:" + k)} and the first case's name with " (copy k)", one copy after another; no
     * copy is started once {@code budget} has passed, so a stopped run leaves whole cases only.
     *
     * @return the number of the last copy made
     */
    static int make(String url, String caseId, int first, int copies, Duration budget)
            throws IOException, InterruptedException {
        String index = "/" + SharedIndex.INDEX;
        send(url, "PUT", index + "/_settings", "{\"index\":{\"refresh_interval\":\"-1\"}}");
        send(url, "POST", index + "/_refresh", "{}");
        long deadline = System.nanoTime() + budget.toNanos();
        int made = first - 1;
        java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(IN_FLIGHT);
        List<java.util.concurrent.CompletableFuture<Void>> pending = new java.util.ArrayList<>();
        for (int k = first; k <= copies && System.nanoTime() < deadline; k++) {
            long t0 = System.nanoTime();
            String id = Hashing.sha256Hex(caseId + ":copy:" + k);
            long written = 0;
            Object after = null;
            while (true) {
                Map<String, Object> q = new LinkedHashMap<>();
                q.put("size", PAGE);
                q.put("query", Map.of("term", Map.of("case_id", caseId)));
                q.put("sort", List.of(Map.of("item_id", "asc")));
                if (after != null) {
                    q.put("search_after", List.of(after));
                }
                JsonNode hits = send(url, "POST", index + "/_search", Json.write(q)).path("hits").path("hits");
                if (hits.isEmpty()) {
                    break;
                }
                StringBuilder bulk = new StringBuilder();
                for (JsonNode h : hits) {
                    ObjectNode doc = ((ObjectNode) h.path("_source")).deepCopy();
                    String key = id + ":" + doc.path("item_id").asLong();
                    doc.put("case_id", id);
                    doc.put("case_name", doc.path("case_name").asText() + " (copy " + k + ")");
                    doc.put("item_key", key);
                    bulk.append(Json.write(Map.of("index", Map.of("_index", SharedIndex.INDEX, "_id", key))))
                            .append('\n').append(Json.write(doc)).append('\n');
                }
                // A few requests in flight: the node indexes one on each core while the next is made.
                inFlight.acquire();
                pending.add(sendAsync(url, "/_bulk", bulk.toString()).whenComplete((r, e) -> inFlight.release()));
                pending.removeIf(java.util.concurrent.CompletableFuture::isDone);
                written += hits.size();
                after = hits.get(hits.size() - 1).path("sort").get(0).asLong();
            }
            for (var p : pending) {
                p.join();
            }
            pending.clear();
            made = k;
            System.out.printf(java.util.Locale.ROOT, "BENCH copy %d: %,d documents in %.1f s; load average %s%n", k,
                    written, (System.nanoTime() - t0) / 1e9, java.nio.file.Files.readString(
                            java.nio.file.Path.of("/proc/loadavg")).strip());
        }
        removeCopies(url, caseId, made + 1, copies);
        send(url, "PUT", index + "/_settings", "{\"index\":{\"refresh_interval\":null}}");
        send(url, "POST", index + "/_refresh", "{}");
        return made;
    }

    /** Deletes whatever an earlier, stopped run wrote of copies {@code from} to {@code to}: no half case is left. */
    private static void removeCopies(String url, String caseId, int from, int to)
            throws IOException, InterruptedException {
        if (from > to) {
            return;
        }
        Object after = null;
        while (true) {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("size", PAGE * 5);
            q.put("_source", false);
            q.put("query", Map.of("term", Map.of("case_id", caseId)));
            q.put("sort", List.of(Map.of("item_id", "asc")));
            if (after != null) {
                q.put("search_after", List.of(after));
            }
            JsonNode hits = send(url, "POST", "/" + SharedIndex.INDEX + "/_search", Json.write(q))
                    .path("hits").path("hits");
            if (hits.isEmpty()) {
                return;
            }
            StringBuilder bulk = new StringBuilder();
            for (int k = from; k <= to; k++) {
                String id = Hashing.sha256Hex(caseId + ":copy:" + k);
                for (JsonNode h : hits) {
                    bulk.append(Json.write(Map.of("delete", Map.of("_index", SharedIndex.INDEX, "_id",
                            id + ":" + h.path("sort").get(0).asLong())))).append('\n');
                }
            }
            send(url, "POST", "/_bulk", bulk.toString());
            after = hits.get(hits.size() - 1).path("sort").get(0).asLong();
        }
    }

    /** The index's documents, segments and size, as {@code _cat/indices} gives them. */
    static String describe(String url) throws IOException, InterruptedException {
        JsonNode stats = send(url, "GET", "/" + SharedIndex.INDEX + "/_stats/docs,store,segments", null)
                .path("_all").path("primaries");
        return String.format(java.util.Locale.ROOT, "%,d documents, %d segments, %.2f GB",
                stats.path("docs").path("count").asLong(), stats.path("segments").path("count").asLong(),
                stats.path("store").path("size_in_bytes").asLong() / 1e9);
    }

    /** A bulk request in the background; its future fails when the node refused any document. */
    private static java.util.concurrent.CompletableFuture<Void> sendAsync(String url, String path, String body) {
        HttpRequest r = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofMinutes(10))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return HTTP.sendAsync(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).thenAccept(a -> {
            if (a.statusCode() >= 300 || Json.parse(a.body()).path("errors").asBoolean()) {
                throw new IllegalStateException("bulk copy refused: HTTP " + a.statusCode() + " "
                        + a.body().substring(0, Math.min(500, a.body().length())));
            }
        });
    }

    private static JsonNode send(String url, String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofMinutes(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            b.header("Content-Type", path.equals("/_bulk") ? "application/x-ndjson" : "application/json");
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() >= 300) {
            throw new IOException(method + " " + path + ": HTTP " + r.statusCode() + " "
                    + r.body().substring(0, Math.min(500, r.body().length())));
        }
        return Json.parse(r.body());
    }
}
