package org.tracelab.shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.tracelab.core.Json;
import org.tracelab.core.TracelabException;

/**
 * OpenSearch's REST API over the JDK's HttpClient: one request, its status and JSON answer. A cluster that cannot be
 * reached is an I/O failure naming its URL; the credentials are sent, never shown.
 */
final class ClusterHttp {
    /** The JDK's connect timeout covers the TLS handshake too, which a loaded lab machine can take seconds over. */
    private static final Duration CONNECT = Duration.ofSeconds(15);
    private static final Duration ANSWER = Duration.ofSeconds(120);
    private final SharedCluster cluster;
    private final HttpClient client;

    ClusterHttp(SharedCluster cluster) {
        this.cluster = cluster;
        this.client = HttpClient.newBuilder().connectTimeout(CONNECT).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** An answer: its HTTP status and body as JSON (missing when the body was no JSON). */
    record Answer(int status, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** OpenSearch's own reason for an error, or the status. */
        String reason() {
            JsonNode r = body.path("error").path("reason");
            if (r.isTextual()) {
                JsonNode cause = body.path("error").path("caused_by").path("reason");
                return r.asText() + (cause.isTextual() && !cause.asText().equals(r.asText()) ? " (" + cause.asText()
                        + ")" : "");
            }
            return "HTTP " + status;
        }
    }

    SharedCluster cluster() {
        return cluster;
    }

    Answer get(String path) {
        return send("GET", path, null, "application/json");
    }

    Answer delete(String path) {
        return send("DELETE", path, null, "application/json");
    }

    Answer put(String path, Object body) {
        return send("PUT", path, Json.write(body), "application/json");
    }

    Answer post(String path, Object body) {
        return send("POST", path, Json.write(body), "application/json");
    }

    /** A bulk request: its body is newline-delimited JSON. */
    Answer bulk(byte[] ndjson) {
        return await(bulkAsync(ndjson));
    }

    /** The answer of a request sent in the background, its failure thrown as {@link #bulk} throws it. */
    static Answer await(CompletableFuture<Answer> pending) {
        try {
            return pending.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof TracelabException t) {
                throw t;
            }
            throw e;
        }
    }

    /**
     * A bulk request sent in the background, so the next one can be made while the cluster indexes this one; its
     * answer, or the same failure {@link #bulk} throws, comes through the future.
     */
    CompletableFuture<Answer> bulkAsync(byte[] ndjson) {
        HttpRequest request = request("POST", "/_bulk", HttpRequest.BodyPublishers.ofByteArray(ndjson),
                "application/x-ndjson");
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((r, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure;
                        throw cause instanceof Exception e ? failed(e) : new CompletionException(cause);
                    }
                    return answer(r);
                });
    }

    private HttpRequest request(String method, String path, HttpRequest.BodyPublisher body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(cluster.url() + path)).timeout(ANSWER)
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
        if (body != null) {
            b.header("Content-Type", contentType);
        }
        cluster.authorization().ifPresent(a -> b.header("Authorization", a));
        return b.build();
    }

    private Answer send(String method, String path, String body, String contentType) {
        HttpRequest request = request(method, path, body == null ? null
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8), contentType);
        try {
            return answer(client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw failed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable("interrupted", e);
        }
    }

    /** A request that got no answer, as one line naming the cluster. */
    private TracelabException failed(Exception e) {
        if (e instanceof TracelabException t) {
            return t;
        }
        if (e instanceof HttpConnectTimeoutException || e instanceof ConnectException) {
            return unreachable("no answer (" + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()) + ")", e);
        }
        if (e instanceof HttpTimeoutException) {
            return unreachable("no answer within " + ANSWER.toSeconds() + " s", e);
        }
        return unreachable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
    }

    private Answer answer(HttpResponse<String> r) {
        JsonNode json;
        try {
            json = r.body().isBlank() ? MissingNode.getInstance() : Json.parse(r.body());
        } catch (RuntimeException e) {
            json = MissingNode.getInstance();
        }
        if (r.statusCode() == 401 || r.statusCode() == 403) {
            throw new TracelabException(TracelabException.Failure.IO, "shared index at " + cluster + ": access "
                    + "refused (HTTP " + r.statusCode() + "); check " + SharedCluster.ENV_USER + "/"
                    + SharedCluster.ENV_PASSWORD + " or " + SharedCluster.ENV_CREDENTIALS);
        }
        return new Answer(r.statusCode(), json);
    }

    private TracelabException unreachable(String what, Exception cause) {
        return new TracelabException(TracelabException.Failure.IO, "shared index at " + cluster + ": unreachable: "
                + what, cause);
    }
}
