package org.tracelab.collectors.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Links a crawl may follow, made canonical, in document order, each once; fictitious pages. */
class LinkExtractorTest {
    private static final URI BASE = URI.create("http://lab.example/ads/");

    private static ByteArrayInputStream page(String html) {
        return new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anchorsAreasAndFramesResolvedCanonicalInOrderOnce() throws Exception {
        String html = """
                <a href="b.html#top">b</a><area href="/map"><iframe src="frame.html"></iframe>
                <a href="b.html">b again</a><a href="mailto:x@lab.example">mail</a><a href="HTTP://LAB.example:80/c">c
                <a href="javascript:void(0)">js</a><a>no href</a>""";
        assertEquals(List.of(URI.create("http://lab.example/ads/b.html"), URI.create("http://lab.example/map"),
                        URI.create("http://lab.example/ads/frame.html"), URI.create("http://lab.example/c")),
                new ArrayList<>(LinkExtractor.links(page(html), "utf-8", BASE)));
    }

    @Test
    void stopsAsSoonAsNoMoreLinksAreWanted() throws Exception {
        StringBuilder html = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            html.append("<a href=\"/p/").append(i).append("\">ad</a>\n");
        }
        List<URI> taken = new ArrayList<>();
        LinkExtractor.links(page(html.toString()), "utf-8", BASE, link -> {
            taken.add(link);
            return taken.size() < 3;
        });
        assertEquals(List.of(URI.create("http://lab.example/p/0"), URI.create("http://lab.example/p/1"),
                URI.create("http://lab.example/p/2")), taken);
    }
}
