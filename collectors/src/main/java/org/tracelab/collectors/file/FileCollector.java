package org.tracelab.collectors.file;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.tracelab.core.Printable;
import org.tracelab.core.Timestamps;
import org.tracelab.core.TracelabException;
import org.tracelab.core.collect.CaptureSink;
import org.tracelab.core.collect.CollectRequest;
import org.tracelab.core.collect.Collector;
import org.tracelab.core.collect.FileFacts;
import org.tracelab.core.collect.NewItem;
import org.tracelab.core.collect.StoredBlob;
import org.tracelab.core.collect.MediaTypes;

/**
 * Imports local files (documents, images, exports of other tools), descending into folders, with each file's
 * original path, size and modification time recorded.
 *
 * <p>Symbolic links are followed, because an examiner who names a folder means the files it shows; loops are
 * detected and reported. Only regular files are read: a FIFO or device would block or never end.
 */
public final class FileCollector implements Collector {
    /** Enough to keep the disk's queue busy on two cores without thrashing it with random reads. */
    private static final int IMPORT_THREADS = 4;
    /**
     * Files read and staged ahead of the one being recorded: enough for the readers to go on through a group's
     * commit (its syncs hold the case), few enough that little is staged without its row.
     */
    private static final int READ_AHEAD = 256;

    private final Clock clock;

    public FileCollector() {
        this(Clock.systemUTC());
    }

    FileCollector(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String id() {
        return "file";
    }

    @Override
    public String description() {
        return "import local files and folders (recursively), recording path, size and modification time";
    }

    @Override
    public String targetLabel() {
        return "PATH";
    }

    @Override
    public void collect(CollectRequest request, CaptureSink sink) throws IOException {
        if (request.targets().isEmpty()) {
            throw TracelabException.badInput("collect file", "name at least one file or folder to import");
        }
        List<Path> roots = new ArrayList<>();
        for (String target : request.targets()) {
            roots.add(requireExisting(target));
        }
        // A first pass over metadata only, so progress can show bytes and a bad tree is seen before any import.
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < roots.size(); i++) {
            walk(request.targets().get(i), roots.get(i), candidates, sink);
        }
        long total = candidates.stream().mapToLong(c -> c.size).sum();
        request.progress().total(total, "bytes");
        importAll(candidates, sink, request);
    }

    /**
     * Reads, types and stages files on a few threads, and records them on this one, in the order they were listed.
     * Recording waits for the case (one writer at a time) and, once a group is due, for its blobs to be made durable
     * and its rows committed; the readers go on meanwhile, up to {@link #READ_AHEAD} files ahead, instead of waiting
     * for the case in turn. The first failure that is not about one source file (the case cannot be written) stops
     * the run.
     */
    private void importAll(List<Candidate> candidates, CaptureSink sink, CollectRequest request) throws IOException {
        try (ExecutorService pool = Executors.newFixedThreadPool(IMPORT_THREADS)) {
            Deque<Future<Staged>> ahead = new ArrayDeque<>();
            Iterator<Candidate> next = candidates.iterator();
            try {
                while (next.hasNext() || !ahead.isEmpty()) {
                    while (next.hasNext() && ahead.size() < READ_AHEAD) {
                        Candidate c = next.next();
                        ahead.add(pool.submit(() -> stage(c, sink)));
                    }
                    Staged s = done(ahead.remove());
                    if (s.item() != null) {
                        sink.record(s.item(), s.blob());
                    }
                    request.progress().advance(s.size());
                }
            } catch (IOException | RuntimeException e) {
                pool.shutdownNow();
                throw e;
            }
        }
    }

    /** What one file's staging gave: its item and blob, or none when the file could not be read. */
    private record Staged(NewItem item, StoredBlob blob, long size) {
    }

    private static Staged done(Future<Staged> f) throws IOException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("import interrupted");
        }
    }

    private static Path requireExisting(String target) {
        Path p;
        try {
            p = Path.of(target);
        } catch (InvalidPathException e) {
            throw TracelabException.badInput(Printable.of(target), "not a valid path: " + e.getReason());
        }
        if (!Files.exists(p)) {
            String why = Files.isSymbolicLink(p) ? "symbolic link to nothing" : "no such file or folder";
            throw TracelabException.badInput(Printable.of(target), why);
        }
        if (!Files.isReadable(p)) {
            throw new TracelabException(TracelabException.Failure.IO,
                    Printable.of(target) + ": permission denied");
        }
        return p.toAbsolutePath().normalize();
    }

    private record Candidate(String given, Path root, Path file, long size, String modified) {
    }

    private void walk(String given, Path root, List<Candidate> out, CaptureSink sink) throws IOException {
        List<String[]> failures = new ArrayList<>();
        Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile()) {
                            out.add(new Candidate(given, root, file, attrs.size(),
                                    Timestamps.format(attrs.lastModifiedTime().toInstant())));
                        } else if (attrs.isSymbolicLink()) {
                            // The walker gives a link's own attributes only when following it failed.
                            failures.add(new String[] {file.toString(), "symbolic link to nothing or to itself"});
                        } else {
                            failures.add(new String[] {file.toString(), "not a regular file (device, FIFO or socket)"});
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        failures.add(new String[] {file.toString(), reason(file, e)});
                        return FileVisitResult.CONTINUE;
                    }
                });
        for (String[] f : failures) {
            sink.failed(f[0], f[1]);
        }
    }

    /** Reads, types and stages one file: its item and blob, ready to record. */
    private Staged stage(Candidate c, CaptureSink sink) throws IOException {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("given", c.given);
        meta.put("relativePath", c.root.equals(c.file) ? c.file.getFileName().toString()
                : c.root.relativize(c.file).toString());
        meta.put("size", c.size);
        if (Files.isSymbolicLink(c.file)) {
            meta.put("symlinkTarget", Files.readSymbolicLink(c.file).toString());
        }
        StoredBlob blob;
        String type;
        // A local file has no Content-Type header: its type is told from its first bytes and its name, read once
        // with the rest (the buffer is reset after the look), so the items table says what the file is.
        try (InputStream in = new BufferedInputStream(SourceStream.open(c.file))) {
            type = MediaTypes.detect(in, c.file.getFileName().toString());
            blob = sink.storeBlob(in, Long.MAX_VALUE);
        } catch (SourceStream.ReadFailure e) {
            // The source could not be read: that file is skipped and named; the case is untouched.
            sink.failed(c.file.toString(), reason(c.file, e.getCause()));
            return new Staged(null, null, c.size);
        }
        if (blob.size() != c.size) {
            // The file changed while it was read: keep what was read, and say so.
            meta.put("sizeWhenListed", c.size);
            meta.put("changedDuringImport", true);
        }
        NewItem item = NewItem.of("file", c.file.toString(), clock.instant(), id(), type, null, meta)
                .with(new FileFacts(c.file.toString(), c.modified));
        return new Staged(item, blob, c.size);
    }

    private static String reason(Path file, IOException e) {
        if (e instanceof FileSystemLoopException) {
            return "symbolic link loop";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return Files.isSymbolicLink(file) && !Files.exists(file, new LinkOption[0])
                    ? "symbolic link to nothing" : "vanished before it could be read";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
