package org.tracelab.cli.e2e;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.tracelab.cli.Tracelab;

/**
 * A {@code tracelab lab class} run in this JVM through the real command line, read as the instructor reads it: the
 * trainees' address and the instructor's, and the join codes from codes.csv. Closing it stops the command.
 */
final class ClassSession implements AutoCloseable {
    /** The bundled small scenario (fictitious): served as it is, nothing to generate. */
    static final Path SMALL = Path.of("..", "samples", "scenarios", "small").toAbsolutePath().normalize();
    final URI base;
    final URI instructor;
    final Map<String, String> codes = new LinkedHashMap<>();
    private final Thread thread;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final HttpClient http = HttpClient.newHttpClient();

    ClassSession(Path classDir, String... args) throws IOException, InterruptedException {
        PipedInputStream in = new PipedInputStream(1 << 16);
        PipedOutputStream out = new PipedOutputStream(in);
        List<String> all = new ArrayList<>(List.of("lab", "class"));
        all.addAll(List.of(args));
        all.addAll(List.of("--out", classDir.toString()));
        thread = Thread.ofPlatform().name("lab-class-under-test").start(() -> {
            try (out) {
                exit.complete(Tracelab.run(all.toArray(String[]::new), Map.of(), Clock.systemUTC(), out, err,
                        false));
            } catch (IOException | RuntimeException e) {
                exit.completeExceptionally(e);
            }
        });
        URI b = null;
        URI i = null;
        List<String> seen = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        // Reads until the instructor line; a command that ends first ends the stream, so this cannot hang.
        for (String line; i == null && (line = r.readLine()) != null; ) {
            seen.add(line);
            if (line.startsWith("serving ")) {
                b = URI.create(line.substring(line.lastIndexOf(" at ") + 4));
            } else if (line.startsWith("instructor: ")) {
                i = URI.create(line.substring("instructor: ".length()));
            }
        }
        Thread.ofVirtual().start(() -> {
            try {
                r.transferTo(java.io.Writer.nullWriter());
            } catch (IOException ignored) {
                // the command ended
            }
        });
        if (b == null || i == null) {
            thread.join(10_000);
            throw new AssertionError("lab class printed no addresses; it printed " + seen + " and on stderr: "
                    + err.toString(StandardCharsets.UTF_8) + " exit " + exit.getNow(null));
        }
        this.base = b;
        this.instructor = i;
        for (String line : Files.readAllLines(classDir.resolve("codes.csv"))) {
            if (!line.equals("name,code")) {
                codes.put(line.substring(0, line.lastIndexOf(',')), line.substring(line.lastIndexOf(',') + 1));
            }
        }
    }

    /** GET {@code uri} (relative to the class's address); the status and body. */
    HttpResponse<String> get(String uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(uri)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** POST {@code body} to {@code uri} (relative to the class's address). */
    HttpResponse<String> post(String uri, byte[] body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(uri)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What the command wrote on stderr so far. */
    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        http.close();
        thread.interrupt();
        thread.join(TimeUnit.SECONDS.toMillis(30));
        if (thread.isAlive()) {
            throw new AssertionError("lab class did not stop within 30 s of being interrupted");
        }
    }
}
