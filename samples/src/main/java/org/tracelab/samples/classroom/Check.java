package org.tracelab.samples.classroom;

import java.util.List;
import java.util.Objects;

/**
 * One check of a hand-in's evidence and what it found wrong.
 *
 * @param id       which check: one of {@link #IDS}
 * @param failures what it found wrong; none when it passed
 */
public record Check(String id, List<Failure> failures) {
    /** The checks, in the order they are shown: bag, key, custody, hosts, case. */
    public static final List<String> IDS = List.of("bag", "key", "custody", "hosts", "case");

    /** Checks the id and freezes the list. */
    public Check {
        Objects.requireNonNull(id, "id");
        if (!IDS.contains(id)) {
            throw new IllegalArgumentException("no check named " + id);
        }
        failures = List.copyOf(failures);
    }

    /** True when it found nothing wrong. */
    public boolean passed() {
        return failures.isEmpty();
    }

    /** What each check is, for the instructor's page. */
    public static String title(String id) {
        return switch (id) {
            case "bag" -> "bag valid and signed";
            case "key" -> "signed by its case";
            case "custody" -> "custody log verifies";
            case "hosts" -> "captures from the lab only";
            case "case" -> "purpose and examiner recorded";
            default -> id;
        };
    }
}
