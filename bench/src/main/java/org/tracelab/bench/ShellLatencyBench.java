package org.tracelab.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.tracelab.cli.Tracelab;

/**
 * The shell's answer time per search, as a trainee at a terminal waits for it: {@code tracelab shell} run in this
 * JVM on a case, fed one line at a time; a line's time runs from the moment the shell reads it to the moment it asks
 * for the next, so it holds the parse, the search, the highlighting and the printing. The peer is
 * {@code rg -i -c WORD} over the case's blobs (every capture and every extracted text), one process per query, as
 * a user without Tracelab would search the same texts.
 *
 * <p>Usage: {@code ShellLatencyBench CASE_DIR [ROUNDS [QUERIES_FILE]]} (one query a line, for a case of other
 * texts than the generator's ads); the first round warms the JVM and is not counted. The system property
 * {@code tracelab.bench.rgRounds} gives the peer's rounds (default: ROUNDS).
 */
public final class ShellLatencyBench {
    /** Words and phrases of the kinds trainees search for; all common in the generator's fictitious ads. */
    static final List<String> QUERIES = List.of("ish", "работа", "viza", "zarplata", "telegram", "Dubai",
            "вакансия", "maosh", "\"chet elda ish\"", "Москва");

    private ShellLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: ShellLatencyBench CASE_DIR [ROUNDS [QUERIES_FILE]]");
            System.exit(2);
        }
        Path caseDir = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        List<String> queries = args.length > 2 ? Files.readAllLines(Path.of(args[2])).stream()
                .filter(l -> !l.isBlank()).toList() : QUERIES;
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < rounds + 1; r++) {
            queries.forEach(q -> lines.add("search " + q + " --limit 10"));
        }
        Lines input = new Lines(lines);
        int code = Tracelab.run(new String[] {"--case", caseDir.toString(), "shell"}, Map.of(), Clock.systemUTC(),
                input, OutputStream.nullOutputStream(), System.err, false);
        if (code != 0) {
            System.err.println("ShellLatencyBench: the shell ended with exit status " + code);
            System.exit(3);
        }
        double[] shell = Arrays.copyOfRange(input.millis(), queries.size(), lines.size());
        // The peer may run fewer rounds than the shell: at 1,000,000 ads one rg over the blobs takes half a minute.
        int rgRounds = Integer.getInteger("tracelab.bench.rgRounds", rounds);
        List<Double> rg = new ArrayList<>();
        for (int r = 0; r < rgRounds; r++) {
            for (String q : queries) {
                rg.add(ripgrep(q.replace("\"", ""), caseDir.resolve("blobs")));
            }
        }
        double[] peer = rg.stream().mapToDouble(Double::doubleValue).toArray();
        System.out.printf("shell search, %d searches: p50 %.1f ms, p99 %.1f ms, mean %.1f ms%n", shell.length,
                percentile(shell, 50), percentile(shell, 99), Arrays.stream(shell).average().orElse(0));
        System.out.printf("rg -i -c over the case's blobs, %d runs: p50 %.1f ms, p99 %.1f ms, mean %.1f ms%n",
                peer.length, percentile(peer, 50), percentile(peer, 99), Arrays.stream(peer).average().orElse(0));
        System.out.printf("ratio (shell / rg): p50 %.3f, p99 %.3f%n", percentile(shell, 50) / percentile(peer, 50),
                percentile(shell, 99) / percentile(peer, 99));
    }

    private static double ripgrep(String word, Path texts) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = new ProcessBuilder("rg", "-i", "-c", "--", word, texts.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("rg did not finish in 10 minutes");
        }
        return (System.nanoTime() - start) / 1e6;
    }

    static double percentile(double[] values, int p) {
        double[] v = values.clone();
        Arrays.sort(v);
        int i = (int) Math.ceil(p / 100.0 * v.length) - 1;
        return v[Math.max(0, Math.min(v.length - 1, i))];
    }

    /**
     * Standard input that hands the shell one line per read and notes the time of each read: the shell reads the
     * next line only when it has finished the one before (it asks for more only once the line is used up).
     */
    static final class Lines extends InputStream {
        private final List<byte[]> lines;
        private final long[] given;
        private final long[] done;
        private int next;
        private byte[] current = new byte[0];
        private int at;

        Lines(List<String> lines) {
            this.lines = lines.stream().map(l -> (l + "\n").getBytes(StandardCharsets.UTF_8)).toList();
            this.given = new long[lines.size()];
            this.done = new long[lines.size()];
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (at == current.length) {
                long now = System.nanoTime();
                if (next > 0) {
                    done[next - 1] = now;
                }
                if (next == lines.size()) {
                    return -1;
                }
                current = lines.get(next);
                given[next++] = now;
                at = 0;
            }
            int n = Math.min(len, current.length - at);
            System.arraycopy(current, at, b, off, n);
            at += n;
            return n;
        }

        @Override
        public int available() {
            return current.length - at;
        }

        /** Each line's time in milliseconds, from its read to the read of the next. */
        double[] millis() {
            double[] ms = new double[lines.size()];
            for (int i = 0; i < ms.length; i++) {
                ms[i] = (done[i] - given[i]) / 1e6;
            }
            return ms;
        }
    }
}
