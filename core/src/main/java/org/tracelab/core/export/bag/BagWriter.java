package org.tracelab.core.export.bag;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
import org.tracelab.core.export.PartialExport;
import org.tracelab.core.export.TableFormat;
import org.tracelab.core.ingest.DerivedText;
import org.tracelab.core.items.Item;

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

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final Case c;
    private final String organization;
    private final String query;

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
        ExportTarget.requireNew(out, "already exists; a bag goes to a new folder");
        // The query is parsed and run before the folder exists, so a bad one leaves nothing behind.
        BagSelection selection = query == null ? BagSelection.all() : BagSelection.matching(c, query);
        try (PartialExport bag = PartialExport.folder(out, "already exists; a bag goes to a new folder",
                "another export is writing this bag")) {
            ExportResult r = build(bag.part(), selection, progress);
            return new ExportResult(bag.publish(), r.sha256(), r.records(), r.bytes());
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
        try (BagPayload payload = new BagPayload(bag)) {
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
            octets = payload.octets();
            files = payload.files();
        }

        String pem = CaseKeys.publicKeyPem(c.dir());
        String fingerprint = CaseKeys.fingerprint(CaseKeys.readPublicKey(pem, PUBLIC_KEY));
        byte[] signed = BagTags.writeSigned(bag, c.dir(), pem,
                bagInfo(m, octets, files, items[0], texts.size(), selection, fingerprint));
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
    private void addRecord(BagPayload payload, Item item, WarcLocation warc) throws IOException {
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

}
