package org.tracelab.bench;

import java.util.Optional;

/**
 * One figure from a bench's results file: {@code bench size metric tracelab peer peer_value unit}, tab-separated, as
 * the benches write it (core tests' {@code BenchResults}, {@code bench/lib/results.sh}).
 */
public record BenchLine(String bench, String size, String metric, double tracelab, String peer, Double peerValue,
                        String unit) {
    private static final String NO_PEER = "-";

    public BenchLine {
        if (bench.isBlank() || size.isBlank() || metric.isBlank() || unit.isBlank()) {
            throw new IllegalArgumentException("bench, size, metric and unit must not be blank");
        }
        if (peer.equals(NO_PEER) != (peerValue == null)) {
            throw new IllegalArgumentException("a peer needs a value and a value needs a peer");
        }
    }

    /**
     * Parses one line of a results file.
     *
     * @param where the file and line number, named in the message when the line is malformed
     */
    public static BenchLine parse(String line, String where) {
        String[] f = line.split("\t", -1);
        if (f.length != 7) {
            throw new IllegalArgumentException(where + ": expected 7 tab-separated fields, found " + f.length);
        }
        try {
            Double peerValue = f[5].equals(NO_PEER) ? null : Double.valueOf(f[5]);
            return new BenchLine(f[0], f[1], f[2], Double.parseDouble(f[3]), f[4], peerValue, f[6]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    /** Rates (per second) are better higher; times are better lower. */
    public boolean higherIsBetter() {
        return unit.endsWith("/s");
    }

    /** Tracelab's value divided by the peer's, if there is a peer. */
    public Optional<Double> ratio() {
        return Optional.ofNullable(peerValue).filter(p -> p != 0).map(p -> tracelab / p);
    }

    /** The size as a number of items, or -1 when it is not a number (sorted first). */
    long sizeNumber() {
        try {
            return Long.parseLong(size);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
