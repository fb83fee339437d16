package org.tracelab.shared;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.tracelab.core.Case;
import org.tracelab.core.Hashing;
import org.tracelab.core.Json;
import org.tracelab.core.TracelabException;
import org.tracelab.core.collect.Progress;
import org.tracelab.core.items.TaggedItem;

/**
 * Publishes one case to the shared index: only the documents the index lacks or holds otherwise (by fingerprint), so
 * a re-publish sends nothing and a publish killed half-way resumes where it stopped. Each batch is logged in the
 * case's custody log before it is sent (write-ahead): which items, how many bytes, and the SHA-256 of the exact
 * request body, so the log tells what left the case; a publish that sends nothing logs nothing.
 */
public final class Publication {
    /** The custody action of one batch sent. */
    public static final String ACTION = "shared.publish";
    /** The custody action of a case withdrawn. */
    public static final String UNPUBLISH = "shared.unpublish";
    /** A batch ends at this many documents (unless told otherwise) or bytes, whichever comes first. */
    public static final int BATCH_DOCS = 500;
    static final int BATCH_BYTES = 8 << 20;

    private Publication() {
    }

    /**
     * What a publish did.
     *
     * @param caseId    the case's id in the index
     * @param items     the case's items
     * @param sent      documents sent (new or changed)
     * @param unchanged documents the index already held as they are
     * @param batches   batches sent, one custody entry each
     */
    public record Report(String caseId, long items, long sent, long unchanged, int batches) {
    }

    /**
     * Publishes {@code c}, open for writing, to {@code index}, at most {@code batchDocs} documents a request. One
     * request is in flight while the next is made (the cluster indexes one batch while the case reads the next), and
     * the index's periodic refresh is off until the end.
     */
    public static Report publish(Case c, SharedIndex index, int batchDocs, Progress progress) {
        if (batchDocs < 1) {
            throw TracelabException.badInput("--batch " + batchDocs, "must be at least 1");
        }
        CaseDocuments docs = CaseDocuments.of(c);
        index.ensure();
        Map<Long, String> held = index.fingerprints(docs.caseId());
        List<Map<String, Object>> batch = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        long sent = 0;
        long unchanged = 0;
        int batches = 0;
        long total = docs.items().size();
        progress.total(total, "items");
        CompletableFuture<ClusterHttp.Answer> inFlight = null;
        AutoCloseable refreshOff = null;
        try {
            for (TaggedItem t : docs.items()) {
                Map<String, Object> d = docs.document(t);
                progress.advance(1);
                if (d.get(Fields.FINGERPRINT).equals(held.get(t.item().id()))) {
                    unchanged++;
                    continue;
                }
                body.append(Json.write(Map.of("index", Map.of("_index", SharedIndex.INDEX, "_id",
                        CaseDocuments.key(docs.caseId(), t.item().id()))))).append('\n');
                body.append(Json.write(d)).append('\n');
                batch.add(d);
                if (batch.size() >= batchDocs || body.length() >= BATCH_BYTES) {
                    if (refreshOff == null) {
                        refreshOff = index.refreshOff();
                    }
                    inFlight = send(c, index, docs.caseId(), batch, body, inFlight);
                    sent += batch.size();
                    batches++;
                    batch.clear();
                    body.setLength(0);
                }
            }
            if (!batch.isEmpty()) {
                inFlight = send(c, index, docs.caseId(), batch, body, inFlight);
                sent += batch.size();
                batches++;
            }
            if (inFlight != null) {
                check(index, ClusterHttp.await(inFlight));
            }
        } finally {
            if (refreshOff != null) {
                try {
                    refreshOff.close();
                } catch (Exception e) {
                    // A failure of the publish itself says more; the next publish turns the refresh back on.
                }
            }
        }
        if (sent > 0) {
            index.refresh();
        }
        return new Report(docs.caseId(), total, sent, unchanged, batches);
    }

    /** Withdraws {@code c}, open for writing, from {@code index}: every document of its id; logged. */
    public static long unpublish(Case c, SharedIndex index) {
        String caseId = CaseDocuments.caseIdOf(c);
        long deleted = index.unpublish(caseId);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("cluster", index.cluster().toString());
        p.put("index", SharedIndex.INDEX);
        p.put("case", caseId);
        p.put("deleted", deleted);
        c.log(UNPUBLISH, p);
        return deleted;
    }

    /**
     * Waits for the batch before to be answered, then logs this one and sends it in the background: the custody log
     * never names a batch after one that failed, and names each batch before it leaves.
     *
     * @return the request in flight
     */
    private static CompletableFuture<ClusterHttp.Answer> send(Case c, SharedIndex index, String caseId,
                                                                List<Map<String, Object>> batch, CharSequence body,
                                                                CompletableFuture<ClusterHttp.Answer> before) {
        if (before != null) {
            check(index, ClusterHttp.await(before));
        }
        String text = body.toString();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("cluster", index.cluster().toString());
        p.put("index", SharedIndex.INDEX);
        p.put("case", caseId);
        p.put("items", ranges(batch.stream().map(d -> ((Number) d.get(Fields.ITEM_ID)).longValue()).toList()));
        p.put("documents", batch.size());
        p.put("bytes", bytes.length);
        p.put("bodySha256", Hashing.sha256Hex(text));
        p.put("fields", List.of(Fields.TITLE, Fields.FULL_TEXT, Fields.MAIN_TEXT, Fields.LANG, Fields.KIND,
                Fields.HOST, Fields.CAPTURED, Fields.TAGS, Fields.ENTITIES, Fields.IMAGE_PDQ, Fields.SHA256,
                Fields.CUSTODY_HASH, Fields.CASE_PURPOSE));
        c.log(ACTION, p);
        return index.http().bulkAsync(bytes);
    }

    /** A bulk answer: a request or a document the cluster refused is an I/O failure naming it and why. */
    private static void check(SharedIndex index, ClusterHttp.Answer a) {
        if (!a.ok()) {
            throw new TracelabException(TracelabException.Failure.IO, "shared index at " + index.cluster()
                    + ": publishing failed: " + a.reason());
        }
        if (a.body().path("errors").asBoolean()) {
            for (JsonNode item : a.body().path("items")) {
                JsonNode error = item.path("index").path("error");
                if (!error.isMissingNode()) {
                    throw new TracelabException(TracelabException.Failure.IO, "shared index at " + index.cluster()
                            + ": document " + item.path("index").path("_id").asText() + " refused: "
                            + error.path("type").asText() + ": " + error.path("reason").asText()
                            + (error.path("type").asText().contains("mapper") ? "; the index was made by another "
                            + "Tracelab: delete " + SharedIndex.INDEX + " (derived data) and publish again" : ""));
                }
            }
        }
    }

    /** Item ids as compact ranges, {@code 1-500,502}, for the custody log. */
    static String ranges(List<Long> ids) {
        List<Long> sorted = ids.stream().sorted().toList();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < sorted.size(); ) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
                j++;
            }
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(sorted.get(i));
            if (j > i) {
                sb.append('-').append(sorted.get(j));
            }
            i = j + 1;
        }
        return sb.toString();
    }
}
