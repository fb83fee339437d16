package org.tracelab.core.links;

import java.util.Comparator;
import java.util.Objects;

/**
 * An identifier that can tie items together: a normalized phone (E.164), messenger handle, e-mail or wallet.
 *
 * @param type  e.g. {@code phone}, {@code telegram}, {@code whatsapp}, {@code email}, {@code wallet}
 * @param value the normalized value; two items share an identifier only when type and value are equal
 */
public record Identifier(String type, String value) implements Comparable<Identifier> {
    private static final Comparator<Identifier> ORDER =
            Comparator.comparing(Identifier::type).thenComparing(Identifier::value);

    public Identifier {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        if (type.isBlank() || value.isBlank()) {
            throw new IllegalArgumentException("identifier needs a type and a value: '" + type + ":" + value + "'");
        }
    }

    /** Parses {@code type:value}, as the lab key and {@code --entity} write it. */
    public static Identifier parse(String typed) {
        int colon = typed.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("not type:value: '" + typed + "'");
        }
        return new Identifier(typed.substring(0, colon), typed.substring(colon + 1));
    }

    @Override
    public int compareTo(Identifier o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return type + ":" + value;
    }
}
