package org.tracelab.collectors.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    void internationalisedHostNamesAreFetchedByTheirPunycode() {
        assertEquals("http://xn--e1afmkfd.xn--p1ai/", Urls.target("http://пример.рф/").toString());
        assertEquals("https://xn--e1afmkfd.xn--80ao21a/ish", Urls.target("https://ПРИМЕР.ҚАЗ/ish").toString());
        assertEquals("http://xn--e1afmkfd.xn--p1ai:8080/", Urls.target("http://пример.рф:8080").toString());
    }

    @Test
    void aUrlWithAUserNameOrPasswordIsBadInputThatDoesNotRepeatThePassword() {
        TracelabException e = assertThrows(TracelabException.class,
                () -> Urls.target("http://trainee:s3cret@lab.example/ads"));
        assertEquals(TracelabException.Failure.BAD_INPUT, e.failure());
        assertTrue(e.getMessage().contains("http://trainee:***@lab.example/ads"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        assertThrows(TracelabException.class, () -> Urls.target("http://trainee@lab.example/"));
        assertEquals("https://u:***@h.example/p?q=a:b@c", Urls.withoutPassword("https://u:pw@h.example/p?q=a:b@c"));
        assertEquals("/cases/a:b@c.txt", Urls.withoutPassword("/cases/a:b@c.txt"), "not a URL: left as it is");
    }
}
