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
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private IndexCopies() {
    }

    /**
     * Writes {@code copies} copies of every document of case {@code caseId}, copy k under the case id
     * {@code sha256(caseId + ":copy:" + k)} and the first case's name with " (copy k)"; reads each page once.
     *
     * @return how many documents were written
     */
    static long make(String url, String caseId, int copies) throws IOException, InterruptedException {
        String index = "/" + SharedIndex.INDEX;
        send(url, "PUT", index + "/_settings", "{\"index\":{\"refresh_interval\":\"-1\"}}");
        send(url, "POST", index + "/_refresh", "{}");
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
            for (int k = 1; k <= copies; k++) {
                String id = Hashing.sha256Hex(caseId + ":copy:" + k);
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
                JsonNode r = send(url, "POST", "/_bulk", bulk.toString());
                if (r.path("errors").asBoolean()) {
                    throw new IOException("bulk copy refused documents: " + r.toString().substring(0, 500));
                }
                written += hits.size();
            }
            after = hits.get(hits.size() - 1).path("sort").get(0).asLong();
        }
        send(url, "PUT", index + "/_settings", "{\"index\":{\"refresh_interval\":null}}");
        send(url, "POST", index + "/_refresh", "{}");
        return written;
    }

    /** The index's documents, segments and size, as {@code _cat/indices} gives them. */
    static String describe(String url) throws IOException, InterruptedException {
        JsonNode stats = send(url, "GET", "/" + SharedIndex.INDEX + "/_stats/docs,store,segments", null)
                .path("_all").path("primaries");
        return String.format(java.util.Locale.ROOT, "%,d documents, %d segments, %.2f GB",
                stats.path("docs").path("count").asLong(), stats.path("segments").path("count").asLong(),
                stats.path("store").path("size_in_bytes").asLong() / 1e9);
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
