package org.tracelab.samples.classroom;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import org.tracelab.core.TracelabException;

/**
 * How a class is run.
 *
 * @param port              the port, 0 for any free one, null for the port the class was first served on
 * @param bind              the address to listen on: loopback unless a classroom's network is meant
 * @param trainees          names to give codes to (those already in the class keep theirs)
 * @param instructor        the examiner of the class case
 * @param maxHandinBytes    the largest hand-in taken
 * @param handinsPerMinute  hand-ins taken per code in any minute
 */
public record ClassOptions(Integer port, InetAddress bind, List<String> trainees, String instructor,
                           long maxHandinBytes, int handinsPerMinute) {
    /** The default largest hand-in: 500 MB. */
    public static final long DEFAULT_MAX_BYTES = 500L * 1000 * 1000;

    /** Checks the ranges. */
    public ClassOptions {
        Objects.requireNonNull(bind, "bind");
        trainees = List.copyOf(trainees);
        if (port != null && (port < 0 || port > 65_535)) {
            throw TracelabException.badInput("--port " + port, "must be 0 to 65535");
        }
        if (maxHandinBytes < 1) {
            throw TracelabException.badInput("--max-handin " + maxHandinBytes, "must be at least 1 byte");
        }
        if (handinsPerMinute < 1) {
            throw TracelabException.badInput("--handins-per-minute " + handinsPerMinute, "must be at least 1");
        }
        if (instructor == null || instructor.isBlank()) {
            throw TracelabException.badInput("--instructor", "must name the instructor");
        }
    }
}
