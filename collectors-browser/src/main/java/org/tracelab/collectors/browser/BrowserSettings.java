package org.tracelab.collectors.browser;

import java.time.Duration;
import java.util.Objects;
import org.tracelab.collectors.http.HostAllowList;

/**
 * How each page is visited.
 *
 * @param width      the viewport's width in CSS pixels
 * @param height     the viewport's height in CSS pixels
 * @param budget     the time a page has to load, scroll and settle; what is there by then is kept and the cut noted
 * @param maxBytes   how much of one response body is kept
 * @param allowHosts the hosts the page may reach; in a lab every other request is blocked in the browser and logged
 * @param pdf        true to print each page to PDF as well
 */
record BrowserSettings(int width, int height, Duration budget, long maxBytes, HostAllowList allowHosts,
                       boolean pdf) {
    BrowserSettings {
        if (width < 100 || width > 10_000 || height < 100 || height > 10_000) {
            throw new IllegalArgumentException("viewport out of 100..10000: " + width + "x" + height);
        }
        Objects.requireNonNull(budget, "budget");
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("budget must be positive: " + budget);
        }
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        Objects.requireNonNull(allowHosts, "allowHosts");
    }

    /**
     * The time a page has, past its budget, to be pictured and read (screenshot, DOM, bodies): half the budget, at
     * most 15 s. A page still busy twice that long past its budget has its browser killed.
     */
    long graceMs() {
        return Math.min(15_000, budget.toMillis() / 2);
    }

    /** True when the run is confined to the allowed hosts (a lab). */
    boolean confined() {
        return !allowHosts.entries().isEmpty();
    }
}
