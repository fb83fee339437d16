package org.tracelab.core.export.wacz;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.tracelab.core.Case;
import org.tracelab.core.CaseKeys;
import org.tracelab.core.CaseManifest;
import org.tracelab.core.Hashing;
import org.tracelab.core.Json;
import org.tracelab.core.Timestamps;
import org.tracelab.core.ToolVersion;
import org.tracelab.core.TracelabException;
import org.tracelab.core.collect.HttpFacts;
import org.tracelab.core.collect.Progress;
import org.tracelab.core.collect.WarcLocation;
import org.tracelab.core.export.bag.BagPaths;
import org.tracelab.core.items.Item;

/**
 * Writes the case's web captures as a WACZ 1.1.1 package for Webrecorder's ReplayWeb.page and pywb: the WARC files
 * under {@code archive/}, a CDXJ index {@code indexes/index.cdx}, {@code pages/pages.jsonl} (every HTML page
 * fetched with status 200), {@code datapackage.json} with each file's SHA-256 and size, and
 * {@code datapackage-digest.json}.
 *
 * <p>The index is built from what each {@code http-response} item recorded of its WARC record (file, offset, length)
 * rather than by reading the WARC files again, so core needs no WARC library. Records of WARC files imported with
 * {@code collect warc} are served from those files as received ({@link ImportedWarcs}). Entries are stored, not deflated, as
 * the spec asks, so replay tools can read a record with one range request.
 */
public final class WaczWriter {
    /** The kind of item a web capture is. */
    public static final String KIND = "http-response";

    private static final DateTimeFormatter CDX_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Case c;
    private final byte[] buffer = new byte[1 << 18];

    public WaczWriter(Case c) {
        this.c = c;
    }

    /** Writes the package to {@code out}, which is finished but not closed; returns the number of captures. */
    public long write(OutputStream out, Progress progress) throws IOException {
        Path work = Files.createTempDirectory("tracelab-wacz-");
        try {
            return write(out, work, progress);
        } finally {
            try (Stream<Path> s = Files.list(work)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(work);
        }
    }

    private long write(OutputStream out, Path work, Progress progress) throws IOException {
        Path index = work.resolve("index.cdx");
        Path pages = work.resolve("pages.jsonl");
        TreeSet<String> warcs = new TreeSet<>();
        ImportedWarcs imported = new ImportedWarcs();
        Map<String, Item> importedFiles = new LinkedHashMap<>();
        long[] captures = {0};
        try (LineSorter sorter = new LineSorter(work);
             BufferedWriter pageOut = Files.newBufferedWriter(pages, StandardCharsets.UTF_8)) {
            pageOut.write(Json.write(Map.of("format", "json-pages-1.0", "id", "pages", "title", "All Pages")));
            pageOut.write('\n');
            c.forEachItem(ti -> {
                Item i = ti.item();
                imported.add(i);
                Optional<WarcLocation> warc = i.warc();
                // Exchanges, and what a collector made and archived as a resource record (a page's screenshot).
                if (warc.isEmpty() || !KIND.equals(i.kind()) && warc.get().target() == null) {
                    return;
                }
                String file = warc.get().file();
                if (BagPaths.warc(file) == null) {
                    throw TracelabException.badInput("item " + i.id(), "names WARC file '" + file
                            + "' outside the case's warc folder");
                }
                warcs.add(file);
                // a resource record is addressed by its own target and has no HTTP status
                String target = warc.get().target();
                sorter.add(cdxj(new ImportedWarcs.Capture(target != null ? target : i.source(), i.capturedAt(),
                        mime(i), target != null ? null : status(i), i.blob().sha256(), warc.get().offset()),
                        warc.get().length(), file.substring("warc/".length())));
                if (isPage(i)) {
                    pageOut.write(page("item-" + i.id(), i.source(), i.capturedAt()));
                    pageOut.write('\n');
                }
                captures[0]++;
                progress.advance(1);
            });
            // Records of imported WARC files are served from the files as received, which the case holds as blobs.
            for (long fileId : imported.files()) {
                Item file = c.item(fileId);
                String name = ImportedWarcs.archiveName(file);
                importedFiles.put(name, file);
                for (ImportedWarcs.Capture r : imported.captures(fileId)) {
                    sorter.add(cdxj(r, imported.length(fileId, r.offset(), file.size()), name));
                    if (Integer.valueOf(200).equals(r.status()) && r.mime().equalsIgnoreCase("text/html")) {
                        pageOut.write(page("item-" + fileId + "-at-" + r.offset(), r.url(), r.at()));
                        pageOut.write('\n');
                    }
                    captures[0]++;
                }
            }
            try (Writer w = Files.newBufferedWriter(index, StandardCharsets.UTF_8)) {
                sorter.writeSorted(w);
            }
        }

        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        List<Map<String, Object>> resources = new ArrayList<>();
        for (String warc : warcs) {
            Path f = c.dir().resolve(warc);
            if (!Files.isRegularFile(f)) {
                throw new TracelabException(TracelabException.Failure.IO, "WARC file " + warc
                        + " that items refer to is missing from the case; run 'tracelab verify'",
                        new NoSuchFileException(f.toString()));
            }
            resources.add(stored(zip, "archive/" + f.getFileName(), () -> Files.newInputStream(f)));
        }
        for (Map.Entry<String, Item> e : importedFiles.entrySet()) {
            resources.add(stored(zip, "archive/" + e.getKey(), () -> c.openRaw(e.getValue())));
        }
        resources.add(stored(zip, "indexes/index.cdx", () -> Files.newInputStream(index)));
        resources.add(stored(zip, "pages/pages.jsonl", () -> Files.newInputStream(pages)));
        Path datapackage = work.resolve("datapackage.json");
        Files.writeString(datapackage, Json.MAPPER.writerWithDefaultPrettyPrinter()
                .writeValueAsString(datapackage(resources)) + "\n", StandardCharsets.UTF_8);
        Map<String, Object> dp = stored(zip, "datapackage.json", () -> Files.newInputStream(datapackage));
        Path digest = work.resolve("datapackage-digest.json");
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("path", "datapackage.json");
        d.put("hash", dp.get("hash"));
        Files.writeString(digest, Json.write(d) + "\n", StandardCharsets.UTF_8);
        stored(zip, "datapackage-digest.json", () -> Files.newInputStream(digest));
        zip.finish();
        zip.flush();
        return captures[0];
    }

    private static boolean isPage(Item i) {
        String type = i.contentType() == null ? "" : i.contentType().toLowerCase(Locale.ROOT);
        return status(i) == 200 && type.startsWith("text/html");
    }

    /** The HTTP status of a capture; 0 for an item that records none, as no replay tool expects one. */
    private static int status(Item i) {
        return i.http().map(HttpFacts::status).orElse(0);
    }

    private static String mime(Item i) {
        String mime = i.contentType() == null ? "unk" : i.contentType().split(";", 2)[0].strip();
        return mime.isEmpty() ? "unk" : mime;
    }

    private static String cdxj(ImportedWarcs.Capture r, long length, String warcName) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("url", r.url());
        j.put("mime", r.mime());
        if (r.status() != null) {
            j.put("status", Integer.toString(r.status()));
        }
        j.put("digest", "sha256:" + r.sha256());
        j.put("length", Long.toString(length));
        j.put("offset", Long.toString(r.offset()));
        j.put("filename", warcName);
        // Json sorts map keys; CDXJ readers look fields up by name, so the order is free.
        return Surt.of(r.url()) + " " + CDX_TIME.format(r.at()) + " " + Json.write(j);
    }

