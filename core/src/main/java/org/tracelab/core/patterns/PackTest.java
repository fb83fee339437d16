package org.tracelab.core.patterns;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs every example of a pack against its indicator's query: each {@code match} example must match it and each
 * {@code noMatch} example must not. What {@code tracelab patterns test} reports.
 */
public final class PackTest {
    /** An example that did the opposite of what the pack says. */
    public record Miss(String indicatorId, String example, boolean shouldMatch) {
        public Miss {
            Objects.requireNonNull(indicatorId, "indicatorId");
            Objects.requireNonNull(example, "example");
        }
    }

    /** The outcome of testing one pack. */
    public record Report(IndicatorPack pack, int examples, List<Miss> misses) {
        public Report {
            Objects.requireNonNull(pack, "pack");
            misses = List.copyOf(misses);
        }

        /** Whether every example behaved as the pack says. */
        public boolean passed() {
            return misses.isEmpty();
        }
    }

    private PackTest() {
    }

    /** Tests every example of every indicator of the pack. */
    public static Report run(IndicatorPack pack) {
        IndicatorMatcher matcher = new IndicatorMatcher(List.of(pack));
        List<Miss> misses = new ArrayList<>();
        int examples = 0;
        for (CompiledIndicator ci : matcher.indicators()) {
            for (String example : ci.indicator().matching()) {
                examples++;
                if (!matcher.matches(ci, example)) {
                    misses.add(new Miss(ci.indicator().id(), example, true));
                }
            }
            for (String example : ci.indicator().notMatching()) {
                examples++;
                if (matcher.matches(ci, example)) {
                    misses.add(new Miss(ci.indicator().id(), example, false));
                }
            }
        }
        return new Report(pack, examples, misses);
    }
}
