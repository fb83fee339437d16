package org.tracelab.cli.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The packaged tracelab jar run as its own process, as a user runs it, with its output lines collected. */
final class JarProcess implements AutoCloseable {
    private final Process process;
    private final long started = System.nanoTime();
    private final List<String> out = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());
    private final StringBuffer err = new StringBuffer();
    private final CountDownLatch firstLine = new CountDownLatch(1);
    private final Thread outReader;
    private final Thread errReader;

    private JarProcess(Process process) {
        this.process = process;
        this.outReader = Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (out) {
                        arrivals.add(System.nanoTime() - started);
                        out.add(line);
                    }
                    firstLine.countDown();
                }
            } catch (IOException ignored) {
                // the process was killed mid-line: what was read is what it reported
            }
        });
        this.errReader = Thread.ofVirtual().start(() -> {
            try {
                err.append(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // as above
            }
        });
    }

    /** The jar the build made; failsafe tells where. */
    static Path jar() {
        String p = System.getProperty("tracelab.jar");
        if (p == null || !Files.isRegularFile(Path.of(p))) {
            throw new IllegalStateException("run as an integration test after 'package': tracelab.jar=" + p);
        }
        return Path.of(p);
    }

    static JarProcess start(String heap, String... args) throws IOException {
        return start(null, heap, args);
    }

    /**
     * As {@link #start(String, String...)}, with the process's temporary folder at {@code sandbox/tmp} and its user
     * cache at {@code sandbox/cache}, so a test can see what the process leaves there; null for the defaults.
     */
    static JarProcess start(Path sandbox, String heap, String... args) throws IOException {
        return start(sandbox, List.of(), heap, args);
    }

    /** As {@link #start(Path, String, String...)}, with {@code jvmOptions} (system properties, say) given to java. */
    static JarProcess start(Path sandbox, List<String> jvmOptions, String heap, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + heap);
        cmd.addAll(jvmOptions);
        if (sandbox != null) {
            Files.createDirectories(sandbox.resolve("tmp"));
            cmd.add("-Djava.io.tmpdir=" + sandbox.resolve("tmp"));
        }
        cmd.add("-jar");
        cmd.add(jar().toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("TRACELAB_CASE");
        if (sandbox != null) {
            pb.environment().put("XDG_CACHE_HOME", sandbox.resolve("cache").toString());
        }
        return new JarProcess(pb.start());
    }

    long pid() {
        return process.pid();
    }

    boolean awaitFirstLine(long seconds) throws InterruptedException {
        return firstLine.await(seconds, TimeUnit.SECONDS);
    }

    /** SIGKILL: no shutdown hook, no finally block, no flush; true when the process was still running. */
    boolean kill() throws InterruptedException {
        boolean running = process.isAlive();
        process.destroyForcibly();
        process.waitFor();
        return running;
    }

    int waitFor(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("tracelab did not finish in " + seconds + " s: " + err);
        }
        return process.exitValue();
    }

    /** Complete lines printed to standard output so far (after the readers drained, once it ended). */
    List<String> outLines() {
        if (!process.isAlive()) {
            join(outReader);
        }
        synchronized (out) {
            return List.copyOf(out);
        }
    }

    /** When each line of {@link #outLines()} arrived, in milliseconds since the process was started. */
    List<Long> outLineMillis() {
        outLines();
        synchronized (out) {
            return arrivals.stream().map(nanos -> nanos / 1_000_000).toList();
        }
    }

    String err() {
        if (!process.isAlive()) {
            join(errReader);
        }
        return err.toString();
    }

    private static void join(Thread reader) {
        try {
            reader.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
