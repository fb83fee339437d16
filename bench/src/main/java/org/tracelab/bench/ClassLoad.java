package org.tracelab.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load of a class on one lab server: TRAINEES trainees each fetching every path of a site once, one request at a
 * time as {@code collect} does (each in their own order, on their own keep-alive connection), while HANDINS more
 * post a hand-in ZIP again and again to the class service until the trainees are done. Prints the site's figures:
 * {@code site REQUESTS FAILED SECONDS REQ_PER_S P50_MS P99_MS MAX_MS} and, with hand-ins, {@code handins OK FAILED}.
 * {@code bench/class-load} runs it against {@code lab class}, {@code python3 -m http.server} and nginx.
 *
 * <p>Usage: {@code ClassLoad BASE_URL PATHS_FILE TRAINEES [HANDIN_URL... --zip FILE]}
 */
public final class ClassLoad {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private ClassLoad() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: ClassLoad BASE_URL PATHS_FILE TRAINEES [HANDIN_URL... --zip FILE]");
            System.exit(2);
        }
        URI base = URI.create(args[0]);
        List<String> paths = Files.readAllLines(Path.of(args[1])).stream().filter(l -> !l.isBlank()).toList();
        int trainees = Integer.parseInt(args[2]);
        List<URI> handins = new ArrayList<>();
        Path zip = null;
        for (int i = 3; i < args.length; i++) {
            if (args[i].equals("--zip")) {
                zip = Path.of(args[++i]);
            } else {
                handins.add(URI.create(args[i]));
            }
        }
        if (!handins.isEmpty() && zip == null) {
            throw new IllegalArgumentException("hand-in addresses need --zip FILE");
        }
        long[][] latencies = new long[trainees][];
        AtomicLong failed = new AtomicLong();
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong handedIn = new AtomicLong();
        AtomicLong handinsFailed = new AtomicLong();
        List<Thread> posting = new ArrayList<>();
        byte[] body = zip == null ? null : Files.readAllBytes(zip);
        for (URI target : handins) {
            posting.add(Thread.ofPlatform().start(() -> {
                try (HttpClient http = HttpClient.newHttpClient()) {
                    while (!done.get()) {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(target).timeout(TIMEOUT)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        (r.statusCode() == 201 ? handedIn : handinsFailed).incrementAndGet();
                    }
                } catch (IOException | InterruptedException e) {
                    handinsFailed.incrementAndGet();
                }
            }));
        }
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < trainees; t++) {
            int trainee = t;
            threads.add(Thread.ofPlatform().start(() -> {
                List<String> order = new ArrayList<>(paths);
                Collections.shuffle(order, new Random(trainee));
                long[] mine = new long[order.size()];
                try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(TIMEOUT).build()) {
                    for (int i = 0; i < order.size(); i++) {
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(base.resolve(order.get(i)))
                                    .timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofByteArray());
                            if (r.statusCode() != 200) {
                                failed.incrementAndGet();
                            }
                        } catch (IOException e) {
                            failed.incrementAndGet();
                        }
                        mine[i] = System.nanoTime() - t0;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                latencies[trainee] = mine;
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        done.set(true);
        for (Thread t : posting) {
            t.join();
        }
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf(Locale.ROOT, "site %d %d %.3f %.1f %.2f %.2f %.2f%n", all.length, failed.get(), seconds,
                all.length / seconds, ms(all, 0.50), ms(all, 0.99), all[all.length - 1] / 1e6);
        if (!handins.isEmpty()) {
            System.out.printf(Locale.ROOT, "handins %d %d%n", handedIn.get(), handinsFailed.get());
        }
    }

    /** The {@code q} quantile of sorted nanoseconds, in milliseconds (nearest rank). */
    private static double ms(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
