package org.tracelab.shared;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tracelab.core.TracelabException;
import org.tracelab.core.analysis.CaseAnalyzers;

/** Questions asked across every published case: a search whose hits name their case, and identifiers seen in several. */
public final class CrossCaseSearch {
    private final SharedIndex index;

    public CrossCaseSearch(SharedIndex index) {
        this.index = index;
    }

    /**
     * One item of one case that matched.
     *
     * @param caseId      its case's id (the hash of the case's first custody entry)
     * @param caseName    its case's name
     * @param casePurpose the purpose its case was published under
     * @param itemId      the item's id in its case
     * @param score       relevance, comparable only within one search
     * @param kind        the item kind
     * @param source      where it came from
     * @param language    its language tag
     * @param capturedAt  when it was captured
     * @param title       its title, if any
     * @param sha256      SHA-256 of its raw bytes
     * @param custodyHash hash of the custody entry that recorded it
     * @param passages    passages of its main text around the matches, matches marked «like this», as in a case
     */
    public record Hit(String caseId, String caseName, String casePurpose, long itemId, double score, String kind,
                      String source, String language, Instant capturedAt, Optional<String> title, String sha256,
                      String custodyHash, List<String> passages) {
        public Hit {
            passages = List.copyOf(passages);
        }
    }

    /** Characters a passage shows at most, and how many a hit shows: the case's. */
    private static final int PASSAGE_CHARS = 140;
    private static final int PASSAGES = 2;

    /**
     * The results of a search.
     *
     * @param total      how many items match, across cases
     * @param totalExact whether {@code total} is exact (else a lower bound)
     * @param hits       the best, best first
     */
    public record Results(long total, boolean totalExact, List<Hit> hits) {
    }

    /**
     * An identifier seen in several cases.
     *
     * @param type  the entity type ({@code phone}, …)
     * @param value its normalised value
     * @param items how many items mention it, across cases
     * @param cases the cases, each with how many of its items mention it, most first
     */
    public record SharedEntity(String type, String value, long items, List<CaseCount> cases) {
    }

    /**
     * A case and a count of its items.
     *
     * @param caseId   the case's id
     * @param caseName its name
     * @param items    how many of its items
     * @param forms    how its items write the identifier (as found, spaces collapsed), sorted; empty for a case
     *                 published before the shared index kept written forms
     */
    public record CaseCount(String caseId, String caseName, long items, List<String> forms) {
        public CaseCount {
            forms = List.copyOf(forms);
        }
    }

    /**
     * Searches every published case with the case's query syntax (Lucene's: phrases, wildcards, AND/OR/NOT, fields
     * title: host: lang: kind: tag: phone: telegram: …), analysed as in a case.
     */
    public Results search(String query, int limit) {
        if (!index.exists()) {
            return new Results(0, true, List.of());
        }
        Map<String, Object> qs = new LinkedHashMap<>();
        qs.put("query", query);
        qs.put("fields", CaseAnalyzers.textFieldsFor(query));
        qs.put("default_operator", "or");
        qs.put("allow_leading_wildcard", true);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("size", limit);
        body.put("track_total_hits", 1000);
        body.put("query", Map.of("query_string", qs));
        body.put("_source", List.of(Fields.CASE_ID, Fields.CASE_NAME, Fields.CASE_PURPOSE, Fields.ITEM_ID,
                Fields.KIND, Fields.SOURCE, Fields.LANGUAGE, Fields.CAPTURED, Fields.TITLE, Fields.SHA256,
                Fields.CUSTODY_HASH));
        body.put("sort", List.of("_score", Map.of(Fields.ITEM_KEY, "asc")));
        body.put("highlight", highlight());
        ClusterHttp.Answer a = index.http().post("/" + SharedIndex.INDEX + "/_search", body);
        if (a.status() == 400) {
            throw TracelabException.badInput("query '" + query + "'", a.reason());
        }
        failIfNot(a, "searching");
        List<Hit> hits = new ArrayList<>();
        for (JsonNode h : a.body().path("hits").path("hits")) {
            JsonNode s = h.path("_source");
            hits.add(new Hit(s.path(Fields.CASE_ID).asText(), s.path(Fields.CASE_NAME).asText(),
                    s.path(Fields.CASE_PURPOSE).asText(), s.path(Fields.ITEM_ID).asLong(), h.path("_score").asDouble(),
                    s.path(Fields.KIND).asText(), s.path(Fields.SOURCE).asText(), s.path(Fields.LANGUAGE).asText("und"),
                    Instant.ofEpochMilli(s.path(Fields.CAPTURED).asLong()),
                    s.hasNonNull(Fields.TITLE) ? Optional.of(s.path(Fields.TITLE).asText()) : Optional.empty(),
                    s.path(Fields.SHA256).asText(), s.path(Fields.CUSTODY_HASH).asText(), passages(h)));
        }
        JsonNode total = a.body().path("hits").path("total");
        return new Results(total.path("value").asLong(), total.path("relation").asText("eq").equals("eq"), hits);
    }

