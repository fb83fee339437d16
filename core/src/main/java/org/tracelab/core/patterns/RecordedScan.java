package org.tracelab.core.patterns;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.tracelab.core.Case;
import org.tracelab.core.Json;
import org.tracelab.core.TracelabException;
import org.tracelab.core.collect.BlobId;
import org.tracelab.core.collect.StoredBlob;
import org.tracelab.core.custody.CustodyEntry;

/**
 * The results of a case's last scan, kept so exports can show them without scanning again. A scan stores its results
 * as one JSON Lines blob (one line per matched item: score, indicators, passages) and names that blob, with the
 * packs and the highest item id that existed, in a {@code scan} custody entry; the newest such entry wins.
 */
public final class RecordedScan {
    /** The custody action of a recorded scan. */
    public static final String ACTION = "scan";

    /** An indicator an item matched, with its passages. */
    public record Hit(String indicator, String category, double weight, List<Passage> passages) {
        public Hit {
            Objects.requireNonNull(indicator, "indicator");
            Objects.requireNonNull(category, "category");
            passages = List.copyOf(passages);
        }
    }

    /** One matched item of the scan. */
    public record Scored(long itemId, String source, double score, List<Hit> hits) {
        public Scored {
            hits = List.copyOf(hits);
        }

        /** The matched indicator ids, in hit order. */
        public List<String> indicators() {
            return hits.stream().map(Hit::indicator).toList();
        }
    }

    /** Highest score first, then lowest item id, so a report lists them the same way on every run. */
    private static final Comparator<Scored> RANK = Comparator.comparingDouble(Scored::score).reversed()
            .thenComparingLong(Scored::itemId);

    private final CustodyEntry entry;
    private final long lastItem;
    private final Map<Long, Scored> byItem;

    private RecordedScan(CustodyEntry entry, long lastItem, Map<Long, Scored> byItem) {
        this.entry = entry;
        this.lastItem = lastItem;
        this.byItem = byItem;
    }

    /**
     * Records the results of a scan of {@code c} (open for writing) as a blob and a {@code scan} custody entry.
     *
     * @param params what the scan was run with (packs, minimum score); the results' hash and counts are added
     */
    public static CustodyEntry record(Case c, List<CaseScan.Scanned> scanned, Map<String, Object> params) {
        long lastItem = c.lastItemId();
        Path tmp = null;
        try {
            tmp = Files.createTempFile("tracelab-scan-", ".jsonl");
            try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(tmp),
                    StandardCharsets.UTF_8))) {
                for (CaseScan.Scanned s : scanned) {
                    w.write(Json.write(line(s)));
                    w.write('\n');
                }
            }
            StoredBlob blob;
            try (InputStream in = Files.newInputStream(tmp)) {
                blob = c.blobs().put(in);
            }
            Map<String, Object> p = new LinkedHashMap<>(params);
            p.put("matched", scanned.size());
            p.put("lastItem", lastItem);
            p.put("results", Map.of("sha256", blob.id().sha256(), "bytes", blob.size(), "format", "jsonl"));
            return c.log(ACTION, p);
        } catch (IOException e) {
            throw TracelabException.io("recording the scan results of " + c.dir(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a temp file left behind holds derived data only
                }
            }
        }
    }

    private static Map<String, Object> line(CaseScan.Scanned s) {
        List<Map<String, Object>> hits = new ArrayList<>();
        for (IndicatorHit h : s.result().hits()) {
            List<Map<String, Object>> passages = new ArrayList<>();
            for (Passage p : h.passages()) {
                passages.add(Map.of("start", p.span().start(), "end", p.span().end(), "text", p.text(),
                        "matches", p.matches().stream().map(m -> List.of(m.start(), m.end())).toList()));
            }
            hits.add(Map.of("id", h.indicator().id(), "category", h.indicator().category(),
                    "weight", h.indicator().weight(), "passages", passages));
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("item", s.itemId());
        o.put("source", s.source());
        o.put("score", s.result().score());
        o.put("hits", hits);
        return o;
    }

    /** The newest recorded scan of {@code c}, read back from its blob; empty when the case was never scanned. */
    public static Optional<RecordedScan> last(Case c) {
        Optional<CustodyEntry> newest = c.lastCustodyEntry(ACTION)
                .filter(e -> e.params().path("results").path("sha256").isTextual());
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        CustodyEntry e = newest.get();
        BlobId blob = new BlobId(e.params().path("results").path("sha256").asText());
        Map<Long, Scored> byItem = new HashMap<>();
        try (InputStream in = c.blobs().open(blob);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                Scored s = scored(Json.parse(line));
                byItem.put(s.itemId(), s);
            }
        } catch (IOException | RuntimeException ex) {
            throw new TracelabException(TracelabException.Failure.IO, "scan results " + blob.sha256()
                    + " of custody entry " + e.seq() + " are missing or unreadable; run 'tracelab verify'", ex);
        }
        return Optional.of(new RecordedScan(e, e.params().path("lastItem").asLong(Long.MAX_VALUE), byItem));
    }

    private static Scored scored(JsonNode o) {
        List<Hit> hits = new ArrayList<>();
        for (JsonNode h : o.path("hits")) {
            List<Passage> passages = new ArrayList<>();
            for (JsonNode p : h.path("passages")) {
                List<Span> matches = new ArrayList<>();
                for (JsonNode m : p.path("matches")) {
                    matches.add(new Span(m.path(0).asInt(), m.path(1).asInt()));
                }
                passages.add(new Passage(new Span(p.path("start").asInt(), p.path("end").asInt()),
                        p.path("text").asText(), matches));
            }
            hits.add(new Hit(h.path("id").asText(), h.path("category").asText(), h.path("weight").asDouble(),
                    passages));
        }
        return new Scored(o.path("item").asLong(), o.path("source").asText(null), o.path("score").asDouble(), hits);
    }

    /** The custody entry that recorded the scan. */
    public CustodyEntry entry() {
        return entry;
    }

    /**
     * The item's score in this scan: 0 when it existed then and matched nothing, empty when it came later.
     */
    public OptionalDouble score(long itemId) {
        Scored s = byItem.get(itemId);
        if (s != null) {
            return OptionalDouble.of(s.score());
        }
        return itemId <= lastItem ? OptionalDouble.of(0) : OptionalDouble.empty();
    }

    /** The item's result, when it matched any indicator. */
    public Optional<Scored> of(long itemId) {
        return Optional.ofNullable(byItem.get(itemId));
    }

    /** Every matched item, highest score first. */
    public List<Scored> ranked() {
        return byItem.values().stream().sorted(RANK).toList();
    }
}
