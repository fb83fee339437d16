package org.tracelab.samples.classroom;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.tracelab.core.Timestamps;
import org.tracelab.samples.GradeReport;

/**
 * One graded hand-in: who, which version, when and from where it came, the evidence item that keeps it in the class
 * case, the findings' grade (as {@code lab grade} makes it) and the evidence checks.
 *
 * @param trainee      the trainee's name
 * @param version      1 for the first hand-in, then 2, 3, …; the latest counts
 * @param received     when it was received (UTC, ISO-8601)
 * @param address      the address it came from
 * @param sha256       the hash of the ZIP as received
 * @param bytes        its size
 * @param item         the item id in the class case
 * @param findings     the findings' grade against the key
 * @param checks       the evidence checks, in {@link Check#IDS} order
 * @param firstCapture when the bag's first capture was made, or null when it holds none
 * @param examiner     the examiner the bag's case records, or null
 * @param purpose      the purpose the bag's case records, or null
 * @param keySha256    the key the bag's case was made with, as its log records it, or null
 */
public record HandinResult(String trainee, int version, String received, String address, String sha256, long bytes,
                           long item, GradeReport findings, List<Check> checks, String firstCapture, String examiner,
                           String purpose, String keySha256) {
    /** Checks what must be there and freezes the list. */
    public HandinResult {
        Objects.requireNonNull(trainee, "trainee");
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(findings, "findings");
        if (version < 1) {
            throw new IllegalArgumentException("version " + version);
        }
        checks = List.copyOf(checks);
    }

    /** True when every evidence check passed. */
    public boolean evidenceHolds() {
        return checks.stream().allMatch(Check::passed);
    }

    /** The check named {@code id}. */
    public Check check(String id) {
        return checks.stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no check " + id));
    }

    /** Seconds from the first capture to the hand-in, or -1 when the bag holds no capture. */
    public long secondsToHandin() {
        if (firstCapture == null) {
            return -1;
        }
        return Math.max(0, Duration.between(Timestamps.parse(firstCapture), Timestamps.parse(received)).toSeconds());
    }
}
