package org.tracelab.collectors.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.tracelab.core.TracelabException;

class UrlsTest {
    @Test
    void canonicalFormLowercasesSchemeAndHostDropsDefaultPortAndFragment() {
        assertEquals("http://lab.example/ads/1", Urls.target("HTTP://Lab.Example:80/ads/1#contact").toString());
        assertEquals("https://lab.example/", Urls.target("https://lab.example:443").toString());
    }

    @Test
    void relativeLinkResolvesAgainstThePageAndNonHttpLinksAreDropped() {
        URI base = URI.create("http://lab.example/ads/list");
        assertEquals("http://lab.example/ads/2", Urls.resolve(base, "2#top").orElseThrow().toString());
        assertTrue(Urls.resolve(base, "mailto:hr@example.invalid").isEmpty());
        assertTrue(Urls.resolve(base, "javascript:void(0)").isEmpty());
    }

    @Test
    void otherSchemesAreBadInputNamingTheUrl() {
        TracelabException e = assertThrows(TracelabException.class, () -> Urls.target("file:///etc/passwd"));
        assertTrue(e.getMessage().contains("file:///etc/passwd"));
        assertEquals(TracelabException.Failure.BAD_INPUT, e.failure());
    }
}
