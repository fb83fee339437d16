package org.tracelab.core.export.bag;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.tracelab.core.Case;
import org.tracelab.core.CaseKeys;
import org.tracelab.core.CaseManifest;
import org.tracelab.core.ToolVersion;
import org.tracelab.core.TracelabException;
import org.tracelab.core.collect.Progress;
import org.tracelab.core.collect.WarcLocation;
import org.tracelab.core.export.CustodyTable;
import org.tracelab.core.export.ExportResult;
import org.tracelab.core.export.ExportTarget;
import org.tracelab.core.export.ItemsTable;
import org.tracelab.core.export.TableFormat;
import org.tracelab.core.ingest.DerivedText;
import org.tracelab.core.items.Item;
import org.tracelab.core.store.BlobStore;

/**
 * Writes a case as a BagIt bag (RFC 8493, version 1.0) signed with the case's Ed25519 key.
 *
 * <p>Payload: {@code data/items/<id>/<sha256>} (raw bytes), {@code data/text/<id>.txt} (the text extracted from
 * each item that has one), {@code data/warc/*.warc.gz} (the items' WARC files; in a bag of selected items, each
 * HTTP item's own WARC response record instead, so no other capture leaves the case), {@code data/custody-log.jsonl}
 * and {@code data/items.csv} (which maps every payload file to its source, with the item's indicator score). Payload
 * manifests in SHA-256 and SHA-512, both computed in the one pass that copies each file.
 *
 * <p>Signing order. The RFC forbids a tag manifest to list a tag manifest, so one file must be signed rather than
 * listed: {@code tagmanifest-sha256.txt} is written first, over {@code bagit.txt}, {@code bag-info.txt}, both payload
 * manifests and {@code tracelab-public-key.pem}; {@code tracelab-signature.ed25519} holds the raw 64-byte Ed25519
 * signature of its exact bytes; {@code tagmanifest-sha512.txt} is written last and lists the same files plus the
 * signature. Every byte of the bag is thus pinned by the signed tag manifest, except the SHA-512 tag manifest, which
 * only repeats (and so cross-checks) what is signed. Check it without Tracelab:
 * {@code openssl pkeyutl -verify -pubin -inkey tracelab-public-key.pem -rawin -in tagmanifest-sha256.txt
 * -sigfile tracelab-signature.ed25519}.
 *
 * <p>The bag is built in the folder {@code <out>.part} beside {@code out} and renamed to it when complete, so a killed
 * export never leaves a bag under the name asked for.
 */
public final class BagWriter {
    /** The signature tag file. */
    public static final String SIGNATURE = "tracelab-signature.ed25519";
    /** The public key tag file. */
    public static final String PUBLIC_KEY = "tracelab-public-key.pem";
    /** The tag manifest the signature covers. */
    public static final String SIGNED_MANIFEST = "tagmanifest-sha256.txt";
    /** The lock file in an unfinished bag's folder, held while it is being written. */
    static final String WRITING = ".tracelab-writing";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final int BUFFER = 1 << 18;

    private final Case c;
    private final String organization;
    private final String query;
    private final byte[] buffer = new byte[BUFFER];

    /**
     * A writer for {@code c}.
     *
     * @param organization the {@code Source-Organization} of bag-info, or null to leave it out
     * @param query        a search query choosing the items (see {@link BagSelection}), or null for every item
     */
    public BagWriter(Case c, String organization, String query) {
        this.c = c;
        if (query != null && query.isBlank()) {
            throw TracelabException.badInput("--query ''", "give a search query, or leave --query out for every item");
        }
        this.query = query;
        if (organization != null && (organization.isBlank() || organization.chars().anyMatch(Character::isISOControl))) {
            throw TracelabException.badInput("organization '" + organization + "'",
                    "must be one line of text without control characters");
        }
        this.organization = organization == null ? null : organization.strip();
    }

