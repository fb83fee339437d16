package org.tracelab.core.collect;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tracelab.core.TracelabException;

/**
 * What the examiner asked a collector to do: its targets and its options' values.
 *
 * @param collectorId the collector the request is for, used in messages
 * @param targets     the positional arguments
 * @param options     option name (with dashes) to the values given; flags map to {@code ["true"]}
 * @param progress    where the collector reports how far it is
 */
public record CollectRequest(String collectorId, List<String> targets, Map<String, List<String>> options,
                             Progress progress) {
    public CollectRequest {
        Objects.requireNonNull(collectorId, "collectorId");
        targets = List.copyOf(targets);
        options = Map.copyOf(options);
        progress = progress == null ? Progress.NONE : progress;
    }

    public boolean flag(String name) {
        return value(name).map(Boolean::parseBoolean).orElse(false);
    }

    public Optional<String> value(String name) {
        List<String> v = options.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(v.size() - 1));
    }

    public List<String> values(String name) {
        return options.getOrDefault(name, List.of());
    }

    /** An integer option within bounds; a wrong value is bad input naming the option. */
    public int intValue(String name, int defaultValue, int min, int max) {
        Optional<String> v = value(name);
        if (v.isEmpty()) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(v.get().strip());
            if (n < min || n > max) {
                throw TracelabException.badInput("collect " + collectorId + " " + name,
                        "must be between " + min + " and " + max + ", not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw TracelabException.badInput("collect " + collectorId + " " + name,
                    "not a whole number: '" + v.get() + "'");
        }
    }
}
