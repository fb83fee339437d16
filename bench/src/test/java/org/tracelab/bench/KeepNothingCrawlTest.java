package org.tracelab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The floor crawls as collect page does: breadth first, to the depth asked, each URL once, HTML links only. */
class KeepNothingCrawlTest {
    // A fictitious four-page site: a cycle back to the root, a fragment, and a link inside plain text.
    private static final Map<String, String> SITE = Map.of(
            "/", "<a href=\"/a\">a</a> <a href=\"b#top\">b</a> <a href=\"/b\">b again</a>",
            "/a", "<a href=\"/\">home</a> <a href=\"/c\">c</a>",
            "/b", "<p>no links</p>",
            "/c", "<a href=\"/t.txt\">text</a>",
            "/t.txt", "<a href=\"/never\">not HTML, not followed</a>");
    private HttpServer server;

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            String page = SITE.get(ex.getRequestURI().getPath());
            byte[] body = (page == null ? "missing" : page).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type",
                    ex.getRequestURI().getPath().endsWith(".txt") ? "text/plain" : "text/html; charset=utf-8");
            ex.sendResponseHeaders(page == null ? 404 : 200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void fetchesEachReachablePageOnceToTheDepthAsked() throws Exception {
        URI root = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        assertEquals(5, KeepNothingCrawl.crawl(root, 5));
        assertEquals(1, KeepNothingCrawl.crawl(root, 0));
        assertEquals(3, KeepNothingCrawl.crawl(root, 1));
    }
}
