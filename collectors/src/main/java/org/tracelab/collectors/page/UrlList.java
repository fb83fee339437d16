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
import org.tracelab.collectors.http.Urls;
import org.tracelab.core.TracelabException;
import org.tracelab.core.collect.CollectRequest;
import org.tracelab.core.collect.CollectorOption;

/**
 * The URLs a crawl is asked for: its targets, then the lines of {@code --from FILE} (blank lines and # comments
 * skipped), each checked, without duplicates; shared by {@code collect page} and {@code collect browser}.
 */
public final class UrlList {
    /** The option naming a file of more URLs, as every crawl offers it. */
    public static final CollectorOption FROM = CollectorOption.value("--from", "FILE",
            "read more URLs from FILE, one a line, # starts a comment", null);
    /** The longest line a --from file may have: far past any real URL, short of a file that is no list at all. */
    static final int MAX_LINE = 1 << 16;

    private UrlList() {
    }

    /**
     * The request's URLs, at most {@code max} of them; every one is checked, but no more are kept than the run may
     * fetch, so a list of millions stays small. None at all is bad input.
     */
    public static List<URI> of(CollectRequest request, int max) {
        Set<URI> seeds = new LinkedHashSet<>();
        Consumer<String> seed = t -> {
            URI u = Urls.target(t);
            if (seeds.size() < max) {
                seeds.add(u);
            }
        };
        request.targets().forEach(seed);
        request.value("--from").ifPresent(f -> read(Path.of(f), seed));
        if (seeds.isEmpty()) {
            throw TracelabException.badInput("collect " + request.collectorId(), "give at least one URL, or --from FILE");
        }
        return new ArrayList<>(seeds);
    }

    /** Hands each URL line of {@code file} (blank lines and # comments skipped) to {@code url}, line by line. */
    private static void read(Path file, Consumer<String> url) {
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
