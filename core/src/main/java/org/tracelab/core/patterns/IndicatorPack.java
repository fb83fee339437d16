package org.tracelab.core.patterns;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A named set of indicators in one language, as read from a pack file.
 *
 * @param name     the pack's name ({@code en}, {@code ru}, {@code uz}, or an instructor's own)
 * @param language the language whose field its queries search
 * @param origin   where it was read from, for messages: a resource name or a file path
 */
public record IndicatorPack(String name, PackLanguage language, String origin, List<Indicator> indicators) {
    public IndicatorPack {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(origin, "origin");
        indicators = List.copyOf(indicators);
        Set<String> ids = new HashSet<>();
        for (Indicator i : indicators) {
            if (!ids.add(i.id())) {
                throw new IllegalArgumentException("indicator " + i.id() + " appears twice");
            }
        }
    }

    /** The distinct categories of this pack, in the order they first appear. */
    public List<String> categories() {
        return indicators.stream().map(Indicator::category).distinct().toList();
    }
}
