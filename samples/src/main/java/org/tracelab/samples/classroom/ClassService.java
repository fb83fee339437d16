package org.tracelab.samples.classroom;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.tracelab.core.Json;

/**
 * The class service's HTTP side, mounted at {@link #PREFIX} beside the lab site. Every address carries the secret
 * that opens it: a trainee's join code ({@code t/CODE}: their own page, their hand-ins) or the instructor's token
 * ({@code i/TOKEN/}: the overview, each trainee's page, {@code results.json}, {@code results.csv}). An unknown code
 * or token is answered 403 and nothing else. Hand-ins are bounded in size and, per code, in rate; a refused one gets
 * a 4xx with the reason in one line, and is recorded. Nothing here writes a code or the token to any log. It answers
 * on a thread of its own (blocking: an upload is read as it comes), writing each answer whole before it returns.
 */
final class ClassService implements Request.Handler {
    static final String PREFIX = "/_class/";
    private static final Pattern TRAINEE = Pattern.compile("^" + PREFIX + "t/([^/]{1,40})(/handin)?$");
    private static final Pattern INSTRUCTOR = Pattern.compile("^" + PREFIX + "i/([^/]{1,100})(/.*)?$");
    private static final Pattern TRAINEE_PAGE = Pattern.compile("^/t/(\\d{1,6})$");

    private final String token;
    private final RateLimit handins;
    private volatile ClassRoom room;

    ClassService(String token, RateLimit handins) {
        this.token = token;
        this.handins = handins;
    }

    /** The class this service answers for; until it is set, every request is answered 503. */
    void serve(ClassRoom room) {
        this.room = room;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Exchange exchange = new Exchange(request, response);
        try {
            ClassRoom r = room;
            if (r == null) {
                text(exchange, 503, "the class is starting; try again in a moment");
            } else {
                String path = request.getHttpURI().getPath();
                Matcher t = TRAINEE.matcher(path);
                Matcher i = INSTRUCTOR.matcher(path);
                if (t.matches()) {
                    trainee(exchange, r, t.group(1).toLowerCase(Locale.ROOT), t.group(2) != null);
                } else if (i.matches()) {
                    instructor(exchange, r, i.group(1), i.group(2) == null ? "/" : i.group(2));
                } else {
                    text(exchange, 404, "not found");
                }
            }
            callback.succeeded();
        } catch (IOException e) {
            // the other end went away (a trainee closing a laptop mid-upload); the server closes the connection and
            // serving goes on
            callback.failed(e);
        }
        return true;
    }

    /** A request and its response, answered here by blocking writes. */
    private record Exchange(Request request, Response response) {
        String method() {
            return request.getMethod();
        }

        String header(String name) {
            return request.getHeaders().get(name);
        }
    }

    private void trainee(Exchange exchange, ClassRoom r, String code, boolean handin) throws IOException {
        String method = exchange.method();
        Optional<Trainee> who = r.trainee(code);
        String address = Request.getRemoteAddr(exchange.request());
        if (who.isEmpty()) {
            text(exchange, 403, "unknown join code");
            return;
        }
        Trainee t = who.get();
        if (!handin) {
            if (!method.equals("GET") && !method.equals("HEAD")) {
                text(exchange, 405, "method not allowed");
                return;
            }
            String lang = language(exchange);
            html(exchange, ClassPages.traineeOwn(r, t, PREFIX + "t/" + code, lang));
            return;
        }
        if (!method.equals("POST")) {
            text(exchange, 405, "hand in with POST (tracelab lab submit does)");
            return;
        }
        long wait = handins.take(code);
        if (wait > 0) {
            refuse(exchange, r, t, address, 429, "too many hand-ins: at most " + handins.limit()
                    + " a minute; try again in " + wait + " s");
            return;
        }
        String length = exchange.header("Content-Length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                refuse(exchange, r, t, address, 400, "Content-Length '" + length + "' is not a number");
                return;
            }
            if (declared > r.maxBytes()) {
                refuse(exchange, r, t, address, 413, "the hand-in is " + declared + " bytes; this class takes at most "
                        + r.maxBytes());
                return;
            }
        }
        HandinResult result;
        try (InputStream body = Content.Source.asInputStream(exchange.request())) {
            result = r.accept(t, address, body);
        } catch (HandinRefused refused) {
            text(exchange, refused.status(), refused.getMessage());
            return;
        } catch (IOException | RuntimeException e) {
            // the class's own failure (a full disk, say): nothing was acknowledged, and the instructor sees why
            String why = "the class could not keep the hand-in: " + e.getMessage();
            r.refuse(t, address, 500, why);
            text(exchange, 500, why);
            return;
        }
        Map<String, Object> j = new java.util.LinkedHashMap<>();
        j.put("trainee", t.name());
        j.put("page", PREFIX + "t/" + code);
        j.putAll(ClassResults.handin(result, false));
        send(exchange, 201, "application/json", Json.write(j) + "\n");
    }

    private void refuse(Exchange exchange, ClassRoom r, Trainee t, String address, int status, String reason)
            throws IOException {
        r.refuse(t, address, status, reason);
        exchange.response().getHeaders().put(HttpHeader.CONNECTION, "close");
        text(exchange, status, reason);
    }

    private void instructor(Exchange exchange, ClassRoom r, String given, String rest) throws IOException {
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            text(exchange, 403, "unknown instructor token");
            return;
        }
        String method = exchange.method();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            text(exchange, 405, "method not allowed");
            return;
        }
        String base = PREFIX + "i/" + token + "/";
        Matcher page = TRAINEE_PAGE.matcher(rest);
        if (rest.equals("/")) {
            html(exchange, ClassPages.overview(r, base));
        } else if (rest.equals("/results.json")) {
            send(exchange, 200, "application/json", Json.write(ClassResults.json(r)) + "\n");
        } else if (rest.equals("/results.csv")) {
            exchange.response().getHeaders().put("Content-Disposition", "attachment; filename=\"results.csv\"");
            send(exchange, 200, "text/csv; charset=utf-8", "\uFEFF" + ClassResults.csv(r));
        } else if (page.matches()) {
            Optional<Trainee> t = r.trainee(Integer.parseInt(page.group(1)));
            if (t.isEmpty()) {
                text(exchange, 404, "no such trainee");
            } else {
                html(exchange, ClassPages.traineeForInstructor(r, t.get(), base));
            }
        } else {
            text(exchange, 404, "not found");
        }
    }

    /** uz, ru or en: as asked with {@code ?lang=}, else the browser's first of them, else Uzbek. */
    private static String language(Exchange exchange) {
        String query = exchange.request().getHttpURI().getQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("lang=")) {
                    String l = URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
                    if (Feedback.LANGUAGES.contains(l)) {
                        return l;
                    }
                }
            }
        }
        String accept = exchange.header("Accept-Language");
        if (accept != null) {
            for (String part : accept.toLowerCase(Locale.ROOT).split(",")) {
                String l = part.strip().split("[-;]")[0];
                if (Feedback.LANGUAGES.contains(l)) {
                    return l;
                }
            }
        }
        return "uz";
    }

    private static void html(Exchange exchange, String page) throws IOException {
        exchange.response().getHeaders().put("Cache-Control", "no-store");
        exchange.response().getHeaders().put("Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'");
        send(exchange, 200, "text/html; charset=utf-8", page);
    }

    private static void text(Exchange exchange, int status, String text) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", text + "\n");
    }

    /** Writes the whole answer, blocking; the server leaves the body out of the answer to a HEAD. */
    private static void send(Exchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Response response = exchange.response();
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        Content.Sink.write(response, true, ByteBuffer.wrap(bytes));
    }
}
