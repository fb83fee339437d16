package org.tracelab.core.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.tracelab.core.TracelabException;
import org.tracelab.core.internal.FileTrees;
import org.tracelab.core.lang.LanguageIdentifier;

/**
 * The front door to text extraction: gives the text, metadata, language and embedded members of any document
 * Tika knows, within the bounds of {@link ExtractorSettings}, and never throws for a bad document.
 *
 * <p>Tika runs in a child process ({@link ExtractionWorker}) started once and reused; a document that hangs it,
 * exhausts its heap or kills it gets an {@link ExtractionError} and the next document gets a fresh worker, so
 * the restart cost is paid only on failure. Safe to call from several threads: HTML, plain text and small XML
 * (sitemaps, feeds: {@link XmlHere}) are extracted on the calling thread, in parallel; documents for the workers
 * take turns through at most {@link #WORKERS} processes, one document at a time in each. A second process starts only
 * when two documents for the worker are asked for at once, so calls from one thread use one process; a process left
 * idle for {@link ExtractorSettings#workerIdle()} ends, and the next document for a worker starts one again.
 */
public final class TextExtractor implements AutoCloseable {
    /** Language is decided on the start of the text: enough for any ad, cheap for a book. */
    static final int LANGUAGE_SAMPLE_CHARS = 20_000;
    static final String UNKNOWN_TYPE = "application/octet-stream";
    /**
     * Worker processes at most: two where there are two cores. A picture's OCR takes one core for the whole of its
     * turn (Tesseract on one thread), so with one process the pictures of a collection went one at a time while the
     * other core waited for them (docs/BENCHMARKS.md, ingest, session 15).
     */
    public static final int WORKERS = Math.min(2, Runtime.getRuntime().availableProcessors());

    private final ExtractorSettings settings;
    private final Path workDir;
    private final Path log;
    private final LanguageIdentifier languages;
    private final XmlHere xmlHere;
    /** The workers' places, the last used first: calls one after another reuse one process. */
    private final BlockingDeque<Slot> idle = new LinkedBlockingDeque<>();
    private final List<Slot> slots = new ArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private OcrPlan ocr;
    /** Ends idle workers; started with the first worker, so a run of pages alone never has it. */
    private ScheduledExecutorService retiring;
    private boolean closed;

    private TextExtractor(ExtractorSettings settings, Path workDir, LanguageIdentifier languages) {
        this.settings = settings;
        this.workDir = workDir;
        this.log = workDir.resolve("worker.log");
        this.languages = languages;
        this.xmlHere = new XmlHere(workDir);
        for (int i = 0; i < WORKERS; i++) {
            slots.add(new Slot());
        }
        idle.addAll(slots);
    }

