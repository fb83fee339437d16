package org.tracelab.core.patterns;

import java.util.List;
import java.util.Objects;

/**
 * How one item scored: its id, the score (see {@link Scoring}) and the indicators it matched with their passages.
 *
 * @param itemId the caller's id of the scanned text (a case item id, a file name)
 */
public record ScanResult(String itemId, double score, List<IndicatorHit> hits) {
    public ScanResult {
        Objects.requireNonNull(itemId, "itemId");
        hits = List.copyOf(hits);
    }

    /** The distinct categories matched, in hit order. */
    public List<String> categories() {
        return hits.stream().map(h -> h.indicator().category()).distinct().toList();
    }

    /** The matched indicator ids, in hit order. */
    public List<String> indicatorIds() {
        return hits.stream().map(h -> h.indicator().id()).toList();
    }
}
