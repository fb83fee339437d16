package org.tracelab.shared;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tracelab.core.Json;
import org.tracelab.core.TracelabException;
import org.tracelab.core.analysis.CaseAnalyzers;
import org.tracelab.core.entities.EntityType;

/**
 * The shared index on one OpenSearch 3.x cluster: checked on connecting (a cluster of another kind or version is one
 * line naming its URL and what it is), made with Tracelab's mapping when missing, and refused with the field at fault
 * when an older Tracelab made it otherwise. Derived data: every document can be made again from its case.
 */
public final class SharedIndex {
    /** The index every case is published to. */
    public static final String INDEX = "tracelab-items";
    /**
     * The version of the mapping below, kept in the index's {@code _meta}; a change of a field's type or analyzer
     * takes a new number, and an index of another number is refused with how to rebuild it.
     */
    public static final int MAPPING_VERSION = 3;
    /** The text fields a free-text query searches, as in a case index. */
    static final List<String> TEXT_FIELDS = CaseAnalyzers.TEXT_FIELDS;

    private final ClusterHttp http;
    private final String version;

    private SharedIndex(ClusterHttp http, String version) {
        this.http = http;
        this.version = version;
    }

    /** Connects to the cluster and checks that it is OpenSearch 3.x; an I/O failure naming the URL otherwise. */
    public static SharedIndex connect(SharedCluster cluster) {
        ClusterHttp http = new ClusterHttp(cluster);
        ClusterHttp.Answer a = http.get("/");
        JsonNode v = a.body().path("version");
        String distribution = v.path("distribution").asText("elasticsearch");
        String number = v.path("number").asText("");
        if (!a.ok() || number.isEmpty()) {
            throw new TracelabException(TracelabException.Failure.IO, "shared index at " + cluster + ": found no "
                    + "OpenSearch there (" + a.reason() + "); Tracelab needs OpenSearch 3.x");
        }
        if (!distribution.equals("opensearch") || !number.startsWith("3.")) {
            throw new TracelabException(TracelabException.Failure.IO, "shared index at " + cluster + ": found "
                    + (distribution.equals("opensearch") ? "OpenSearch " : "Elasticsearch ") + number
                    + "; Tracelab needs OpenSearch 3.x (same Lucene as the cases)");
        }
        return new SharedIndex(http, number);
    }

    /** The cluster's OpenSearch version. */
    public String version() {
        return version;
    }

    public SharedCluster cluster() {
        return http.cluster();
    }

    ClusterHttp http() {
        return http;
    }

    /**
     * True when the index exists (it is made by the first publish). Asked with an empty search, not by reading the
     * mapping: a trainee's read-only role on a cluster with the security plugin allows searches and nothing else.
     */
    public boolean exists() {
        int status = http.post("/" + INDEX + "/_search", Map.of("size", 0, "track_total_hits", false)).status();
        if (status == 404) {
            return false;
        }
        if (status >= 300) {
            throw new TracelabException(TracelabException.Failure.IO, "shared index at " + cluster() + ": cannot read"
                    + " index " + INDEX + " (HTTP " + status + ")");
        }
        return true;
    }

    /** Makes the index when missing; refuses one made with another mapping, naming the field and how to rebuild. */
    public void ensure() {
        ClusterHttp.Answer m = http.get("/" + INDEX + "/_mapping");
        if (m.status() == 404) {
            ClusterHttp.Answer made = http.put("/" + INDEX, definition());
            if (!made.ok() && !made.reason().contains("resource_already_exists")
                    && !made.body().path("error").path("type").asText().equals("resource_already_exists_exception")) {
                String reason = made.reason();
                throw new TracelabException(TracelabException.Failure.IO, "shared index at " + cluster()
                        + ": cannot make index " + INDEX + ": " + reason + (reason.contains("analyzer")
                        ? "; install Tracelab's analysis plugin on the cluster (shared-node's jar, see README)" : ""));
            }
            return;
        }
        if (!m.ok()) {
            throw new TracelabException(TracelabException.Failure.IO, "shared index at " + cluster() + ": cannot read"
                    + " the mapping of " + INDEX + ": " + m.reason());
        }
        checkMapping(m.body().path(INDEX).path("mappings"));
    }

