package org.tracelab.core.search;

import java.util.List;
import java.util.Objects;

/**
 * A filter of a search that no item of the case passes, with the values the case does have, so that a search that
 * finds nothing can say why ({@code --lang xx} on a case without that language).
 *
 * @param option the filter as the command line names it, e.g. {@code --lang}
 * @param value  the value given
 * @param known  the values items of the case have, sorted
 */
public record EmptyFilter(String option, String value, List<String> known) {
    public EmptyFilter {
        Objects.requireNonNull(option, "option");
        Objects.requireNonNull(value, "value");
        known = List.copyOf(known);
    }
}