    private static String page(String id, String url, java.time.Instant at) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id);
        p.put("url", url);
        p.put("ts", Timestamps.format(at));
        p.put("title", url);
        return Json.write(p);
    }

    private Map<String, Object> datapackage(List<Map<String, Object>> resources) {
        CaseManifest m = c.manifest();
        String now = Timestamps.format(c.clock().instant());
        Map<String, Object> dp = new LinkedHashMap<>();
        dp.put("profile", "data-package");
        dp.put("wacz_version", "1.1.1");
        dp.put("title", m.name());
        dp.put("description", m.purpose());
        dp.put("created", now);
        dp.put("modified", now);
        dp.put("software", "Tracelab " + ToolVersion.version());
        dp.put("resources", resources);
        Map<String, Object> tl = new LinkedHashMap<>();
        tl.put("case", m.name());
        tl.put("examiner", m.examiner());
        tl.put("purpose", m.purpose());
        tl.put("publicKeySha256", CaseKeys.fingerprint(CaseKeys.readPublicKey(CaseKeys.publicKeyPem(c.dir()),
                "case public key")));
        dp.put("tracelab", tl);
        return dp;
    }

    /** Opens the bytes of an entry, once to sum them and once to write them. */
    private interface Source {
        InputStream open() throws IOException;
    }

    /** Adds the bytes {@code file} opens as a stored (uncompressed) entry; returns its datapackage resource. */
    private Map<String, Object> stored(ZipOutputStream zip, String name, Source file) throws IOException {
        CRC32 crc = new CRC32();
        MessageDigest sha = Hashing.sha256();
        long size = 0;
        try (InputStream in = file.open()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                crc.update(buffer, 0, n);
                sha.update(buffer, 0, n);
                size += n;
            }
        }
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(size);
        e.setCompressedSize(size);
        e.setCrc(crc.getValue());
        e.setLastModifiedTime(FileTime.from(c.clock().instant()));
        zip.putNextEntry(e);
        try (InputStream in = file.open()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                zip.write(buffer, 0, n);
            }
        }
        zip.closeEntry();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", name.substring(name.lastIndexOf('/') + 1));
        r.put("path", name);
        r.put("hash", "sha256:" + HexFormat.of().formatHex(sha.digest()));
        r.put("bytes", size);
        return r;
    }
}
