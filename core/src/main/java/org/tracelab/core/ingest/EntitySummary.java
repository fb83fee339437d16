package org.tracelab.core.ingest;

import java.util.List;
import java.util.Objects;

/**
 * One entity across the case: how many items share it, and the ways it was written.
 *
 * @param type     the entity type's name
 * @param value    the normalized value
 * @param items    how many items mention it
 * @param mentions how many times it is mentioned in all
 * @param forms    distinct spellings as written, a few at most
 */
public record EntitySummary(String type, String value, long items, long mentions, List<String> forms) {
    public EntitySummary {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        forms = List.copyOf(forms);
    }
}
