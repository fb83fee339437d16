package org.tracelab.core.extract;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.tracelab.core.internal.FileTrees;

/**
 * One running {@link ExtractionWorker}: the same {@code java} binary and class path as this JVM, a capped heap, and
 * exit on the first {@link OutOfMemoryError}. Replies are awaited on a helper thread so a hung worker can be killed
 * at the deadline.
 */
final class WorkerProcess implements AutoCloseable {
    /** The exit status HotSpot uses for {@code -XX:+ExitOnOutOfMemoryError}. */
    static final int OOM_EXIT_CODE = 3;
    static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);
    /** OpenMP's cap on threads, which Tesseract's builds obey. */
    static final String OMP_THREAD_LIMIT = "OMP_THREAD_LIMIT";
    /** How long an idle worker told to end is given to end on its own. */
    static final Duration END_WAIT = Duration.ofSeconds(5);
    /**
     * The worker's JVM options beside its heap bound. Its live heap is about 18 MB (Tika's tables) whatever it reads,
     * so it starts at a small heap and grows only for a document that needs it: at the JVM's first size (a 64th of the
     * machine's memory) its young generation alone was 116 MB, touched and kept, of a 225 MB worker. It runs with C1
     * alone: its hot code is Tika's and the pictures' redrawing, which C2 never paid back in a 10,000-ad ingest
     * (docs/BENCHMARKS.md, memory of ingest's process tree, session 16: 124 -> 100 MB, and less CPU). The serial
     * collector: one document at a time, no collector threads to share the cores with.
     */
    static final List<String> JVM_OPTIONS = List.of("-Xms32m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-XX:+ExitOnOutOfMemoryError", "-Xshare:auto", "-Djava.awt.headless=true");

    /** Thrown when the worker did not answer: it timed out, ran out of memory or died. */
    static final class Failure extends Exception {
        private final ExtractionError error;

        Failure(ExtractionError error) {
            super(error.message());
            this.error = error;
        }

        ExtractionError error() {
            return error;
        }
    }

    private final Process process;
    /**
     * The worker's own temporary folder: Tika and Tesseract copy a picture there and write what OCR read. A worker
     * killed at its deadline leaves them behind; in the case's work folder, removed with the worker, rather than in
     * the machine's /tmp, where copies of evidence would stay for any user to read.
     */
    private final Path scratch;
    private final DataOutputStream toWorker;
    private final DataInputStream fromWorker;
    private final ExecutorService reader;

    private WorkerProcess(Process process, Path scratch) {
        this.process = process;
        this.scratch = scratch;
        this.toWorker = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
        this.fromWorker = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
        this.reader = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("tracelab-extract-reader-" + process.pid()).daemon().factory());
    }

    /**
     * Starts a worker whose OCR runs the Tesseract of {@code ocr}, and waits until it has loaded Tika; its stderr
     * is appended to {@code log}.
     */
    static WorkerProcess start(ExtractorSettings settings, OcrPlan ocr, Path log) throws IOException, Failure {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + settings.workerHeapMb() + "m");
        command.addAll(JVM_OPTIONS);
        Path scratch = Files.createTempDirectory(log.toAbsolutePath().getParent(), "worker-");
        command.add("-Djava.io.tmpdir=" + scratch);
        command.add("-Dfile.encoding=UTF-8");
        if (settings.testHooks()) {
            command.add("-D" + ExtractionWorker.TEST_HOOKS_PROPERTY + "=true");
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ExtractionWorker.class.getName());
        if (ocr.tesseract().isPresent()) {
            command.add(ExtractionWorker.TESSERACT);
            command.add(ocr.tesseract().get().binary().getParent().toString());
            command.add(ExtractionWorker.TESSDATA);
            command.add(ocr.tesseract().get().tessdata().toString());
            if (ocr.tesseract().get().keepable()) {
                command.add(ExtractionWorker.KEEP_TESSERACT);
            }
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // Tesseract, which the worker runs, reads a picture on one thread: its OpenMP threads spin while they wait,
        // costing a quarter more CPU on a busy machine for the same hOCR, and ingest keeps the other cores busy.
        builder.environment().put(OMP_THREAD_LIMIT, "1");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            FileTrees.deleteQuietly(scratch);
            throw e;
        }
        WorkerProcess worker = new WorkerProcess(process, scratch);
        try {
            worker.await(WorkerProtocol.Ready.class, STARTUP_TIMEOUT);
        } catch (Failure e) {
            worker.kill();
            throw new Failure(new ExtractionError(e.error().kind(), "extraction worker did not start: "
                    + e.getMessage() + " (see " + log + ")"));
        }
        return worker;
    }

    /** Sends one request and waits at most {@code timeout} for its reply. */
    WorkerProtocol.Reply exchange(WorkerProtocol.Request request, Duration timeout) throws Failure {
        try {
            WorkerProtocol.write(toWorker, request);
        } catch (IOException e) {
            throw died();
        }
        return await(WorkerProtocol.Reply.class, timeout);
    }

    boolean alive() {
        return process.isAlive();
    }

    private <T> T await(Class<T> type, Duration timeout) throws Failure {
        Future<T> reply = reader.submit(() -> WorkerProtocol.read(fromWorker, type));
        try {
            return reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reply.cancel(true);
            kill();
            throw new Failure(new ExtractionError(ExtractionError.Kind.TIMEOUT,
                    "no result within " + timeout.toSeconds() + " s; the worker was stopped"));
        } catch (ExecutionException e) {
            throw died();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            throw new Failure(new ExtractionError(ExtractionError.Kind.TIMEOUT, "interrupted while extracting"));
        }
    }

    private Failure died() {
        int status;
        try {
            status = process.waitFor(10, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
        }
        kill();
        if (status == OOM_EXIT_CODE) {
            return new Failure(new ExtractionError(ExtractionError.Kind.OUT_OF_MEMORY,
                    "the worker ran out of memory on this document"));
        }
        return new Failure(new ExtractionError(ExtractionError.Kind.WORKER_CRASHED,
                "the worker died on this document" + (status >= 0 ? " (exit status " + status + ")" : "")));
    }

    /**
     * Ends the worker when the run is done: told there is nothing more (it then ends the Tesseract it keeps and waits
     * for it, so that Tesseract's CPU is counted to the run like the worker's), then killed like a failed one if it
     * has not ended within {@link #END_WAIT}.
     */
    @Override
    public void close() {
        try {
            toWorker.close();
            process.waitFor(END_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            // Gone already: the kill below finds nothing, or what is left of it.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kill();
    }

    /**
     * Kills the worker (it holds no state worth a graceful stop), the Tesseract it may be running (which would
     * otherwise outlive it, orphaned), and its reader thread.
     */
    private void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reader.shutdownNow();
        FileTrees.deleteQuietly(scratch);
    }
}
