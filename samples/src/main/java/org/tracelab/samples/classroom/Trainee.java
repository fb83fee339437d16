package org.tracelab.samples.classroom;

import java.util.Objects;

/**
 * A trainee of the class and the join code that is their only key to it.
 *
 * @param index their place in codes.csv, from 1; names their hand-ins' folder
 * @param name  their name as the instructor listed it
 * @param code  their join code
 */
public record Trainee(int index, String name, String code) {
    /** Checks the name and code. */
    public Trainee {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(code, "code");
        if (index < 1) {
            throw new IllegalArgumentException("index " + index);
        }
        if (name.isBlank() || name.length() > 100 || name.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a trainee's name is one line of 1 to 100 characters: '" + name + "'");
        }
        if (!JoinCodes.FORM.matcher(code).matches()) {
            throw new IllegalArgumentException("not a join code: " + code);
        }
    }

    /** The folder of their hand-ins under the class's {@code handins/}. */
    public String folder() {
        return String.format(java.util.Locale.ROOT, "t%03d", index);
    }
}