    /** Writes the bag to {@code out}, which must not exist; returns the hash of its signed tag manifest. */
    public ExportResult write(Path out, Progress progress) throws IOException {
        Path target = ExportTarget.requireNew(out, "already exists; a bag goes to a new folder");
        // The query is parsed and run before the folder exists, so a bad one leaves nothing behind.
        BagSelection selection = query == null ? BagSelection.all() : BagSelection.matching(c, query);
        // Built in <name>.part and renamed when complete. The lock file inside says an export is writing it; the OS
        // drops the lock however the writer ends, so a .part that nobody holds was left by a killed export and is
        // emptied and built again rather than left to pile up.
        Path tmp = target.resolveSibling(target.getFileName() + ".part");
        Files.createDirectories(tmp);
        Path lockFile = tmp.resolve(WRITING);
        try (FileChannel lock = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            if (tryLock(lock) == null) {
                throw TracelabException.badInput(tmp.toString(), "another export is writing this bag");
            }
            ExportResult r;
            try {
                emptyExcept(tmp, lockFile);
                r = build(tmp, selection, progress);
                Files.delete(lockFile);
            } catch (IOException | RuntimeException e) {
                deleteTree(tmp);
                throw e;
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            BlobStore.fsyncDirectory(target.getParent());
            return new ExportResult(target, r.sha256(), r.records(), r.bytes());
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static void emptyExcept(Path dir, Path keep) throws IOException {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path child : children) {
                if (!child.equals(keep)) {
                    if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                        deleteTree(child);
                    } else {
                        Files.delete(child);
                    }
                }
            }
        }
    }

    private ExportResult build(Path bag, BagSelection selection, Progress progress) throws IOException {
        CaseManifest m = c.manifest();
        TreeSet<String> warcFiles = new TreeSet<>();
        Set<Long> withText = c.itemsWithText();
        Set<Long> texts = new HashSet<>();
        Set<Long> records = new HashSet<>();
        long[] items = {0};
        long octets;
        long files;
        progress.total(-1, "items");
        try (Payload payload = new Payload(bag)) {
            c.forEachItem(ti -> {
                Item item = ti.item();
                if (!selection.holds(item.id())) {
                    return;
                }
                payload.copy(BagPaths.item(item), () -> c.openRaw(item));
                Optional<DerivedText> text = withText.contains(item.id()) ? c.text(item.id()) : Optional.empty();
                if (text.isPresent()) {
                    payload.copy(BagPaths.text(item), () -> c.openText(text.get()));
                    texts.add(item.id());
                }
                Optional<WarcLocation> warc = item.warc();
                if (warc.isPresent()) {
                    if (selection.whole()) {
                        warcFiles.add(warc.get().file());
                    } else {
                        addRecord(payload, item, warc.get());
                        records.add(item.id());
                    }
                }
                items[0]++;
                progress.advance(1);
            });
            for (String warc : warcFiles) {
                Path file = caseWarc(warc);
                payload.copy(BagPaths.warc(warc), () -> Files.newInputStream(file));
            }
            payload.write("data/custody-log.jsonl",
                    w -> CustodyTable.write(c, TableFormat.JSONL, false, w, Progress.NONE));
            payload.write("data/items.csv", w -> ItemsTable.write(c, TableFormat.CSV, true, w,
                    inBag(selection, texts, records), Progress.NONE));
            payload.drain();
            octets = payload.octets;
            files = payload.files;
        }

        String pem = CaseKeys.publicKeyPem(c.dir());
        String fingerprint = CaseKeys.fingerprint(CaseKeys.readPublicKey(pem, PUBLIC_KEY));
        writeTag(bag, "bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n");
        writeTag(bag, "bag-info.txt", bagInfo(m, octets, files, items[0], texts.size(), selection, fingerprint));
        writeTag(bag, PUBLIC_KEY, pem);

        List<String> tagFiles = new ArrayList<>(List.of("bagit.txt", "bag-info.txt", "manifest-sha256.txt",
                "manifest-sha512.txt", PUBLIC_KEY));
        byte[] signed = tagManifest(bag, Digests.SHA256, tagFiles);
        Files.write(bag.resolve(SIGNED_MANIFEST), signed);
        Files.write(bag.resolve(SIGNATURE), CaseKeys.sign(c.dir(), signed));
        tagFiles.add(SIGNATURE);
        Files.write(bag.resolve("tagmanifest-sha512.txt"), tagManifest(bag, Digests.SHA512, tagFiles));

        MessageDigest sha = Digests.SHA256.newDigest();
        return new ExportResult(bag, Digests.hex(sha(sha, signed)), items[0], octets);
    }

