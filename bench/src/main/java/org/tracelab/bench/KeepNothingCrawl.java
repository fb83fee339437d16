package org.tracelab.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.tracelab.collectors.http.CaptureClient;
import org.tracelab.collectors.http.HtmlPages;
import org.tracelab.collectors.page.LinkExtractor;

/**
 * The floor under {@code collect page}'s crawl rate: the same JDK client, requests and link extraction, breadth
 * first, one request at a time with each page's links parsed beside the next request, and nothing kept (no store,
 * WARC, case database or custody log). A crawl that keeps evidence does all of this and more, so in a fresh JVM on
 * the same machine it cannot fetch and follow links faster.
 * {@code bench/crawl-vs-wget} runs it each round beside wget and Tracelab.
 *
 * <p>Usage: {@code KeepNothingCrawl URL [DEPTH]} (depth 5 by default, as the bench's {@code collect page}); prints
 * {@code keep-nothing PAGES SECONDS}, the seconds from the first request to the last page's links.
 */
public final class KeepNothingCrawl {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private KeepNothingCrawl() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: KeepNothingCrawl URL [DEPTH]");
            System.exit(2);
        }
        URI seed = URI.create(args[0]);
        int depth = args.length == 2 ? Integer.parseInt(args[1]) : 5;
        // On a virtual thread, as collect page's requests are.
        Thread crawl = Thread.ofVirtual().start(() -> {
            try {
                long start = System.nanoTime();
                int pages = crawl(seed, depth);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "keep-nothing %d %.3f%n", pages, seconds);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("crawl of " + seed + " failed", e);
            }
        });
        crawl.join();
    }

    /** Crawls from {@code seed} to {@code depth} links deep; returns how many pages were fetched. */
    static int crawl(URI seed, int depth) throws IOException, InterruptedException {
        int pages = 0;
        Set<URI> seen = ConcurrentHashMap.newKeySet();
        seen.add(seed);
        List<URI> level = List.of(seed);
        try (ExecutorService tasks = Executors.newVirtualThreadPerTaskExecutor();
             ExecutorService parsers = Executors.newVirtualThreadPerTaskExecutor();
             HttpClient client = CaptureClient.client(TIMEOUT, tasks)) {
            for (int d = 0; !level.isEmpty(); d++) {
                Queue<URI> next = new ConcurrentLinkedQueue<>();
                List<Future<?>> parsing = new ArrayList<>();
                for (URI url : level) {
                    HttpResponse<byte[]> r = client.send(CaptureClient.get(url, TIMEOUT),
                            HttpResponse.BodyHandlers.ofByteArray());
                    pages++;
                    String type = r.headers().firstValue("Content-Type").orElse("");
                    if (d < depth && r.statusCode() < 400 && type.startsWith("text/html")) {
                        // Parsed beside the next request, as collect page parses outside the host's turn.
                        parsing.add(parsers.submit(() -> {
                            for (URI link : LinkExtractor.links(new ByteArrayInputStream(r.body()),
                                    HtmlPages.charset(type).orElse(null), url)) {
                                if (seen.add(link)) {
                                    next.add(link);
                                }
                            }
                            return null;
                        }));
                    }
                }
                for (Future<?> f : parsing) {
                    try {
                        f.get();
                    } catch (ExecutionException e) {
                        throw new IOException("links of a page: " + e.getCause(), e.getCause());
                    }
                }
                level = new ArrayList<>(next);
            }
        }
        return pages;
    }
}
