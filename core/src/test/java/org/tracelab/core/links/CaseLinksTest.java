package org.tracelab.core.links;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Case;
import org.tracelab.core.CaseManifest;
import org.tracelab.core.collect.CaptureSink;
import org.tracelab.core.collect.NewItem;
import org.tracelab.core.collect.Progress;

/** Links through identifiers of the pages' markup: a site's own channel ties none of its pages. Pages fictitious. */
class CaseLinksTest {
    private static final Instant AT = Instant.parse("2026-12-06T08:00:00Z");
    private static final String SITE_FOOTER = "<footer><a href=\"https://t.me/sample_site_channel_demo\">"
            + "<img src=\"/tg.svg\"></a></footer>";

    @TempDir
    Path tmp;

    @Test
    void aSitesOwnChannelInItsFooterTiesNoPagesButAButtonOnTwoSitesDoes() throws Exception {
        try (Case c = Case.create(tmp.resolve("case"), CaseManifest.create("Links (fictitious)", "Cadet A",
                "test of links through markup, fictitious data", "UZ", AT), Clock.systemUTC())) {
            CaptureSink sink = c.startCapture("page", Map.of("urls", "fictitious"), null);
            long a1 = page(sink, "https://www.ads.example/1", "<p>Sotiladi, tel 90 123 45 67</p>" + SITE_FOOTER);
            long a2 = page(sink, "https://ads.example/2", "<p>Ijaraga, tel 93 765 43 21</p>" + SITE_FOOTER);
            long a3 = page(sink, "https://ads.example/3", "<p>Ish bor</p><a href=\"https://t.me/sample_recruiter_demo\">"
                    + "<i></i></a>" + SITE_FOOTER);
            long b1 = page(sink, "https://jobs.example/7", "<p>Vakansiya</p><a href=\"https://t.me/sample_recruiter_demo"
                    + "\">Yozing</a>");
            long a4 = page(sink, "https://ads.example/4", "<p>Telegram kanalimiz: @sample_site_channel_demo</p>" + SITE_FOOTER);
            long a5 = page(sink, "https://ads.example/5", "<p>Telegram: sample_site_channel_demo</p>");
            c.finishCapture("page", Map.of("items", 6));
            c.ingest(Progress.NONE);

            List<Cluster> clusters = CaseLinks.run(c, t -> true).links().clusters();
            assertEquals(List.of(List.of(Long.toString(a3), Long.toString(b1)),
                    List.of(Long.toString(a4), Long.toString(a5))),
                    clusters.stream().map(Cluster::items).map(l -> l.stream().sorted().toList())
                            .sorted((x, y) -> x.get(0).compareTo(y.get(0))).toList(),
                    () -> "clusters " + clusters + "; pages " + List.of(a1, a2));
        }
    }

    private static long page(CaptureSink sink, String url, String body) throws Exception {
        String html = "<html><body>" + body + "</body></html>";
        return sink.store(NewItem.of("page", url, AT, "page", "text/html", null, Map.of()),
                new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8))).id();
    }

    @Test
    void theHostOfAWebSourceOnly() {
        assertEquals("ads.example", CaseLinks.host("https://www.ADS.example/d/1?x=2"));
        assertEquals("ads.example:8080", CaseLinks.host("http://ads.example:8080"));
        assertEquals(null, CaseLinks.host("/evidence/ad.html"));
    }
}
