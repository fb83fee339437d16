package org.tracelab.samples.apitests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.samples.LabServer;
import org.tracelab.samples.LabServerOptions;
import org.tracelab.samples.ScenarioGenerator;
import org.tracelab.samples.ScenarioSpec;

class LabServerTest {
    @TempDir
    static Path shared;
    static Path scenario;
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void generate() throws IOException {
        scenario = shared.resolve("lab");
        ScenarioGenerator.generate(ScenarioSpec.of(3, 500), scenario);
        Files.writeString(shared.resolve("secret.txt"), "outside the site");
    }

    static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesPagesWithTheirContentTypes() throws Exception {
        try (LabServer server = LabServer.start(scenario, LabServerOptions.defaults())) {
            assertEquals("127.0.0.1", server.baseUri().getHost());
            HttpResponse<String> page = get(server.baseUri().resolve("ads/page-1.html"));
            assertEquals(200, page.statusCode());
            assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(page.body().contains("Fictitious training data"));
            HttpResponse<String> pdf = get(server.baseUri().resolve("docs/contract.pdf"));
            assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElseThrow());
            assertEquals(404, get(server.baseUri().resolve("ads/no-such-ad.html")).statusCode());
        }
    }

    @Test
    void sitemapAndRobotsNameTheServedBase() throws Exception {
        try (LabServer server = LabServer.start(scenario, LabServerOptions.defaults())) {
            String sitemap = get(server.baseUri().resolve("sitemap.xml")).body();
            assertTrue(sitemap.contains(server.baseUri() + "sitemap-ads-1.xml"), sitemap);
            assertFalse(sitemap.contains(ScenarioGenerator.PLACEHOLDER_BASE));
            String robots = get(server.baseUri().resolve("robots.txt")).body();
            assertTrue(robots.contains("Disallow: /private/"));
        }
    }

    @Test
    void channelLoadMoreMapsBeforeToItsFile() throws Exception {
        try (LabServer server = LabServer.start(scenario, LabServerOptions.defaults())) {
            HttpResponse<String> first = get(server.baseUri().resolve("s/ish_bor_demo"));
            assertEquals(200, first.statusCode());
            assertTrue(first.body().contains("tgme_widget_message_text"));
            java.util.regex.Matcher more = java.util.regex.Pattern.compile("href=\"(ish_bor_demo\\?before=(\\d+))\"")
                    .matcher(first.body());
            assertTrue(more.find(), "a load-more link");
            HttpResponse<String> older = get(server.baseUri().resolve("s/").resolve(more.group(1)));
            assertEquals(200, older.statusCode());
            assertTrue(older.body().contains("data-post=\"ish_bor_demo/" + (Integer.parseInt(more.group(2)) - 1)
                    + "\""));
        }
    }

    @Test
    void pathTraversalNeverLeavesTheSite() throws Exception {
        try (LabServer server = LabServer.start(scenario, LabServerOptions.defaults())) {
            for (String raw : new String[] {"/../secret.txt", "/ads/../../secret.txt", "/%2e%2e/secret.txt",
                "/ads/%2e%2e/%2e%2e/secret.txt"}) {
                String response = rawGet(server.baseUri(), raw);
                assertTrue(response.startsWith("HTTP/1.1 400") || response.startsWith("HTTP/1.1 404"), raw + ": "
                        + response.lines().findFirst().orElse(""));
                assertFalse(response.contains("outside the site"), raw);
            }
        }
    }

    @Test
    void headAnswersTheLengthAndHeadersOfAGetWithoutTheBody() throws Exception {
        try (LabServer server = LabServer.start(scenario, LabServerOptions.defaults())) {
            HttpResponse<String> get = get(server.baseUri().resolve("ads/page-1.html"));
            HttpResponse<String> head = CLIENT.send(HttpRequest.newBuilder(server.baseUri().resolve("ads/page-1.html"))
                    .HEAD().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, head.statusCode());
            assertEquals("", head.body());
            assertEquals(get.headers().firstValue("Content-Type"), head.headers().firstValue("Content-Type"));
            assertEquals(Long.toString(get.body().getBytes(StandardCharsets.UTF_8).length),
                    head.headers().firstValue("Content-Length").orElseThrow());
        }
    }

    @Test
    void oneKeptAliveConnectionAnswersRequestAfterRequestWithNoServerBanner() throws Exception {
        try (LabServer server = LabServer.start(scenario, LabServerOptions.defaults());
             Socket socket = new Socket(server.baseUri().getHost(), server.baseUri().getPort())) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < 3; i++) {
                out.write("GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String head = readHead(in);
                assertTrue(head.startsWith("HTTP/1.1 200"), head);
                assertFalse(head.toLowerCase(java.util.Locale.ROOT).contains("\nserver:"), head);
                java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: (\\d+)")
                        .matcher(head);
                assertTrue(length.find(), head);
                assertTrue(new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.UTF_8)
                        .contains("Fictitious training data"));
            }
        }
    }

    /** The status line and headers of one response, up to the blank line. */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection closed after: " + head);
            }
            head.append((char) b);
        }
        return head.toString();
    }

    @Test
    void errorRateOneAnswersEveryRequestWithA5xx() throws Exception {
        try (LabServer server = LabServer.start(scenario, new LabServerOptions(0, 1, 2, 1.0, 9))) {
            for (int i = 0; i < 5; i++) {
                int status = get(server.baseUri().resolve("index.html")).statusCode();
                assertTrue(status == 500 || status == 503, "status " + status);
            }
        }
    }

    @Test
    void closeStopsServing() throws Exception {
        LabServer server = LabServer.start(scenario, LabServerOptions.defaults());
        URI base = server.baseUri();
        server.close();
        try {
            get(base.resolve("index.html"));
            throw new AssertionError("still serving after close");
        } catch (IOException expected) {
            // the connection is refused once the server has stopped
        }
    }

    /** Sends the path exactly as written, since HttpClient would normalise the dots away. */
    private static String rawGet(URI base, String path) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            try (InputStream in = socket.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
