package org.tracelab.samples;

import java.util.Locale;
import org.tracelab.core.TracelabException;

/** How a scenario's web site is built: plain HTML pages, or shells that scripts fill from a JSON API. */
public enum SiteStyle {
    /** Every listing and ad page is HTML with its content, as {@code collect page} sees it. */
    STATIC,
    /**
     * Listing and ad pages are shells filled by a script from {@code api/…json}, as real classifieds are: only a
     * real browser ({@code collect browser}) sees the ads.
     */
    SPA;

    /** The style named on the command line ({@code static} or {@code spa}); anything else is bad input. */
    public static SiteStyle parse(String name) {
        for (SiteStyle s : values()) {
            if (s.name().toLowerCase(Locale.ROOT).equals(name.strip().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw TracelabException.badInput("--site " + name, "expected static or spa");
    }

    /** The name on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
