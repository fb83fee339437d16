package org.tracelab.core.testing;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.function.Executable;
import org.tracelab.core.TracelabException;

/**
 * The contract every fuzz target holds Tracelab's own parsers to: bad input ends in a {@link TracelabException} with
 * a one-line message, never in another exception, and nothing runs past its time limit.
 */
public final class FuzzContract {
    /** Far above any sane parse of a fuzz input (they are small); only a hang or a runaway loop reaches it. */
    public static final Duration LIMIT = Duration.ofSeconds(10);

    private FuzzContract() {
    }

    /**
     * Runs {@code parse}; a clean error is accepted, anything else (or running past {@link #LIMIT}) fails the input.
     */
    public static void cleanErrorsOnly(Executable parse) {
        assertTimeoutPreemptively(LIMIT, () -> {
            try {
                parse.execute();
            } catch (TracelabException clean) {
                if (clean.getMessage() == null || clean.getMessage().isBlank()
                        || clean.getMessage().strip().contains("\n")) {
                    throw new AssertionError("a clean error is one line: [" + clean.getMessage() + "]", clean);
                }
            }
        });
    }
}
