package org.tracelab.core.export.wacz;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Sorts lines of text without holding them all: runs of {@link #RUN} lines are sorted in memory and spilled to files
 * in a work folder, then merged. Order is by UTF-16 code unit, which equals byte order for the ASCII of SURT keys.
 */
final class LineSorter implements AutoCloseable {
    static final int RUN = 50_000;

    private final Path work;
    private final List<Path> runs = new ArrayList<>();
    private final List<String> buffer = new ArrayList<>();

    /** A sorter spilling into {@code work}, a folder the caller owns and removes. */
    LineSorter(Path work) {
        this.work = work;
    }

    void add(String line) throws IOException {
        if (line.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a line must not hold a line break");
        }
        buffer.add(line);
        if (buffer.size() >= RUN) {
            spill();
        }
    }

    /** Writes every line added, sorted, each followed by a newline; returns how many. */
    long writeSorted(Writer out) throws IOException {
        spill();
        List<BufferedReader> readers = new ArrayList<>();
        try {
            PriorityQueue<Head> heads = new PriorityQueue<>();
            for (Path run : runs) {
                BufferedReader r = Files.newBufferedReader(run, StandardCharsets.UTF_8);
                readers.add(r);
                String first = r.readLine();
                if (first != null) {
                    heads.add(new Head(first, r));
                }
            }
            long n = 0;
            while (!heads.isEmpty()) {
                Head h = heads.poll();
                out.write(h.line);
                out.write('\n');
                n++;
                String next = h.reader.readLine();
                if (next != null) {
                    heads.add(new Head(next, h.reader));
                }
            }
            return n;
        } finally {
            for (BufferedReader r : readers) {
                r.close();
            }
        }
    }

    private void spill() throws IOException {
        if (buffer.isEmpty()) {
            return;
        }
        Collections.sort(buffer);
        Path run = work.resolve("run-" + runs.size() + ".txt");
        try (BufferedWriter w = Files.newBufferedWriter(run, StandardCharsets.UTF_8)) {
            for (String line : buffer) {
                w.write(line);
                w.write('\n');
            }
        }
        runs.add(run);
        buffer.clear();
    }

    @Override
    public void close() throws IOException {
        for (Path run : runs) {
            Files.deleteIfExists(run);
        }
    }

    private record Head(String line, BufferedReader reader) implements Comparable<Head> {
        @Override
        public int compareTo(Head o) {
            return line.compareTo(o.line);
        }
    }
}