    /**
     * Passages around the matches, from the main text when the item has one apart from its text, as the case's
     * search shows them: the query's words however they were analysed (any field), marked «like this».
     */
    private static Map<String, Object> highlight() {
        Map<String, Object> each = new LinkedHashMap<>();
        each.put("type", "unified");
        // Sentences, cut at the passage's length: a passage of words alone would be the matched word.
        each.put("boundary_scanner", "sentence");
        each.put("fragment_size", PASSAGE_CHARS);
        each.put("number_of_fragments", PASSAGES);
        // A text longer than the node analyses for highlighting is highlighted in its first million characters.
        each.put("max_analyzer_offset", CaseDocuments.MAX_TEXT_CHARS - 1);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(Fields.MAIN_TEXT, each);
        fields.put(Fields.FULL_TEXT, each);
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("pre_tags", List.of("«"));
        h.put("post_tags", List.of("»"));
        h.put("encoder", "default");
        h.put("require_field_match", false);
        h.put("fields", fields);
        return h;
    }

    private static List<String> passages(JsonNode hit) {
        JsonNode hl = hit.path("highlight");
        JsonNode chosen = hl.path(Fields.MAIN_TEXT).isArray() ? hl.path(Fields.MAIN_TEXT) : hl.path(Fields.FULL_TEXT);
        List<String> out = new ArrayList<>();
        chosen.forEach(p -> out.add(p.asText().replaceAll("\\s+", " ").strip()));
        return out;
    }

    /**
     * Identifiers mentioned in at least {@code minCases} cases, the most widely seen first.
     *
     * @param type an entity type name, or null for all
     */
    public List<SharedEntity> entities(String type, int minCases) {
        List<SharedEntity> out = new ArrayList<>();
        if (!index.exists()) {
            return out;
        }
        Map<String, Object> cases = Map.of("terms", Map.of("field", Fields.CASE_ID, "size", 10_000),
                "aggs", Map.of("name", Map.of("terms", Map.of("field", Fields.CASE_NAME, "size", 1))));
        Map<String, Object> query = type == null ? null : Map.of("exists", Map.of("field", Fields.ENTITY + "." + type));
        Map<String, JsonNode> shared = new LinkedHashMap<>();
        eachBucket(Fields.ENTITIES, query, cases, "counting identifiers across cases", b -> {
            String typed = b.path("key").path("key").asText();
            if ((type == null || typed.startsWith(type + ":"))
                    && b.path("cases").path("buckets").size() >= minCases) {
                shared.put(typed, b);
            }
        });
        Map<String, Map<String, List<String>>> forms = formsOf(shared.keySet());
        shared.forEach((typed, b) -> {
            int colon = typed.indexOf(':');
            Map<String, List<String>> byCase = forms.getOrDefault(typed, Map.of());
            List<CaseCount> counts = new ArrayList<>();
            for (JsonNode cb : b.path("cases").path("buckets")) {
                String caseId = cb.path("key").asText();
                counts.add(new CaseCount(caseId, cb.path("name").path("buckets").path(0).path("key").asText(),
                        cb.path("doc_count").asLong(), byCase.getOrDefault(caseId, List.of())));
            }
            out.add(new SharedEntity(typed.substring(0, colon), typed.substring(colon + 1), b.path("doc_count").asLong(),
                    List.copyOf(counts)));
        });
        out.sort(java.util.Comparator.comparingInt((SharedEntity e) -> e.cases().size()).reversed()
                .thenComparing(java.util.Comparator.comparingLong(SharedEntity::items).reversed())
                .thenComparing(SharedEntity::type).thenComparing(SharedEntity::value));
        return out;
    }

