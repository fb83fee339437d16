package org.tracelab.core.export;

import java.util.Locale;
import org.tracelab.core.TracelabException;

/** The two forms of a table export: CSV (RFC 4180, UTF-8) for spreadsheets, JSON Lines for programs. */
public enum TableFormat {
    CSV,
    JSONL;

    /** The format named {@code csv} or {@code jsonl}, or bad input naming it. */
    public static TableFormat of(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw TracelabException.badInput("format '" + name + "'", "use csv or jsonl");
        }
    }
}
