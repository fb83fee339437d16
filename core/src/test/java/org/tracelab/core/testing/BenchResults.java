package org.tracelab.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.lucene.search.IndexSearcher;

/**
 * The one writer of benchmark figures: when the system property {@value #PROPERTY} names a file, each figure is
 * appended to it as one TSV line {@code bench size metric tracelab peer peer_value unit}, which {@code bench/run}
 * gathers into a table. Without the property a bench only prints.
 */
public final class BenchResults {
    /** The system property naming the results file. */
    public static final String PROPERTY = "tracelab.bench.results";
    /** The peer name and value of a figure that has no peer. */
    public static final String NO_PEER = "-";

    private BenchResults() {
    }

    /** One figure of one bench at one size, against a peer tool run in the same session (or none). */
    public record Figure(String bench, long size, String metric, double tracelab, String peer, double peerValue,
                         String unit) {
        public Figure {
            for (String field : new String[] {bench, metric, peer, unit}) {
                if (field == null || field.isBlank()
                        || field.chars().anyMatch(ch -> ch == '\t' || ch == '\n' || ch == '\r')) {
                    throw new IllegalArgumentException("bench figure field '" + field
                            + "' must be non-blank text without tabs or line breaks");
                }
            }
            if (size <= 0) {
                throw new IllegalArgumentException("bench size " + size + " must be positive");
            }
        }

        /** A figure without a peer. */
        public static Figure alone(String bench, long size, String metric, double tracelab, String unit) {
            return new Figure(bench, size, metric, tracelab, NO_PEER, Double.NaN, unit);
        }

        /** The TSV line, without its line break; values with four significant digits. */
        public String line() {
            return String.join("\t", bench, Long.toString(size), metric, number(tracelab), peer,
                    peer.equals(NO_PEER) ? NO_PEER : number(peerValue), unit);
        }

        private static String number(double v) {
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("bench value " + v + " is not a number");
            }
            return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        }
    }

    /**
     * Fails when assertions are on, in Lucene or in Tracelab: a bench measures what users run ({@code java -jar},
     * assertions off). Surefire turns them on by default; the parent pom's profile {@code bench}, active with
     * {@code -Dtracelab.bench=true}, turns them off. Lucene's alone made conjunctions at 1,000,000 ads 3x slower.
     */
    public static void requireAssertionsOff() {
        if (IndexSearcher.class.desiredAssertionStatus() || BenchResults.class.desiredAssertionStatus()) {
            throw new IllegalStateException("assertions are enabled, so a bench would measure them: run it with "
                    + "-Dtracelab.bench=true (the pom's profile 'bench') or -Dtracelab.test.assertions=false");
        }
    }

    /** Appends the figure to the file named by {@value #PROPERTY}, if any, and prints it either way. */
    public static void record(Figure figure) {
        System.out.println("BENCH " + figure.line().replace('\t', ' '));
        String file = System.getProperty(PROPERTY);
        if (file != null && !file.isBlank()) {
            appendTo(Path.of(file), figure);
        }
    }

    /** Appends one line in one write, so figures of benches run one after another never interleave. */
    public static void appendTo(Path file, Figure figure) {
        try {
            Files.writeString(file, figure.line() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append a bench figure to " + file, e);
        }
    }
}
