package org.tracelab.cli;

import org.tracelab.core.TracelabException;
import picocli.CommandLine.Option;

/** {@code --duration SECONDS} of the serving commands: stop by themselves after this long. */
final class DurationOption {
    @Option(names = "--duration", paramLabel = "SECONDS",
            description = "Stop by itself after this long (default: serve until Ctrl-C).")
    Long duration;

    /** The seconds to serve, null for until Ctrl-C; bad input when not a positive number. */
    Long seconds() {
        if (duration != null && duration <= 0) {
            throw TracelabException.badInput("--duration " + duration, "must be a positive number of seconds");
        }
        return duration;
    }
}
