package org.tracelab.core.patterns;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Scores texts by the recruitment indicators of some packs. The core takes (item id, text) pairs, so a case scan, a
 * test over files and a benchmark over generated ads all use the same code; thread-safe.
 */
public final class Scanner {
    /** Best score first; ties by item id, so a ranking is the same on every run. */
    public static final Comparator<ScanResult> RANKING =
            Comparator.comparingDouble(ScanResult::score).reversed().thenComparing(ScanResult::itemId);

    private final IndicatorMatcher matcher;

    /** A scanner over the given packs, compiled once. */
    public Scanner(List<IndicatorPack> packs) {
        if (packs.isEmpty()) {
            throw new IllegalArgumentException("no indicator packs to scan with");
        }
        this.matcher = new IndicatorMatcher(packs);
    }

    /** Scores one text. */
    public ScanResult scan(String itemId, String text) {
        List<IndicatorHit> hits = matcher.match(text);
        return new ScanResult(itemId, Scoring.score(hits), hits);
    }

    /** Scores one item and hands the result on only if it matched any indicator. */
    public void scan(String itemId, String text, Consumer<ScanResult> matched) {
        ScanResult r = scan(itemId, text);
        if (!r.hits().isEmpty()) {
            matched.accept(r);
        }
    }

    /** The results at or above {@code minScore}, best first. */
    public static List<ScanResult> rank(List<ScanResult> results, double minScore) {
        List<ScanResult> kept = new ArrayList<>();
        for (ScanResult r : results) {
            if (r.score() >= minScore && !r.hits().isEmpty()) {
                kept.add(r);
            }
        }
        kept.sort(RANKING);
        return kept;
    }
}
