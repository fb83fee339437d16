package org.tracelab.core.collect;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An option of a collector, described as data so that the command line can offer it without knowing the collector.
 *
 * @param name         the long name with its dashes, e.g. {@code --depth}
 * @param paramLabel   the value's label in help, e.g. {@code N}; null for a flag that takes no value
 * @param description  one line for help
 * @param defaultValue the value when not given, or null
 * @param repeatable   true when it may be given more than once
 */
public record CollectorOption(String name, String paramLabel, String description, String defaultValue,
                              boolean repeatable) {
    private static final Pattern NAME = Pattern.compile("--[a-z][a-z0-9-]*");

    public CollectorOption {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("option name must look like --long-name: '" + name + "'");
        }
        Objects.requireNonNull(description, "description");
    }

    /** A flag without a value. */
    public static CollectorOption flag(String name, String description) {
        return new CollectorOption(name, null, description, null, false);
    }

    /** An option with one value. */
    public static CollectorOption value(String name, String label, String description, String defaultValue) {
        return new CollectorOption(name, label, description, defaultValue, false);
    }

    /** An option that may be repeated. */
    public static CollectorOption repeatable(String name, String label, String description) {
        return new CollectorOption(name, label, description, null, true);
    }

    public boolean isFlag() {
        return paramLabel == null;
    }

    public Optional<String> defaultIfAny() {
        return Optional.ofNullable(defaultValue);
    }
}
