package org.tracelab.core.export.bag;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.tracelab.core.Case;
import org.tracelab.core.CaseKeys;
import org.tracelab.core.CaseManifest;
import org.tracelab.core.ToolVersion;
import org.tracelab.core.TracelabException;
import org.tracelab.core.collect.Progress;
import org.tracelab.core.export.CustodyTable;
import org.tracelab.core.export.ExportResult;
import org.tracelab.core.export.ItemsTable;
import org.tracelab.core.export.TableFormat;
import org.tracelab.core.items.Item;
import org.tracelab.core.store.BlobStore;

/**
 * Writes a case as a BagIt bag (RFC 8493, version 1.0) signed with the case's Ed25519 key.
 *
 * <p>Payload: {@code data/items/<id>/<sha256>} (raw bytes), {@code data/warc/*.warc.gz} (the items' WARC files),
 * {@code data/custody-log.jsonl} and {@code data/items.csv} (which maps every payload file to its source). Payload
 * manifests in SHA-256 and SHA-512.
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
    private final byte[] buffer = new byte[BUFFER];

    /**
     * A writer for {@code c}.
     *
     * @param organization the {@code Source-Organization} of bag-info, or null to leave it out
     */
    public BagWriter(Case c, String organization) {
        this.c = c;
        if (organization != null && (organization.isBlank() || organization.chars().anyMatch(Character::isISOControl))) {
            throw TracelabException.badInput("organization '" + organization + "'",
                    "must be one line of text without control characters");
        }
        this.organization = organization == null ? null : organization.strip();
    }

    /** Writes the bag to {@code out}, which must not exist; returns the hash of its signed tag manifest. */
    public ExportResult write(Path out, Progress progress) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            throw TracelabException.badInput(target.toString(), "already exists; a bag goes to a new folder");
        }
        if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
            throw TracelabException.badInput(target.toString(), "its parent folder does not exist");
        }
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
                r = build(tmp, progress);
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

    private ExportResult build(Path bag, Progress progress) throws IOException {
        CaseManifest m = c.manifest();
        Payload payload = new Payload(bag);
        TreeSet<String> warcFiles = new TreeSet<>();
        long[] items = {0};
        progress.total(-1, "items");
        try {
            c.forEachItem(ti -> {
                Item item = ti.item();
                try (InputStream in = c.openRaw(item)) {
                    payload.add(BagPaths.item(item), in);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                String warc = item.meta().path("warc").path("file").asText(null);
                if (warc != null) {
                    warcFiles.add(warc);
                }
                items[0]++;
                progress.advance(1);
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (String warc : warcFiles) {
            String inBag = BagPaths.warc(warc);
            if (inBag == null) {
                throw TracelabException.badInput("WARC file '" + warc + "'",
                        "an item names a WARC file outside the case's warc folder");
            }
            try (InputStream in = Files.newInputStream(c.dir().resolve(warc))) {
                payload.add(inBag, in);
            } catch (NoSuchFileException e) {
                throw new TracelabException(TracelabException.Failure.IO, "WARC file " + warc
                        + " that items refer to is missing from the case; run 'tracelab verify'", e);
            }
        }
        payload.write("data/custody-log.jsonl",
                w -> CustodyTable.write(c, TableFormat.JSONL, w, Progress.NONE));
        payload.write("data/items.csv", w -> ItemsTable.write(c, TableFormat.CSV, w, BagPaths::item, Progress.NONE));
        payload.close();

        String pem = CaseKeys.publicKeyPem(c.dir());
        String fingerprint = CaseKeys.fingerprint(CaseKeys.readPublicKey(pem, PUBLIC_KEY));
        writeTag(bag, "bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n");
        writeTag(bag, "bag-info.txt", bagInfo(m, payload, items[0], fingerprint));
        writeTag(bag, PUBLIC_KEY, pem);

        List<String> tagFiles = new ArrayList<>(List.of("bagit.txt", "bag-info.txt", "manifest-sha256.txt",
                "manifest-sha512.txt", PUBLIC_KEY));
        byte[] signed = tagManifest(bag, Digests.SHA256, tagFiles);
        Files.write(bag.resolve(SIGNED_MANIFEST), signed);
        Files.write(bag.resolve(SIGNATURE), CaseKeys.sign(c.dir(), signed));
        tagFiles.add(SIGNATURE);
        Files.write(bag.resolve("tagmanifest-sha512.txt"), tagManifest(bag, Digests.SHA512, tagFiles));

        MessageDigest sha = Digests.SHA256.newDigest();
        return new ExportResult(bag, Digests.hex(sha(sha, signed)), items[0], payload.octets);
    }

    private static MessageDigest sha(MessageDigest d, byte[] bytes) {
        d.update(bytes);
        return d;
    }

    private String bagInfo(CaseManifest m, Payload payload, long items, String fingerprint) {
        StringBuilder sb = new StringBuilder();
        if (organization != null) {
            field(sb, "Source-Organization", organization);
        }
        field(sb, "Contact-Name", m.examiner());
        field(sb, "External-Identifier", m.name());
        field(sb, "External-Description", m.purpose());
        field(sb, "Bagging-Date", DAY.format(c.clock().instant()));
        field(sb, "Bag-Software-Agent", "Tracelab " + ToolVersion.version());
        field(sb, "Payload-Oxum", payload.octets + "." + payload.files);
        field(sb, "Tracelab-Case", m.name());
        field(sb, "Tracelab-Examiner", m.examiner());
        field(sb, "Tracelab-Purpose", m.purpose());
        field(sb, "Tracelab-Case-Created", m.created());
        field(sb, "Tracelab-Items", Long.toString(items));
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

    /** The payload files and their manifest lines, appended as each file is written. */
    private final class Payload implements AutoCloseable {
        private final Path bag;
        private final Map<Digests, Writer> manifests = new EnumMap<>(Digests.class);
        private final Map<Digests, MessageDigest> digests = new EnumMap<>(Digests.class);
        private long octets;
        private long files;

        Payload(Path bag) throws IOException {
            this.bag = bag;
            for (Digests alg : Digests.ALL) {
                manifests.put(alg, Files.newBufferedWriter(bag.resolve("manifest-" + alg.bagName() + ".txt"),
                        StandardCharsets.UTF_8));
                digests.put(alg, alg.newDigest());
            }
        }

        /** Copies {@code in} (read, not closed) to {@code path} in the bag, hashing it in both algorithms. */
        void add(String path, InputStream in) throws IOException {
            try (OutputStream out = open(path)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    out.write(buffer, 0, n);
                }
            }
        }

        void write(String path, Content content) throws IOException {
            try (Writer w = new BufferedWriter(new OutputStreamWriter(open(path), StandardCharsets.UTF_8), 1 << 16)) {
                content.writeTo(w);
            }
        }

        /** A stream to a new payload file that hashes what passes and adds the manifest lines when closed. */
        private OutputStream open(String path) throws IOException {
            Path file = bag.resolve(path);
            if (!file.normalize().startsWith(bag.resolve("data"))) {
                throw new IllegalArgumentException("payload path outside data/: " + path);
            }
            Files.createDirectories(file.getParent());
            OutputStream raw = Files.newOutputStream(file);
            return new OutputStream() {
                private long size;

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
                    raw.close();
                    for (Digests alg : Digests.ALL) {
                        Writer m = manifests.get(alg);
                        m.write(Digests.hex(digests.get(alg)));
                        m.write("  ");
                        m.write(BagPaths.encode(path));
                        m.write('\n');
                    }
                    octets += size;
                    files++;
                }
            };
        }

        @Override
        public void close() throws IOException {
            for (Writer w : manifests.values()) {
                w.close();
            }
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
