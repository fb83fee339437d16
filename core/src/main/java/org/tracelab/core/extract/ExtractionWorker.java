package org.tracelab.core.extract;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Main class of the extraction worker process that {@link TextExtractor} starts: reads requests on stdin, runs
 * Tika, answers on stdout (see {@link WorkerProtocol}). Being a separate process is what lets the parent kill a
 * parser stuck in a loop or one that exhausted the heap, without losing the rest of the run.
 *
 * <p>Test hooks: only when started with {@code -Dtracelab.extract.testHooks=true} (see
 * {@link ExtractorSettings#testHooks()}), a document whose first bytes are {@code TRACELAB-TEST-HANG},
 * {@code TRACELAB-TEST-CRASH} or {@code TRACELAB-TEST-OOM} makes the worker loop forever, exit abruptly, or fill
 * its heap, so tests can show the parent survives each. Without the property the markers are ordinary text.
 */
public final class ExtractionWorker {
    static final String TEST_HOOKS_PROPERTY = "tracelab.extract.testHooks";
    static final int CRASH_EXIT_CODE = 70;
    static final String TESSERACT = "--tesseract";
    static final String TESSDATA = "--tessdata";
    static final String KEEP_TESSERACT = "--keep-tesseract";

    private ExtractionWorker() {
    }

    /**
     * Serves requests until stdin closes; {@code --tesseract DIR --tessdata DIR} name the Tesseract that reads
     * images (without them, none does), {@code --keep-tesseract} keeps one running across pictures.
     */
    public static void main(String[] args) throws IOException {
        // Parsers and libraries sometimes print; stdout belongs to the protocol, so their noise goes to stderr.
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        boolean testHooks = Boolean.getBoolean(TEST_HOOKS_PROPERTY);
        TikaDocumentParser parser = new TikaDocumentParser(option(args, TESSERACT), option(args, TESSDATA),
                List.of(args).contains(KEEP_TESSERACT));
        WorkerProtocol.write(out, new WorkerProtocol.Ready(true));
        while (true) {
            WorkerProtocol.Request request;
            try {
                request = WorkerProtocol.read(in, WorkerProtocol.Request.class);
            } catch (EOFException e) {
                parser.close();
                return;
            }
            if (testHooks) {
                misbehaveIfAsked(Path.of(request.file()));
            }
            WorkerProtocol.write(out, parser.parse(request));
        }
    }

    private static Path option(String[] args, String name) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Path.of(args[i + 1]);
            }
        }
        return null;
    }

    private static void misbehaveIfAsked(Path file) throws IOException {
        String head;
        try (InputStream in = Files.newInputStream(file)) {
            head = new String(in.readNBytes(32), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return;
        }
        if (head.startsWith("TRACELAB-TEST-HANG")) {
            hang();
        } else if (head.startsWith("TRACELAB-TEST-CRASH")) {
            Runtime.getRuntime().halt(CRASH_EXIT_CODE);
        } else if (head.startsWith("TRACELAB-TEST-OOM")) {
            exhaustHeap();
        }
    }

    @SuppressWarnings("InfiniteLoopStatement")
    /** Loops forever, having first left a temporary file as Tika leaves its copy of a picture being read. */
    private static void hang() {
        try {
            java.nio.file.Files.createTempFile("tracelab-test-hang-", ".jpg");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        long spins = 0;
        while (true) {
            spins++;
            if (spins == Long.MAX_VALUE) {
                spins = 0;
            }
        }
    }

    private static void exhaustHeap() {
        List<long[]> hog = new ArrayList<>();
        while (true) {
            hog.add(new long[1 << 20]);
        }
    }
}
