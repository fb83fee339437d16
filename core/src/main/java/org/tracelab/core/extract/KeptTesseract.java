package org.tracelab.core.extract;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Tesseract process kept across pictures, so that its language models are loaded once rather than once a picture
 * (four languages take about a quarter of a second of CPU to load, more than most ad pictures take to read). It runs
 * as {@code tesseract - - ... -c stream_filelist=1 hocr}: it reads the path of a picture a line on its stdin and
 * writes that picture's hOCR page to its stdout as soon as the page is read.
 *
 * <p>{@link #read} gives back the hOCR file that {@code tesseract PICTURE OUT --psm P -l L -c page_separator= -c
 * preserve_interword_spaces=0 hocr} (Tika's command) writes for that picture alone, byte for byte: the header the
 * process wrote once, the page with its number (in the ids and {@code ppageno}) set back to the first, the footer.
 *
 * <p>Tesseract stays in a process of its own: a picture that hangs it past the deadline has the process killed, one
 * that it refuses or dies on ends the process; the next picture starts another.
 */
final class KeptTesseract implements AutoCloseable {
    /** How Tesseract's hOCR renderer opens the body, ends a page and ends the file. */
    private static final String BODY = " <body>\n";
    private static final String PAGE = "  <div class='ocr_page'";
    private static final String PAGE_END = "  </div>\n";
    private static final String FOOTER = " </body>\n</html>\n";
    /** A header or a page longer than this is not Tesseract's hOCR of a picture within OCR's bounds. */
    private static final int MAX_LINE = 1 << 20;
    private static final int MAX_PAGE = 64 << 20;

    private final List<String> command;
    private final Path tessdata;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("tracelab-kept-tesseract").daemon().factory());
    private Run run;

    /**
     * One Tesseract process and what it has written so far; read on the reader thread only, so that a reader stopped
     * at a deadline, still draining its dead process, touches nothing of the next one.
     */
    private static final class Run {
        final Process process;
        final OutputStream in;
        final InputStream out;
        String header;
        int pages;

        Run(Process process) {
            this.process = process;
            this.in = process.getOutputStream();
            this.out = new BufferedInputStream(process.getInputStream(), 1 << 16);
        }
    }

    /**
     * A Tesseract, not yet started, that reads {@code languages} (e.g. {@code uzb+rus+eng}) with page segmentation
     * mode {@code pageSegmentation}; {@code program} is the executable, {@code tessdata} its traineddata folder.
     */
    KeptTesseract(Path program, Path tessdata, String languages, String pageSegmentation) {
        Objects.requireNonNull(program, "program");
        this.tessdata = Objects.requireNonNull(tessdata, "tessdata");
        this.command = List.of(program.toString(), "-", "-", "--psm", pageSegmentation, "-l", languages,
                "-c", "stream_filelist=1", "-c", "page_separator=", "-c", "preserve_interword_spaces=0", "hocr");
    }

    /**
     * The hOCR of {@code picture}, as a run of Tesseract on it alone writes it.
     *
     * @throws TimeoutException when Tesseract has not read it within {@code timeout}; the process is killed
     * @throws IOException      when Tesseract stopped without reading it (it refused or died on the picture, or could
     *                          not start); the process is gone, and the next picture starts another
     */
    synchronized String read(Path picture, Duration timeout) throws IOException, TimeoutException {
        String path = picture.toString();
        if (path.indexOf('\n') >= 0 || path.indexOf('\r') >= 0) {
            throw new IOException("a picture's path with a line break cannot be given to a kept Tesseract: " + path);
        }
        if (run == null || !run.process.isAlive()) {
            stop();
            run = start();
        }
        Run current = run;
        Future<String> page = reader.submit(() -> nextPage(path, current));
        try {
            return page.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            page.cancel(true);
            stop();
            throw e;
        } catch (ExecutionException e) {
            stop();
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new IOException("interrupted reading " + picture, e);
        }
    }

    /** Kills the process, if one runs, and the thread that reads it. */
    @Override
    public synchronized void close() {
        stop();
        reader.shutdownNow();
    }

    private Run start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("TESSDATA_PREFIX", tessdata.toString());
        return new Run(builder.start());
    }

    private void stop() {
        if (run != null) {
            run.process.destroyForcibly();
            try {
                run.process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            run = null;
        }
    }

    /** Asks for one picture and reads its page, on the reader thread. */
    private static String nextPage(String picture, Run run) throws IOException {
        run.in.write((picture + "\n").getBytes(StandardCharsets.UTF_8));
        run.in.flush();
        if (run.header == null) {
            StringBuilder h = new StringBuilder();
            String line;
            do {
                line = line(picture, run.out);
                h.append(line);
                if (h.length() > MAX_PAGE) {
                    throw new IOException("Tesseract wrote no hOCR body for " + picture);
                }
            } while (!line.equals(BODY));
            run.header = h.toString();
        }
        String first = line(picture, run.out);
        if (!first.startsWith(PAGE)) {
            throw new IOException("Tesseract did not read " + picture);
        }
        run.pages++;
        StringBuilder page = new StringBuilder(first);
        String line;
        do {
            line = line(picture, run.out);
            page.append(line);
            if (page.length() > MAX_PAGE) {
                throw new IOException("Tesseract's page for " + picture + " is past " + MAX_PAGE + " chars");
            }
        } while (!line.equals(PAGE_END));
        return run.header + asFirstPage(page.toString(), run.pages) + FOOTER;
    }

    /** One line of Tesseract's output, with its line break. */
    private static String line(String picture, InputStream from) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = from.read()) != -1) {
            line.write(b);
            if (b == '\n') {
                return line.toString(StandardCharsets.UTF_8);
            }
            if (line.size() > MAX_LINE) {
                throw new IOException("Tesseract wrote a line past " + MAX_LINE + " bytes for " + picture);
            }
        }
        throw new IOException("Tesseract stopped before it had read " + picture);
    }

    /**
     * The page as the first of a file: the renderer numbers its ids {@code page_N}, {@code block_N_k} ... and
     * {@code ppageno} by the page's place in the run. Only markup holds {@code id='} or {@code ; ppageno}: hOCR
     * escapes the apostrophe in what it read.
     */
    static String asFirstPage(String page, int number) {
        if (number == 1) {
            return page;
        }
        Matcher ids = Pattern.compile("( id='[a-z]+_)" + number + "(?=[_'])").matcher(page);
        String renumbered = ids.replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "1"));
        return renumbered.replaceFirst("; ppageno " + (number - 1) + ";", "; ppageno 0;");
    }
}
