package org.tracelab.core.export.bag;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The payload files and their manifest lines. Each file is read once: the one pass that copies it feeds both
 * digests. Copies run on a few threads, because exporting many small files waits on the file system (opening,
 * reading a blob that may not be cached, making its folder) far more than on hashing; manifest lines are still
 * written in the order files were given, so the same case gives the same manifests.
 */
final class BagPayload implements AutoCloseable {
    /** Bytes read at once from a payload file's source. */
    static final int BUFFER = 1 << 18;
    /** Copies at once; the waits they overlap are on the disk, so more threads than cores pay off. */
    private static final int THREADS = 4;
    /** Copies given but not yet in the manifests: bounds memory and keeps the order. */
    private static final int WINDOW = 256;

    private final Path bag;
    private final Map<Digests, Writer> manifests = new EnumMap<>(Digests.class);
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS,
            Thread.ofPlatform().name("bag-copy").daemon().factory());
    private final ThreadLocal<byte[]> buffers = ThreadLocal.withInitial(() -> new byte[BUFFER]);
    private final ArrayDeque<Future<Written>> pending = new ArrayDeque<>();
    private long octets;
    private long files;

    BagPayload(Path bag) throws IOException {
        this.bag = bag;
        for (Digests alg : Digests.ALL) {
            manifests.put(alg, Files.newBufferedWriter(bag.resolve("manifest-" + alg.bagName() + ".txt"),
                    StandardCharsets.UTF_8));
        }
    }

    /** Copies, on a copying thread, at most {@code limit} bytes of what {@code source} opens to {@code path}. */
    void copy(String path, Source source, long limit) throws IOException {
        Path file = file(path);
        pending.add(pool.submit(() -> {
            try (InputStream in = source.open(); HashingStream out = new HashingStream(path, file)) {
                byte[] buffer = buffers.get();
                long left = limit;
                for (int n; left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0; ) {
                    out.write(buffer, 0, n);
                    left -= n;
                }
                out.close();
                return out.written();
            }
        }));
        if (pending.size() >= WINDOW) {
            record(pending.removeFirst());
        }
    }

    /** Copies everything {@code source} opens to {@code path}. */
    void copy(String path, Source source) throws IOException {
        copy(path, source, Long.MAX_VALUE);
    }

    /** Writes a table to {@code path}, on this thread, after every copy given before it. */
    void write(String path, Content content) throws IOException {
        drain();
        HashingStream out = new HashingStream(path, file(path));
        try (Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
            content.writeTo(w);
        }
        add(out.written());
    }

    /** Bytes of payload written so far (the Payload-Oxum's octets). */
    long octets() {
        return octets;
    }

    /** Payload files written so far. */
    long files() {
        return files;
    }

    /** Waits for every copy and adds its manifest lines. */
    void drain() throws IOException {
        while (!pending.isEmpty()) {
            record(pending.removeFirst());
        }
    }

    private Path file(String path) {
        Path file = bag.resolve(path);
        if (!file.normalize().startsWith(bag.resolve("data"))) {
            throw new IllegalArgumentException("payload path outside data/: " + path);
        }
        return file;
    }

    private void record(Future<Written> f) throws IOException {
        try {
            add(f.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while copying the bag's payload");
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException re -> throw re;
                case Error err -> throw err;
                default -> throw new IOException(e.getCause());
            }
        }
    }

    private void add(Written w) throws IOException {
        for (Digests alg : Digests.ALL) {
            Writer m = manifests.get(alg);
            m.write(w.digests().get(alg));
            m.write("  ");
            m.write(BagPaths.encode(w.path()));
            m.write('\n');
        }
        octets += w.size();
        files++;
    }

    /** Stops the copying threads (waiting for those running, so nothing writes after) and closes manifests. */
    @Override
    public void close() throws IOException {
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new IOException("bag copying threads did not stop in a minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Writer w : manifests.values()) {
            w.close();
        }
    }

    /** A payload file's content, written by a table writer. */
    interface Content {
        void writeTo(Writer w) throws IOException;
    }

    /** Where a payload file's bytes come from; opened on a copying thread, which closes the stream. */
    interface Source {
        InputStream open() throws IOException;
    }

    /** A payload file written: its bag path, size and hex digest in each manifest algorithm. */
    private record Written(String path, long size, Map<Digests, String> digests) {
    }

    /** A new payload file that hashes in both algorithms what is written to it. */
    private static final class HashingStream extends OutputStream {
        private final String path;
        private final OutputStream raw;
        private final Map<Digests, MessageDigest> digests = new EnumMap<>(Digests.class);
        private long size;
        private Written written;

        HashingStream(String path, Path file) throws IOException {
            this.path = path;
            Files.createDirectories(file.getParent());
            this.raw = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            for (Digests alg : Digests.ALL) {
                digests.put(alg, alg.newDigest());
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (MessageDigest d : digests.values()) {
                d.update(b, off, len);
            }
            raw.write(b, off, len);
            size += len;
        }

        @Override
        public void close() throws IOException {
            if (written == null) {
                raw.close();
                Map<Digests, String> hex = new EnumMap<>(Digests.class);
                digests.forEach((alg, d) -> hex.put(alg, Digests.hex(d)));
                written = new Written(path, size, hex);
            }
        }

        /** What was written; after {@link #close()}. */
        Written written() {
            return written;
        }
    }
}
