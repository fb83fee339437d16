package org.tracelab.collectors.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/** A web site on 127.0.0.1 for tests, its pages made by the test (fictitious content). */
final class TestSite implements AutoCloseable {
    private final HttpServer server;

    TestSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** Serves {@code body} at {@code path} with {@code type}. */
    TestSite page(String path, String type, String body) {
        return handle(path, x -> send(x, 200, type, body.getBytes(StandardCharsets.UTF_8)));
    }

    TestSite handle(String path, HttpHandler h) {
        server.createContext(path, x -> {
            // contexts match by prefix; only the exact path is this page
            if (!x.getRequestURI().getPath().equals(path)) {
                send(x, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
                return;
            }
            h.handle(x);
        });
        return this;
    }

    static void send(HttpExchange x, int status, String type, byte[] body) throws IOException {
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
