package org.tracelab.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The fictitious recruitment ads the benchmarks work on, one per language and script, from {@code ads.txt}. */
final class Ads {
    private Ads() {
    }

    /** The ad text written in {@code language} ({@code uz-latn}, {@code uz-cyrl}, {@code ru}, {@code en}). */
    static String of(String language) {
        String ad = all().get(language);
        if (ad == null) {
            throw new IllegalArgumentException("no benchmark ad in language '" + language + "'; there are "
                    + all().keySet());
        }
        return ad;
    }

    private static Map<String, String> all() {
        Map<String, String> ads = new LinkedHashMap<>();
        // The stream is opened and closed here; the resource is a few kilobytes.
        try (InputStream in = Ads.class.getResourceAsStream("ads.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String language = null;
            StringBuilder text = new StringBuilder();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("=== ")) {
                    if (language != null) {
                        ads.put(language, text.toString().strip());
                    }
                    language = line.substring(4).strip();
                    text.setLength(0);
                } else if (language != null) {
                    text.append(line).append('\n');
                }
            }
            if (language != null) {
                ads.put(language, text.toString().strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ads;
    }
}
