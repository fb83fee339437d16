package org.tracelab.core.entities;

import java.util.Locale;

/**
 * Where in an item an entity was found, so that what links items can weigh it: a handle an ad's text gives is the
 * advertiser's; one in a page's markup may be the site's own (its header or footer).
 */
public enum FoundIn {
    /** In the item's extracted text, as a reader sees it. */
    TEXT,
    /** In an {@code href} or {@code data-*} URL of the item's markup, which a reader does not see as text. */
    LINK,
    /** In text recognised in an image. */
    OCR;

    /** The stable lowercase name the case stores ({@code text}, {@code link}, {@code ocr}). */
    public String storedName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value for a stored name; a row without one (written before the column existed) was found in the text. */
    public static FoundIn ofStored(String name) {
        if (name == null) {
            return TEXT;
        }
        for (FoundIn f : values()) {
            if (f.storedName().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown place an entity was found: '" + name + "'");
    }
}
