package org.tracelab.samples.internal;

import java.time.Instant;
import java.util.List;

/**
 * The visible text of one ad.
 *
 * @param title headline
 * @param paragraphs body paragraphs
 * @param price price or pay as written
 * @param city city name
 * @param contacts contact lines
 * @param posted when it was posted
 */
public record AdText(String title, List<String> paragraphs, String price, String city, List<String> contacts,
                     Instant posted) {
    /** Freezes the lists. */
    public AdText {
        paragraphs = List.copyOf(paragraphs);
        contacts = List.copyOf(contacts);
    }
}