    /**
     * Compares the index's mapping with this Tracelab's, field by field: a field of another type or analyzer is a
     * conflict (named, with how to reindex); fields only missing are added, as an older Tracelab's index lacks them.
     */
    private void checkMapping(JsonNode existing) {
        int found = existing.path("_meta").path("tracelab_mapping").asInt(0);
        JsonNode want = Json.tree(mapping()).path("properties");
        JsonNode have = existing.path("properties");
        boolean missing = false;
        for (var it = want.properties().iterator(); it.hasNext(); ) {
            var e = it.next();
            JsonNode h = have.path(e.getKey());
            if (h.isMissingNode()) {
                missing = true;
                continue;
            }
            String wantType = e.getValue().path("type").asText("object");
            String haveType = h.path("type").asText("object");
            String wantAnalyzer = e.getValue().path("analyzer").asText("");
            String haveAnalyzer = h.path("analyzer").asText("");
            if (!wantType.equals(haveType) || !wantAnalyzer.equals(haveAnalyzer)) {
                throw conflict(found, "field '" + e.getKey() + "' is " + describe(haveType, haveAnalyzer)
                        + " there, this Tracelab needs " + describe(wantType, wantAnalyzer));
            }
        }
        if (found > MAPPING_VERSION) {
            throw conflict(found, "its mapping is version " + found + ", this Tracelab knows up to " + MAPPING_VERSION);
        }
        if (missing || found != MAPPING_VERSION) {
            ClusterHttp.Answer a = http.put("/" + INDEX + "/_mapping", mapping());
            if (!a.ok()) {
                throw conflict(found, "its mapping cannot take this Tracelab's fields: " + a.reason());
            }
        }
    }

    private static String describe(String type, String analyzer) {
        return type + (analyzer.isEmpty() ? "" : " (analyzer " + analyzer + ")");
    }

    private TracelabException conflict(int found, String what) {
        return new TracelabException(TracelabException.Failure.IO, "shared index at " + cluster() + ": index "
                + INDEX + " was made by " + (found < MAPPING_VERSION ? "an older" : "a newer") + " Tracelab: "
                + what + "; to reindex, delete it (DELETE " + cluster() + "/" + INDEX + ", derived data) and run"
                + " 'tracelab shared publish' in each case again");
    }

    /** The index's settings and mapping. */
    static Map<String, Object> definition() {
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("number_of_shards", 1);
        // No replica on one node, one when a second node joins: green on a laptop, safe on a cluster.
        index.put("auto_expand_replicas", "0-1");
        return Map.of("settings", Map.of("index", index), "mappings", mapping());
    }

    static Map<String, Object> mapping() {
        Map<String, Object> p = new LinkedHashMap<>();
        for (String k : List.of(Fields.CASE_ID, Fields.CASE_NAME, Fields.ITEM_KEY, Fields.SHA256, Fields.CUSTODY_HASH,
                Fields.KIND, Fields.COLLECTOR, Fields.HOST, Fields.LANG, Fields.TAGS, Fields.ENTITIES, Fields.ENTITY_FORMS,
                Fields.IMAGE_PDQ, Fields.FINGERPRINT)) {
            p.put(k, Map.of("type", "keyword"));
        }
        p.put(Fields.CASE_PURPOSE, Map.of("type", "keyword", "index", false));
        p.put(Fields.CASE_EXAMINER, Map.of("type", "keyword", "index", false));
        p.put(Fields.SOURCE, Map.of("type", "keyword", "index", false));
        p.put(Fields.LANGUAGE, Map.of("type", "keyword", "index", false));
        p.put(Fields.ITEM_ID, Map.of("type", "long"));
        p.put(Fields.CAPTURE, Map.of("type", "long"));
        p.put(Fields.CAPTURED, Map.of("type", "date", "format", "epoch_millis"));
        List<String> allText = List.of(CaseAnalyzers.TEXT, CaseAnalyzers.TEXT_RU, CaseAnalyzers.TEXT_EN);
        p.put(Fields.TITLE, Map.of("type", "text", "analyzer", "tracelab_text_index", "search_analyzer",
                "tracelab_text", "copy_to", allText));
        // Not indexed (the text fields it is copied to are), but analysed as they are, for the hits' passages.
        p.put(Fields.FULL_TEXT, Map.of("type", "text", "index", false, "analyzer", "tracelab_text_index",
                "search_analyzer", "tracelab_text", "copy_to", allText));
        p.put(Fields.MAIN_TEXT, Map.of("type", "text", "analyzer", "tracelab_text_index", "search_analyzer",
                "tracelab_text"));
        p.put(CaseAnalyzers.TEXT, Map.of("type", "text", "analyzer", "tracelab_text_index", "search_analyzer",
                "tracelab_text"));
        p.put(CaseAnalyzers.TEXT_RU, Map.of("type", "text", "analyzer", "tracelab_ru_index", "search_analyzer",
                "tracelab_ru"));
        p.put(CaseAnalyzers.TEXT_EN, Map.of("type", "text", "analyzer", "tracelab_en_index", "search_analyzer",
                "tracelab_en"));
        Map<String, Object> entity = new LinkedHashMap<>();
        for (EntityType t : EntityType.values()) {
            entity.put(t.cliName(), Map.of("type", "keyword"));
            // The case's query names (phone:, telegram:...) work across cases too.
            p.put(t.cliName(), Map.of("type", "alias", "path", Fields.ENTITY + "." + t.cliName()));
        }
        p.put(Fields.ENTITY, Map.of("properties", entity));
        p.put("tag", Map.of("type", "alias", "path", Fields.TAGS));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dynamic", "strict");
        m.put("_meta", Map.of("tracelab_mapping", MAPPING_VERSION));
        m.put("properties", p);
        return m;
    }

