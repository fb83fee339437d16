package org.tracelab.core.items;

import org.tracelab.core.TracelabException;

/** The rule every tag follows, wherever it is given (the {@code tag} command, {@code collect --tag}, a scan). */
public final class Tags {
    /** Longest tag, in chars. */
    static final int MAX_CHARS = 100;

    private Tags() {
    }

    /** {@code tag} without surrounding blanks, or bad input naming it: 1 to 100 characters, no control characters. */
    public static String checked(String tag) {
        String t = tag == null ? "" : tag.strip();
        if (t.isEmpty() || t.length() > MAX_CHARS || t.chars().anyMatch(Character::isISOControl)) {
            throw TracelabException.badInput("tag '" + tag + "'", "a tag is 1 to 100 characters, no control characters");
        }
        return t;
    }
}
