package org.tracelab.collectors.http;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.tracelab.core.collect.CaptureSink;
import org.tracelab.core.collect.CollectRequest;
import org.tracelab.core.collect.Collector;
import org.tracelab.core.collect.CollectorOption;
import org.tracelab.core.collect.StoredItem;

/**
 * What every collector over HTTP shares: its id, the clock its records are dated by, the shared options after its
 * own ({@link HttpOptions}), and the run's {@link HttpCapture} opened with them.
 */
public abstract class HttpCollector implements Collector {
    private final String id;
    private final Clock clock;

    /** A collector named {@code id} dated by the system clock, as ServiceLoader makes it. */
    protected HttpCollector(String id) {
        this(id, Clock.systemUTC());
    }

    /** A collector named {@code id} dated by {@code clock}. */
    protected HttpCollector(String id, Clock clock) {
        this.id = Objects.requireNonNull(id, "id");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public String targetLabel() {
        return "URL";
    }

    @Override
    public final List<CollectorOption> options() {
        return HttpOptions.with(ownOptions());
    }

    /** The collector's own options, shown before the shared ones. */
    protected abstract List<CollectorOption> ownOptions();

    /** The clock records are dated by. */
    protected final Clock clock() {
        return clock;
    }

    /** Opens the run's capture with the manners the request's shared options ask for. */
    protected final HttpCapture open(CollectRequest request, CaptureSink sink) throws IOException {
        return open(HttpOptions.settings(request), sink);
    }

    /** Opens the run's capture with {@code settings}. */
    protected final HttpCapture open(CaptureSettings settings, CaptureSink sink) throws IOException {
        return HttpCapture.open(sink, id, settings, clock);
    }

    /** Stores a record read out of a capture as an item of its own, dated now. */
    protected final StoredItem store(DerivedRecord record, CaptureSink sink) throws IOException {
        return record.store(sink, id, clock.instant());
    }
}
