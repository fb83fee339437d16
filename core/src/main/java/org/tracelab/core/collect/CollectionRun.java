package org.tracelab.core.collect;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One collection the examiner asked for, as a case runs it end to end ({@link org.tracelab.core.Case#collect}).
 *
 * @param collector     the collector that captures
 * @param targets       its positional arguments
 * @param options       option name (with dashes) to the values given; flags map to {@code ["true"]}
 * @param loggedTargets the targets as the custody log records them (a password in a URL masked, say)
 * @param tags          tags every capture of the run gets, in the capture's own commit group
 */
public record CollectionRun(Collector collector, List<String> targets, Map<String, List<String>> options,
                            List<String> loggedTargets, List<String> tags) {
    public CollectionRun {
        Objects.requireNonNull(collector, "collector");
        targets = List.copyOf(targets);
        options = Map.copyOf(options);
        loggedTargets = List.copyOf(loggedTargets);
        tags = List.copyOf(tags);
    }

    /** The request the collector is given, reporting to {@code progress}. */
    public CollectRequest request(Progress progress) {
        return new CollectRequest(collector.id(), targets, options, progress);
    }
}
