package org.tracelab.core.patterns;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The score of a text: for each category, the largest weight among the indicators matched in it; then the sum over
 * categories. Several hits of one kind count once (at their strongest), so ten deceptive-offer phrases weigh no more
 * than the strongest of them, and an ad that shows three different kinds of indicator outranks it — which is how the
 * ILO and UNODC lists are meant to be read: indicators point to trafficking in combination, not one by one.
 */
public final class Scoring {
    private Scoring() {
    }

    /** Σ over categories of the maximum weight matched in the category. */
    public static double score(Collection<IndicatorHit> hits) {
        Map<String, Double> best = new HashMap<>();
        for (IndicatorHit h : hits) {
            best.merge(h.indicator().category(), h.indicator().weight(), Math::max);
        }
        double sum = 0;
        for (double w : best.values()) {
            sum += w;
        }
        return Math.round(sum * 100) / 100.0;
    }
}
