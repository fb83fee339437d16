package org.tracelab.core.collect;

import java.util.Objects;

/** One HTTP header field as sent or received: the name as the wire or the client gave it, and its value. */
public record Header(String name, String value) {
    public Header {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
