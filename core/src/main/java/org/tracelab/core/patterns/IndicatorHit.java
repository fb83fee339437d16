package org.tracelab.core.patterns;

import java.util.List;
import java.util.Objects;

/** An indicator that matched a text, and the passages where it matched. */
public record IndicatorHit(Indicator indicator, List<Passage> passages) {
    public IndicatorHit {
        Objects.requireNonNull(indicator, "indicator");
        passages = List.copyOf(passages);
    }
}
