package org.tracelab.samples;

import org.tracelab.core.TracelabException;

/**
 * How the lab server behaves.
 *
 * @param port TCP port on 127.0.0.1, 0 for any free port
 * @param latencyMs base delay before each response, 0 for none
 * @param jitterMs up to this much extra delay, drawn from the seed
 * @param errorRate fraction of requests answered 500 or 503, drawn from the seed
 * @param seed seed of the jitter and the errors
 */
public record LabServerOptions(int port, int latencyMs, int jitterMs, double errorRate, long seed) {
    /** Validates the ranges. */
    public LabServerOptions {
        if (port < 0 || port > 65_535) {
            throw TracelabException.badInput("--port " + port, "must be 0 to 65535");
        }
        if (latencyMs < 0 || jitterMs < 0) {
            throw TracelabException.badInput("--latency " + latencyMs + "/" + jitterMs, "must not be negative");
        }
        if (!(errorRate >= 0 && errorRate <= 1)) {
            throw TracelabException.badInput("--error-rate " + errorRate, "must be between 0 and 1");
        }
    }

    /** Any free port, no latency, no errors. */
    public static LabServerOptions defaults() {
        return new LabServerOptions(0, 0, 0, 0, 1);
    }
}
