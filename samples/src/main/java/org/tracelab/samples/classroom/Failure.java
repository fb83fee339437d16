package org.tracelab.samples.classroom;

import java.util.List;
import java.util.Objects;

/**
 * One thing wrong with a hand-in's evidence, as a trainee is told it.
 *
 * @param what the message
 * @param args what fills the message's blanks: a file of the bag, a key, an address
 */
public record Failure(Feedback what, List<String> args) {
    /** Freezes the arguments. */
    public Failure {
        Objects.requireNonNull(what, "what");
        args = List.copyOf(args);
    }

    /** A failure with these arguments. */
    public static Failure of(Feedback what, String... args) {
        return new Failure(what, List.of(args));
    }

    /** The message in {@code language}: uz, ru or en. */
    public String in(String language) {
        return what.in(language, args);
    }
}