    /**
     * Turns the index's periodic refresh off while a publish sends, so the node does not make a segment of every
     * second's documents, and back to the cluster's default when it ends; the publish refreshes once at its end. The
     * refresh interval is Tracelab's to set: a publish killed half-way leaves it off until the next publish
     * ends, while searches still see everything published before (each publish ends with a refresh).
     */
    AutoCloseable refreshOff() {
        setRefreshInterval("-1");
        return () -> setRefreshInterval(null);
    }

    private void setRefreshInterval(String interval) {
        Map<String, Object> refresh = new HashMap<>();
        refresh.put("refresh_interval", interval);
        ClusterHttp.Answer a = http.put("/" + INDEX + "/_settings", Map.of("index", refresh));
        if (!a.ok()) {
            throw new TracelabException(TracelabException.Failure.IO, "shared index at " + cluster() + ": setting "
                    + "the refresh interval of " + INDEX + " failed: " + a.reason());
        }
    }

    /** Makes what was published searchable now. */
    void refresh() {
        ClusterHttp.Answer a = http.post("/" + INDEX + "/_refresh", Map.of());
        if (!a.ok()) {
            throw new TracelabException(TracelabException.Failure.IO, "shared index at " + cluster() + ": refresh "
                    + "failed: " + a.reason());
        }
    }

    /**
     * Removes every document of one case; returns how many. Found and deleted by id in bulk, not by
     * {@code _delete_by_query}, which lives in a module a cluster may lack.
     */
    public long unpublish(String caseId) {
        if (!exists()) {
            return 0;
        }
        List<Long> ids = List.copyOf(fingerprints(caseId).keySet());
        for (int i = 0; i < ids.size(); i += 1000) {
            StringBuilder body = new StringBuilder();
            for (long id : ids.subList(i, Math.min(ids.size(), i + 1000))) {
                body.append(Json.write(Map.of("delete", Map.of("_index", INDEX, "_id", CaseDocuments.key(caseId, id)))))
                        .append('\n');
            }
            ClusterHttp.Answer a = http.bulk(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (!a.ok() || a.body().path("errors").asBoolean()) {
                throw new TracelabException(TracelabException.Failure.IO, "shared index at " + cluster() + ": removing"
                        + " case " + caseId + " failed: " + (a.ok() ? "some documents were refused" : a.reason()));
            }
        }
        refresh();
        return ids.size();
    }

    /** The fingerprint of every document the index holds of the case, by item id. */
    Map<Long, String> fingerprints(String caseId) {
        Map<Long, String> held = new HashMap<>();
        // What a killed publish sent last may not be searchable yet: made so, it is not sent again.
        refresh();
        Object after = null;
        while (true) {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("size", 5000);
            q.put("_source", List.of(Fields.ITEM_ID, Fields.FINGERPRINT));
            q.put("query", Map.of("term", Map.of(Fields.CASE_ID, caseId)));
            q.put("sort", List.of(Map.of(Fields.ITEM_ID, "asc")));
            if (after != null) {
                q.put("search_after", List.of(after));
            }
            ClusterHttp.Answer a = http.post("/" + SharedIndex.INDEX + "/_search", q);
            if (!a.ok()) {
                throw new TracelabException(TracelabException.Failure.IO, "shared index at " + cluster()
                        + ": reading what case " + caseId + " published failed: " + a.reason());
            }
            JsonNode hits = a.body().path("hits").path("hits");
            if (hits.isEmpty()) {
                return held;
            }
            for (JsonNode h : hits) {
                held.put(h.path("_source").path(Fields.ITEM_ID).asLong(),
                        h.path("_source").path(Fields.FINGERPRINT).asText());
            }
            after = hits.get(hits.size() - 1).path("sort").get(0).asLong();
        }
    }
}
