package org.tracelab.core.lang;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Language identification scored against a labelled sample: a confusion matrix, precision, recall and accuracy. */
final class Confusion {
    /** One labelled text. */
    record Sample(String tag, String text) {
    }

    /** expected tag → answered tag → count. */
    private final Map<String, Map<String, Integer>> counts = new TreeMap<>();
    private final List<String> mistakes = new ArrayList<>();
    private int total;
    private int right;

    /** Identifies every sample and counts the answers. */
    static Confusion of(LanguageIdentifier identifier, List<Sample> samples) {
        Confusion c = new Confusion();
        for (Sample s : samples) {
            c.add(s, identifier.identify(s.text()).tag());
        }
        return c;
    }

    private void add(Sample s, String got) {
        counts.computeIfAbsent(s.tag(), k -> new TreeMap<>()).merge(got, 1, Integer::sum);
        total++;
        if (got.equals(s.tag())) {
            right++;
        } else {
            mistakes.add(s.tag() + " -> " + got + ": " + s.text());
        }
    }

    /** Share of samples answered with their own tag. */
    double accuracy() {
        return right / (double) total;
    }

    /** Of the samples labelled {@code tag}, the share answered {@code tag}. */
    double recall(String tag) {
        Map<String, Integer> row = counts.getOrDefault(tag, Map.of());
        int n = row.values().stream().mapToInt(Integer::intValue).sum();
        return n == 0 ? 0 : row.getOrDefault(tag, 0) / (double) n;
    }

    /** Of the samples answered {@code tag}, the share labelled {@code tag}; 1 when none was. */
    double precision(String tag) {
        int answered = counts.values().stream().mapToInt(row -> row.getOrDefault(tag, 0)).sum();
        return answered == 0 ? 1 : counts.getOrDefault(tag, Map.of()).getOrDefault(tag, 0) / (double) answered;
    }

    /** The tags the sample is labelled with. */
    List<String> labels() {
        return List.copyOf(counts.keySet());
    }

    /** The matrix (rows expected, columns answered), per-language precision and recall, and every mistake. */
    String report(String title) {
        TreeSet<String> columns = new TreeSet<>(counts.keySet());
        counts.values().forEach(row -> columns.addAll(row.keySet()));
        StringBuilder sb = new StringBuilder(String.format("%s: %d/%d = %.3f%n%-9s", title, right, total,
                accuracy(), "expected"));
        columns.forEach(c -> sb.append(String.format("%8s", c)));
        sb.append(String.format("%8s%8s%n", "prec", "recall"));
        counts.forEach((tag, row) -> {
            sb.append(String.format("%-9s", tag));
            columns.forEach(c -> sb.append(String.format("%8d", row.getOrDefault(c, 0))));
            sb.append(String.format("%8.3f%8.3f%n", precision(tag), recall(tag)));
        });
        mistakes.forEach(m -> sb.append("  ").append(m).append('\n'));
        return sb.toString();
    }

    /** The samples of a TSV resource beside this class ({@code tag<TAB>text}, {@code #} comments). */
    static List<Sample> read(String resource) throws IOException {
        List<Sample> samples = new ArrayList<>();
        try (InputStream in = Confusion.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                samples.add(new Sample(parts[0], parts[1]));
            }
        }
        return samples;
    }
}