    /**
     * The written forms of the given identifiers ({@code type:value}), by identifier and case: one pass over the
     * forms field, in which each identifier's forms sort together; restricted to the items holding them when they
     * are few enough for one terms query.
     */
    private Map<String, Map<String, List<String>>> formsOf(java.util.Set<String> typed) {
        Map<String, Map<String, List<String>>> out = new java.util.HashMap<>();
        if (typed.isEmpty()) {
            return out;
        }
        Map<String, Object> query = typed.size() <= 10_000
                ? Map.of("terms", Map.of(Fields.ENTITIES, List.copyOf(typed))) : null;
        Map<String, Object> cases = Map.of("terms", Map.of("field", Fields.CASE_ID, "size", 10_000));
        eachBucket(Fields.ENTITY_FORMS, query, cases, "reading how identifiers are written across cases", b -> {
            String key = b.path("key").path("key").asText();
            int sep = key.indexOf(Fields.FORM_SEPARATOR);
            if (sep < 0 || !typed.contains(key.substring(0, sep))) {
                return;
            }
            Map<String, List<String>> byCase = out.computeIfAbsent(key.substring(0, sep), k -> new LinkedHashMap<>());
            for (JsonNode cb : b.path("cases").path("buckets")) {
                byCase.computeIfAbsent(cb.path("key").asText(), k -> new ArrayList<>()).add(key.substring(sep + 1));
            }
        });
        return out;
    }

    /**
     * Every value of a keyword field, in order, with the sub-aggregation {@code cases} under each: a composite
     * aggregation paged 1,000 buckets at a time, each bucket handed to {@code sink} (its value under key.key).
     */
    private void eachBucket(String field, Map<String, Object> query, Map<String, Object> cases, String what,
                            java.util.function.Consumer<JsonNode> sink) {
        Map<String, Object> after = null;
        while (true) {
            Map<String, Object> composite = new LinkedHashMap<>();
            composite.put("size", 1000);
            composite.put("sources", List.of(Map.of("key", Map.of("terms", Map.of("field", field)))));
            if (after != null) {
                composite.put("after", after);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("size", 0);
            if (query != null) {
                body.put("query", query);
            }
            body.put("aggs", Map.of("values", Map.of("composite", composite, "aggs", Map.of("cases", cases))));
            ClusterHttp.Answer a = index.http().post("/" + SharedIndex.INDEX + "/_search", body);
            failIfNot(a, what);
            JsonNode agg = a.body().path("aggregations").path("values");
            agg.path("buckets").forEach(sink);
            if (agg.path("buckets").isEmpty() || !agg.has("after_key")) {
                return;
            }
            after = org.tracelab.core.Json.MAPPER.convertValue(agg.path("after_key"),
                    new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
        }
    }

    /**
     * One published item and the identifiers it holds, for links across cases.
     *
     * @param key      its document id, {@code caseId:itemId}
     * @param caseName its case's name
     * @param itemId   its id in its case
     * @param source   where it came from
     * @param held     its identifiers, {@code type:value}
     */
    public record HeldIdentifiers(String key, String caseName, long itemId, String source, List<String> held) {
    }

    /** Every published item that holds an identifier, streamed page by page to {@code sink}. */
    public void forEachHolder(java.util.function.Consumer<HeldIdentifiers> sink) {
        if (!index.exists()) {
            return;
        }
        Object after = null;
        while (true) {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("size", 5000);
            q.put("_source", List.of(Fields.CASE_NAME, Fields.ITEM_ID, Fields.SOURCE, Fields.ENTITIES));
            q.put("query", Map.of("exists", Map.of("field", Fields.ENTITIES)));
            q.put("sort", List.of(Map.of(Fields.ITEM_KEY, "asc")));
            if (after != null) {
                q.put("search_after", List.of(after));
            }
            ClusterHttp.Answer a = index.http().post("/" + SharedIndex.INDEX + "/_search", q);
            failIfNot(a, "reading the identifiers of published items");
            JsonNode hits = a.body().path("hits").path("hits");
            if (hits.isEmpty()) {
                return;
            }
            for (JsonNode h : hits) {
                JsonNode s = h.path("_source");
                List<String> held = new ArrayList<>();
                s.path(Fields.ENTITIES).forEach(e -> held.add(e.asText()));
                sink.accept(new HeldIdentifiers(h.path("_id").asText(), s.path(Fields.CASE_NAME).asText(),
                        s.path(Fields.ITEM_ID).asLong(), s.path(Fields.SOURCE).asText(), List.copyOf(held)));
            }
            after = hits.get(hits.size() - 1).path("sort").get(0).asText();
        }
    }

    private void failIfNot(ClusterHttp.Answer a, String what) {
        if (!a.ok()) {
            throw new TracelabException(TracelabException.Failure.IO, "shared index at " + index.cluster() + ": "
                    + what + " failed: " + a.reason());
        }
    }
}
