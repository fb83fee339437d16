package org.tracelab.core.collect;

import java.util.Objects;

/**
 * An option whose value is a whole number within bounds, its default declared once: the help text shows it and
 * {@link #read} falls back to it, so the two cannot drift apart.
 *
 * @param name         the long name with its dashes, e.g. {@code --depth}
 * @param label        the value's label in help, e.g. {@code N}
 * @param description  one line for help
 * @param defaultValue the value when not given
 * @param min          the least value accepted
 * @param max          the greatest value accepted
 */
public record IntOption(String name, String label, String description, int defaultValue, int min, int max) {
    public IntOption {
        Objects.requireNonNull(label, "label");
        if (min > max || defaultValue < min || defaultValue > max) {
            throw new IllegalArgumentException(name + ": default " + defaultValue + " outside " + min + ".." + max);
        }
        option(name, label, description, defaultValue); // checks the name and description
    }

    /** The option as help and the command line see it. */
    public CollectorOption option() {
        return option(name, label, description, defaultValue);
    }

    /** Its value in {@code request}, or its default; a value out of bounds is bad input naming the option. */
    public int read(CollectRequest request) {
        return request.intValue(name, defaultValue, min, max);
    }

    private static CollectorOption option(String name, String label, String description, int defaultValue) {
        return CollectorOption.value(name, label, description, Integer.toString(defaultValue));
    }
}
