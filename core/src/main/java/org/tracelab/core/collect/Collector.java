package org.tracelab.core.collect;

import java.io.IOException;
import java.util.List;

/**
 * A way evidence enters a case: local files, web pages, ads, feeds, channels, WARC files.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader}: one class, and its name in
 * {@code META-INF/services/org.tracelab.core.collect.Collector}. Tracelab's own come first; a plugin with the same
 * id as a built-in replaces it. Every byte a collector keeps must go through the {@link CaptureSink} it is given,
 * which stores, records and logs it in one step.
 */
public interface Collector {
    /** The name used on the command line ({@code tracelab collect ID}): lowercase letters, digits and '-'. */
    String id();

    /** One line saying what it collects. */
    String description();

    /**
     * How the positional arguments are named in help, e.g. {@code URL} or {@code PATH}; empty when the collector
     * takes none (its options say everything, as a site profile does).
     */
    default String targetLabel() {
        return "TARGET";
    }

    /** The options it accepts besides its targets. */
    default List<CollectorOption> options() {
        return List.of();
    }

    /**
     * Collects the request's targets into the sink.
     *
     * @throws org.tracelab.core.TracelabException for bad targets or options (before anything is stored) and for
     *                                             failures that end the whole run
     * @throws IOException                         when reading or writing fails in a way that ends the run
     */
    void collect(CollectRequest request, CaptureSink sink) throws IOException;
}
