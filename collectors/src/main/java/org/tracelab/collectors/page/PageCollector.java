package org.tracelab.collectors.page;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.tracelab.collectors.http.HttpCapture;
import org.tracelab.collectors.http.HttpCollector;
import org.tracelab.collectors.http.HttpOptions;
import org.tracelab.collectors.http.Urls;
import org.tracelab.core.TracelabException;
import org.tracelab.core.collect.CaptureSink;
import org.tracelab.core.collect.CollectRequest;
import org.tracelab.core.collect.CollectorOption;
import org.tracelab.core.collect.IntOption;

/** {@code collect page URL...}: captures web pages, and with {@code --depth} crawls the links they hold, politely. */
public final class PageCollector extends HttpCollector {
    /** The longest line a --from file may have: far past any real URL, short of a file that is no list at all. */
    static final int MAX_LINE = 1 << 16;
    /** The collector's id on the command line. */
    public static final String ID = "page";
    static final IntOption DEPTH = new IntOption("--depth", "N", "follow links up to N steps from the given URLs", 0, 0,
            100);
    static final IntOption MAX_PAGES = new IntOption("--max-pages", "N", "fetch at most N URLs in this run", 10_000, 1,
            10_000_000);

    /** The collector as ServiceLoader makes it. */
    public PageCollector() {
        super(ID);
    }

    @Override
    public String description() {
        return "web pages over HTTP(S), with WARC records; --depth N crawls the links they hold";
    }

    @Override
    protected List<CollectorOption> ownOptions() {
        return List.of(
                CollectorOption.value("--from", "FILE", "read more URLs from FILE, one a line, # starts a comment", null),
                DEPTH.option(),
                CollectorOption.flag("--same-host", "follow links only to the host of the page they are on"),
                MAX_PAGES.option());
    }

    @Override
    public void collect(CollectRequest request, CaptureSink sink) throws IOException {
        CrawlPlan plan = plan(request);
        try (HttpCapture http = open(plan.settings(), sink)) {
            new Crawler(plan, http, request.progress()).run();
        }
    }

    /** Reads and checks the request before anything is fetched; any fault is bad input naming it. */
    CrawlPlan plan(CollectRequest request) {
        int depth = DEPTH.read(request);
        int maxPages = MAX_PAGES.read(request);
        Set<URI> seeds = new LinkedHashSet<>();
        // Every URL is checked, but no more are kept than the run may fetch: a list of millions stays small.
        Consumer<String> seed = t -> {
            URI u = Urls.target(t);
            if (seeds.size() < maxPages) {
                seeds.add(u);
            }
        };
        request.targets().forEach(seed);
        request.value("--from").ifPresent(f -> readUrlFile(Path.of(f), seed));
        if (seeds.isEmpty()) {
            throw TracelabException.badInput("collect page", "give at least one URL, or --from FILE");
        }
        return new CrawlPlan(new ArrayList<>(seeds), depth, request.flag("--same-host"), maxPages,
                HttpOptions.settings(request));
    }

    /** Hands each URL line of {@code file} (blank lines and # comments skipped) to {@code url}, line by line. */
    private static void readUrlFile(Path file, Consumer<String> url) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), utf8))) {
            StringBuilder line = new StringBuilder();
            long number = 1;
            for (int ch; (ch = in.read()) >= 0; ) {
                if (ch == '\n') {
                    take(line, url);
                    number++;
                } else if (line.length() == MAX_LINE) {
                    // /dev/zero, or a binary file that happens to be UTF-8: not a list of URLs
                    throw TracelabException.badInput("--from " + file, "line " + number + " is longer than "
                            + MAX_LINE + " characters; not a list of URLs");
                } else {
                    line.append((char) ch);
                }
            }
            take(line, url);
        } catch (NoSuchFileException e) {
            throw TracelabException.badInput("--from " + file, "no such file");
        } catch (IOException e) {
            throw TracelabException.badInput("--from " + file, "cannot be read as UTF-8 text: " + e.getMessage());
        }
    }

    private static void take(StringBuilder line, Consumer<String> url) {
        String l = line.toString().strip();
        line.setLength(0);
        if (!l.isEmpty() && !l.startsWith("#")) {
            url.accept(l);
        }
    }
}