    private static MessageDigest sha(MessageDigest d, byte[] bytes) {
        d.update(bytes);
        return d;
    }

    /** The case file of a WARC file an item names, which must be in the case's warc folder and exist. */
    private Path caseWarc(String warc) {
        if (BagPaths.warc(warc) == null) {
            throw TracelabException.badInput("WARC file '" + warc + "'",
                    "an item names a WARC file outside the case's warc folder");
        }
        Path f = c.dir().resolve(warc);
        if (!Files.isRegularFile(f)) {
            throw new TracelabException(TracelabException.Failure.IO, "WARC file " + warc
                    + " that items refer to is missing from the case; run 'tracelab verify'",
                    new NoSuchFileException(f.toString()));
        }
        return f;
    }

    /**
     * Copies the item's own WARC records (gzip members of their own) byte for byte from the case's WARC file: its
     * request and response, which lie one after the other. Items captured before the request's offset was kept
     * give their response alone.
     */
    private void addRecord(Payload payload, Item item, WarcLocation warc) throws IOException {
        long response = warc.offset();
        long offset = warc.request().orElse(response);
        long length = warc.length() + (response - offset);
        Path file = caseWarc(warc.file());
        if (offset < 0 || length <= 0 || offset + length > Files.size(file)) {
            throw new TracelabException(TracelabException.Failure.IO, "item " + item.id() + ": its WARC record at "
                    + offset + "+" + length + " is outside " + warc.file() + "; run 'tracelab verify'",
                    null);
        }
        payload.copy(BagPaths.warcRecord(item), () -> {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
            return Channels.newInputStream(ch.position(offset)); // closing the stream closes the channel
        }, length);
    }

    private static ItemsTable.InBag inBag(BagSelection selection, Set<Long> texts, Set<Long> records) {
        return new ItemsTable.InBag() {
            @Override
            public boolean holds(Item item) {
                return selection.holds(item.id());
            }

            @Override
            public List<String> columns() {
                return List.of("bag_path", "text_bag_path", "warc_bag_path", "included_as");
            }

            @Override
            public List<Object> cells(Item item) {
                String warc = item.warc().map(WarcLocation::file).orElse(null);
                String warcPath = warc == null ? null : selection.whole() ? BagPaths.warc(warc)
                        : records.contains(item.id()) ? BagPaths.warcRecord(item) : null;
                return Arrays.asList(BagPaths.item(item), texts.contains(item.id()) ? BagPaths.text(item) : null,
                        warcPath, selection.reason(item.id()));
            }
        };
    }