    /**
     * An extractor whose worker keeps its spools under {@code workDir} (created if needed; keep it on the same
     * disk as the case). The worker starts with the first document that needs it: HTML and plain text, most of
     * what is collected, are extracted in this process.
     */
    public static TextExtractor start(ExtractorSettings settings, Path workDir) {
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw TracelabException.io("cannot create extraction folder " + workDir, e);
        }
        return new TextExtractor(settings, workDir, LanguageIdentifier.standard());
    }

    /**
     * Whether a document of this name, declared type and size is likely extracted in this process rather than by the
     * worker (pages, plain text and small XML are): a guess from what is known before reading it, for planning who waits on
     * whom; the extraction is the same either way.
     */
    public static boolean likelyInProcess(String name, Optional<String> declaredType, long size) {
        return InlineExtractor.likelyHere(name, declaredType, size) || XmlHere.likelyHere(name, declaredType, size);
    }

    /** Extracts {@code file}; {@code name} (e.g. the original file name or URL path) helps type detection. */
    public Extraction extract(Path file, String name) {
        return extract(file, name, Optional.empty());
    }

    /**
     * Extracts {@code file} as {@link #extract(Path, String)} does; {@code declaredType} is the {@code Content-Type}
     * the server sent with it, whose charset a page is read in (as browsers do) unless a byte-order mark says
     * otherwise.
     */
    public Extraction extract(Path file, String name, Optional<String> declaredType) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            return Extraction.failed(UNKNOWN_TYPE,
                    new ExtractionError(ExtractionError.Kind.UNREADABLE, file + ": not a readable file"));
        }
        Optional<Extraction> page = savedPage(file, name == null ? file.getFileName().toString() : name,
                declaredType);
        if (page.isPresent()) {
            return page.get();
        }
        Optional<Extraction> inline = inline(file, name == null ? file.getFileName().toString() : name,
                declaredType);
        if (inline.isPresent()) {
            return inline.get();
        }
        Optional<Extraction> xml = xml(file, name == null ? file.getFileName().toString() : name, declaredType);
        return xml.isPresent() ? xml.get() : inWorker(file, name);
    }

    /** Small XML (sitemaps, feeds) as the worker would extract it, read in this process. */
    private Optional<Extraction> xml(Path file, String name, Optional<String> declaredType) {
        try {
            return xmlHere.extract(file, name, declaredType, settings).map(this::toExtraction);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // the worker tries it
        }
    }

    /**
     * A saved page (MHTML) read as its page part, extracted like any page, with its other parts as members; empty
     * when the file is not one or holds no page, for the worker to try.
     */
    private Optional<Extraction> savedPage(Path file, String name, Optional<String> declaredType) {
        Path dir = null;
        try {
            if (!Mhtml.looksLike(file, name, declaredType)) {
                return Optional.empty();
            }
            dir = Files.createTempDirectory(workDir, "members-");
            Mhtml m = Mhtml.read(file, dir, settings.maxMembers() + 1, settings.maxMemberBytes());
            if (m.page().isEmpty()) {
                deleteTree(dir);
                return Optional.empty();
            }
            Mhtml.Part part = m.page().get();
            // A page's extraction holds no members: nothing of it needs closing but its spool, deleted here.
            Extraction x = extract(part.file(), "snapshot.html", Optional.of(part.contentType()));
            Files.delete(part.file());
            List<EmbeddedMember> members = new ArrayList<>();
            for (Mhtml.Part p : m.others()) {
                members.add(new EmbeddedMember(p.location(), p.mediaType(), p.size(), p.file()));
            }
            List<ExtractionError> notes = new ArrayList<>(x.notes());
            if (m.skipped() > 0) {
                notes.add(new ExtractionError(ExtractionError.Kind.MEMBER_LIMIT, m.skipped() + " part"
                        + (m.skipped() == 1 ? "" : "s") + " of the saved page past the limits of "
                        + settings.maxMembers() + " members or " + settings.maxMemberBytes() + " bytes skipped"));
            }
            return Optional.of(new Extraction(x.text(), x.title().or(m::subject), x.author(), x.created(),
                    x.modified(), Mhtml.TYPE, x.language(), x.metadata(), members, x.error(), x.mainText(),
                    x.charset(), x.links(), notes, x.ocr()));
        } catch (IOException | RuntimeException e) {
            if (dir != null) {
                deleteTree(dir);
            }
            return Optional.empty(); // the worker tries it as Tika sees it
        }
    }

    /** A worker's turn: the first idle worker's, or the first to become idle; one document at a time in each. */
    private Extraction inWorker(Path file, String name) {
        Path memberDir = workDir.resolve("members-" + sequence.incrementAndGet());
        WorkerProtocol.Request request = new WorkerProtocol.Request(file.toAbsolutePath().toString(),
                name == null ? file.getFileName().toString() : name, memberDir.toAbsolutePath().toString(),
                settings.maxTextChars(), settings.maxMembers(), settings.maxMemberBytes(),
                settings.maxUnpackRatio(), ocrRequest());
        Slot slot;
        try {
            slot = idle.takeFirst();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Extraction.failed(UNKNOWN_TYPE,
                    new ExtractionError(ExtractionError.Kind.TIMEOUT, "interrupted while extracting"));
        }
        try {
            return toExtraction(slot.exchange(request));
        } catch (WorkerProcess.Failure e) {
            deleteTree(memberDir);
            return Extraction.failed(UNKNOWN_TYPE, e.error());
        } finally {
            idle.addFirst(slot);
        }
    }

    /**
     * Extracts what {@code in} yields, spooled first to a temporary file; the stream is read but not closed.
     */
    public Extraction extract(InputStream in, String name) {
        Path spool;
        try {
            spool = Files.createTempFile(workDir, "doc-", ".spool");
        } catch (IOException e) {
            throw TracelabException.io("cannot create a spool file in " + workDir, e);
        }
        try {
            try (var out = Files.newOutputStream(spool)) {
                in.transferTo(out);
            } catch (IOException e) {
                return Extraction.failed(UNKNOWN_TYPE,
                        new ExtractionError(ExtractionError.Kind.UNREADABLE, name + ": " + e.getMessage()));
            }
            return extract(spool, name);
        } finally {
            try {
                Files.deleteIfExists(spool);
            } catch (IOException e) {
                // Left for close(), which removes the whole work folder.
            }
        }
    }

    private Optional<Extraction> inline(Path file, String name, Optional<String> declaredType) {
        try {
            return InlineExtractor.tryExtract(file, name, declaredType, settings.maxTextChars())
                    .map(this::withLanguage);
        } catch (IOException | RuntimeException e) {
            // Whatever jsoup or the disk could not do here, the worker tries in its own process.
            return Optional.empty();
        }
    }

    private Extraction withLanguage(Extraction x) {
        // A page's language is its text's, not its menu's: a Russian ad on a site with an English menu is Russian.
        // The identifier reads the start of the text only (LanguageIdentifier.SAMPLE_CHARS): no copy of more is made.
        String text = x.mainText().filter(m -> !m.isBlank()).orElse(x.text());
        return x.withLanguage(languages.identify(text).tag());
    }

    /** Stops the workers and removes the spools of members nobody closed. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            if (retiring != null) {
                retiring.shutdownNow();
            }
        }
        for (Slot slot : slots) {
            slot.close();
        }
        try (Stream<Path> entries = Files.list(workDir)) {
            // a worker's scratch folder too: one whose run was killed before it could remove its own
            entries.filter(p -> p.getFileName().toString().startsWith("members-")
                    || p.getFileName().toString().startsWith("worker-")
                    || p.getFileName().toString().endsWith(".spool")).forEach(TextExtractor::deleteTree);
        } catch (IOException e) {
            throw TracelabException.io("cannot clean extraction folder " + workDir, e);
        }
    }

    /**
     * What OCR does in this run, decided when the worker first starts (a run of pages and text files never asks
     * Tesseract anything); empty before then.
     */
    public synchronized Optional<OcrPlan> ocrPlan() {
        return Optional.ofNullable(ocr);
    }

    private WorkerProtocol.Ocr ocrRequest() {
        OcrPlan plan = plan();
        if (!plan.on()) {
            return null;
        }
        OcrSettings o = settings.ocr();
        return new WorkerProtocol.Ocr(String.join("+", plan.languages()), settings.ocrTimeoutSeconds(),
                o.maxPixels(), o.minBytes(), o.maxBytes(), o.pdfDpi());
    }

    /** What OCR does in this run, decided at the first document for a worker and the same for every worker. */
    private synchronized OcrPlan plan() {
        if (ocr == null) {
            ocr = OcrPlan.of(settings.ocr(), Tesseract::find);
        }
        return ocr;
    }

    /** Starts, once, the thread that ends workers idle longer than the settings allow. */
    private synchronized void retireIdleWorkers() {
        if (retiring != null || closed) {
            return;
        }
        retiring = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("tracelab-extract-retire").daemon().factory());
        long idle = settings.workerIdle().toNanos();
        long every = Math.max(TimeUnit.MILLISECONDS.toNanos(50), idle / 4);
        retiring.scheduleWithFixedDelay(() -> {
            for (Slot slot : slots) {
                slot.retireIfIdle(idle);
            }
        }, every, every, TimeUnit.NANOSECONDS);
    }

    /** The worker processes running now. */
    int liveWorkers() {
        int live = 0;
        for (Slot slot : slots) {
            live += slot.live() ? 1 : 0;
        }
        return live;
    }

    /**
     * One worker's place: its process, started at its first document and again after one that ended it or after it
     * was left idle too long.
     */
    private final class Slot {
        private WorkerProcess worker;
        /** {@link System#nanoTime()} at the end of its last document. */
        private long lastUsed;

        synchronized WorkerProtocol.Reply exchange(WorkerProtocol.Request request) throws WorkerProcess.Failure {
            if (worker == null || !worker.alive()) {
                try {
                    worker = WorkerProcess.start(settings, plan(), log);
                } catch (IOException | WorkerProcess.Failure e) {
                    throw TracelabException.io("cannot start the extraction worker", e);
                }
                retireIdleWorkers();
            }
            try {
                return worker.exchange(request, settings.timeout());
            } catch (WorkerProcess.Failure e) {
                worker = null;
                throw e;
            } finally {
                lastUsed = System.nanoTime();
            }
        }

        /** Ends the process if it has had nothing to do for {@code idleNanos}; one at work is never idle. */
        synchronized void retireIfIdle(long idleNanos) {
            if (worker != null && System.nanoTime() - lastUsed >= idleNanos) {
                worker.close();
                worker = null;
            }
        }

        synchronized boolean live() {
            return worker != null;
        }

        synchronized void close() {
            if (worker != null) {
                worker.close();
                worker = null;
            }
        }
    }

    private Extraction toExtraction(WorkerProtocol.Reply reply) {
        List<EmbeddedMember> members = new ArrayList<>();
        for (WorkerProtocol.Member m : reply.members()) {
            members.add(new EmbeddedMember(m.name(), m.contentType(), m.size(), Path.of(m.file())));
        }
        Optional<ExtractionError> error = reply.errorKind() == null ? Optional.empty()
                : Optional.of(new ExtractionError(ExtractionError.Kind.valueOf(reply.errorKind()),
                        reply.errorMessage() == null ? "" : reply.errorMessage()));
        String text = reply.text() == null ? "" : reply.text();
        String sample = text.length() > LANGUAGE_SAMPLE_CHARS ? text.substring(0, LANGUAGE_SAMPLE_CHARS) : text;
        String type = reply.contentType() == null ? UNKNOWN_TYPE : reply.contentType();
        java.util.Map<String, List<String>> metadata = reply.metadata() == null ? java.util.Map.of() : reply.metadata();
        Optional<OcrReading> read = reply.ocr() == null || plan().method().isEmpty() ? Optional.empty()
                : Optional.of(new OcrReading(plan().method().get(), reply.ocr().words(),
                        reply.ocr().confidence() < 0 ? Optional.empty() : Optional.of(reply.ocr().confidence()),
                        reply.ocr().spans()));
        return new Extraction(text, present(reply.title()), present(reply.author()), instant(reply.created()),
                instant(reply.modified()), type, languages.identify(sample).tag(), metadata, members, error,
                Optional.empty(), Optional.empty(), Optional.empty(),
                ExtractionNotes.of(type, metadata, members.size(), text, error.isPresent()), read);
    }

    private static Optional<String> present(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }

    private static Optional<Instant> instant(String s) {
        return s == null ? Optional.empty() : Optional.of(Instant.parse(s));
    }

    private static void deleteTree(Path root) {
        try {
            FileTrees.delete(root);
        } catch (IOException e) {
            throw TracelabException.io("cannot delete spool " + root, e);
        }
    }
}
