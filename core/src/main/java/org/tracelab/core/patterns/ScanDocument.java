package org.tracelab.core.patterns;

import java.util.Objects;

/** A text to scan and the id its result is reported under. */
public record ScanDocument(String itemId, String text) {
    public ScanDocument {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(text, "text");
    }
}
