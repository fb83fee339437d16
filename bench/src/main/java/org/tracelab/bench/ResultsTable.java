package org.tracelab.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a results file of {@code bench/run} as a Markdown table: figure, size, Tracelab, peer, ratio, each bench's
 * sizes together so growth is visible, under a line naming the machine, date and commit.
 */
public final class ResultsTable {
    private ResultsTable() {
    }

    /** Where and on what the figures were measured. */
    public record Provenance(String command, String machine, String date, String commit) {
    }

    /** {@code ResultsTable RESULTS.tsv --machine M --date D --commit C --command CMD}: prints the table. */
    public static void main(String[] args) throws IOException {
        if (args.length != 9) {
            System.err.println("usage: ResultsTable RESULTS.tsv --machine M --date D --commit C --command CMD");
            System.exit(2);
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        Path file = Path.of(args[0]);
        List<BenchLine> lines = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            if (!line.isBlank()) {
                lines.add(BenchLine.parse(line, file + " line " + n));
            }
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.print(render(lines, new Provenance(options.get("--command"), options.get("--machine"),
                options.get("--date"), options.get("--commit"))));
    }

    /** The Markdown: a heading, the provenance, and one row per figure. */
    public static String render(List<BenchLine> lines, Provenance p) {
        StringBuilder md = new StringBuilder("# Benchmark results\n\n");
        md.append("Made by `").append(p.command()).append("` on ").append(p.date()).append(" at commit ")
                .append(p.commit()).append(".\n\nMachine: ").append(p.machine()).append(".\n\n")
                .append("Peers ran side by side in the same run. Ratio is Tracelab's figure divided by the peer's: ")
                .append("for a time, below 1 means Tracelab is faster; for a rate, above 1 does.\n\n")
                .append("| figure | size | Tracelab | peer | ratio |\n|---|---|---|---|---|\n");
        for (BenchLine l : ordered(lines)) {
            md.append("| ").append(l.bench()).append(", ").append(l.metric())
                    .append(" | ").append(size(l.size()))
                    .append(" | ").append(number(l.tracelab())).append(' ').append(l.unit())
                    .append(" | ").append(l.peerValue() == null ? "" : l.peer() + " " + number(l.peerValue()) + " "
                            + l.unit())
                    .append(" | ").append(l.ratio().map(r -> ratio(r, l.higherIsBetter())).orElse(""))
                    .append(" |\n");
        }
        return md.toString();
    }

    /** Benches in the order they first ran; within a bench, by size, then as they came. */
    static List<BenchLine> ordered(List<BenchLine> lines) {
        Map<String, Integer> firstSeen = new LinkedHashMap<>();
        for (BenchLine l : lines) {
            firstSeen.putIfAbsent(l.bench(), firstSeen.size());
        }
        List<BenchLine> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.<BenchLine>comparingInt(l -> firstSeen.get(l.bench()))
                .thenComparingLong(BenchLine::sizeNumber));
        return sorted;
    }

    static String size(String size) {
        try {
            long n = Long.parseLong(size);
            if (n >= 1_000_000 && n % 1_000_000 == 0) {
                return n / 1_000_000 + "M";
            }
            if (n >= 1_000 && n % 1_000 == 0) {
                return n / 1_000 + "k";
            }
            return String.format(Locale.ROOT, "%,d", n);
        } catch (NumberFormatException e) {
            return size;
        }
    }

    static String number(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }

    private static String ratio(double r, boolean higherIsBetter) {
        boolean faster = higherIsBetter ? r > 1 : r < 1;
        return String.format(Locale.ROOT, "%.2f", r) + (faster ? " (faster)" : " (slower)");
    }
}