    private String bagInfo(CaseManifest m, long octets, long files, long items, long texts, BagSelection selection,
                           String fingerprint) {
        StringBuilder sb = new StringBuilder();
        if (organization != null) {
            field(sb, "Source-Organization", organization);
        }
        field(sb, "Contact-Name", m.examiner());
        field(sb, "External-Identifier", m.name());
        field(sb, "External-Description", m.purpose());
        field(sb, "Bagging-Date", DAY.format(c.clock().instant()));
        field(sb, "Bag-Software-Agent", "Tracelab " + ToolVersion.version());
        field(sb, "Payload-Oxum", octets + "." + files);
        field(sb, "Tracelab-Case", m.name());
        field(sb, "Tracelab-Examiner", m.examiner());
        field(sb, "Tracelab-Purpose", m.purpose());
        field(sb, "Tracelab-Case-Created", m.created());
        field(sb, "Tracelab-Items", Long.toString(items));
        field(sb, "Tracelab-Texts", texts + " extracted texts in data/text/");
        if (selection.whole()) {
            field(sb, "Tracelab-Selection", "every item of the case; data/warc/ holds the case's WARC files whole");
        } else {
            field(sb, "Tracelab-Query", selection.query());
            field(sb, "Tracelab-Selection", selection.matched() + " items matching the query, and "
                    + selection.parents() + " items they were captured from (redirect hops before them, the page "
                    + "or archive they were found in), included so each match's provenance can be checked; "
                    + "items.csv says which is which (included_as). data/warc/ holds each HTTP item's own WARC "
                    + "request and response records, byte for byte as they lie in warc_file of the case, the "
                    + "response at warc_offset (the response alone for items captured before Tracelab kept the "
                    + "request's offset), and no other capture");
        }
        field(sb, "Tracelab-Signature", SIGNATURE + " (Ed25519 over the bytes of " + SIGNED_MANIFEST + ")");
        field(sb, "Tracelab-Public-Key", PUBLIC_KEY + " (SHA-256 of its DER form " + fingerprint + ")");
        return sb.toString();
    }

    private static void field(StringBuilder sb, String label, String value) {
        // Manifest values are validated single-line; a stray line break would still be folded, never start a label.
        sb.append(label).append(": ").append(value.replace("\r", " ").replace("\n", " ")).append('\n');
    }

    private static void writeTag(Path bag, String name, String text) throws IOException {
        Files.writeString(bag.resolve(name), text, StandardCharsets.UTF_8);
    }

    private byte[] tagManifest(Path bag, Digests alg, List<String> files) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String f : files) {
            MessageDigest d = alg.newDigest();
            try (InputStream in = Files.newInputStream(bag.resolve(f))) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    d.update(buffer, 0, n);
                }
            }
            sb.append(Digests.hex(d)).append("  ").append(BagPaths.encode(f)).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A payload file's content, written by a table writer. */
    private interface Content {
        void writeTo(Writer w) throws IOException;
    }

    /** Where a payload file's bytes come from; opened on a copying thread, which closes the stream. */
    private interface Source {
        InputStream open() throws IOException;
    }

    /** A payload file written: its bag path, size and hex digest in each manifest algorithm. */
    private record Written(String path, long size, Map<Digests, String> digests) {
    }

    /**
     * The payload files and their manifest lines. Each file is read once: the one pass that copies it feeds both
     * digests. Copies run on a few threads, because exporting many small files waits on the file system (opening,
     * reading a blob that may not be cached, making its folder) far more than on hashing; manifest lines are still
     * written in the order files were given, so the same case gives the same manifests.
     */
    private static final class Payload implements AutoCloseable {
        /** Copies at once; the waits they overlap are on the disk, so more threads than cores pay off. */
        private static final int THREADS = 4;
        /** Copies given but not yet in the manifests: bounds memory and keeps the order. */
        private static final int WINDOW = 256;

        private final Path bag;
        private final Map<Digests, Writer> manifests = new EnumMap<>(Digests.class);
        private final ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "bag-copy");
            t.setDaemon(true);
            return t;
        });
        private final ThreadLocal<byte[]> buffers = ThreadLocal.withInitial(() -> new byte[BUFFER]);
        private final ArrayDeque<Future<Written>> pending = new ArrayDeque<>();
        private long octets;
        private long files;

        Payload(Path bag) throws IOException {
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

    private static void deleteTree(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // the export's own failure is what gets reported; the .part folder's name says what it is
        }
    }
}
