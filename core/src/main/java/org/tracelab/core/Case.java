package org.tracelab.core;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import org.tracelab.core.collect.CaptureListener;
import org.tracelab.core.collect.CaptureSink;
import org.tracelab.core.collect.CollectionReport;
import org.tracelab.core.collect.CollectionRun;
import org.tracelab.core.collect.Progress;
import org.tracelab.core.collect.ProgressStages;
import org.tracelab.core.custody.CoveredRows;
import org.tracelab.core.custody.CustodyEntry;
import org.tracelab.core.custody.CustodyLog;
import org.tracelab.core.custody.WarcSeal;
import org.tracelab.core.extract.ExtractorSettings;
import org.tracelab.core.imagehash.HashedItem;
import org.tracelab.core.imagehash.ImageHashStore;
import org.tracelab.core.imagehash.PdqResult;
import org.tracelab.core.imagehash.PictureHash;
import org.tracelab.core.imagehash.PictureSet;
import org.tracelab.core.extract.OcrLanguages;
import org.tracelab.core.extract.OcrSettings;
import org.tracelab.core.ingest.CaseEntities;
import org.tracelab.core.ingest.DerivedStore;
import org.tracelab.core.ingest.DerivedText;
import org.tracelab.core.ingest.TextScope;
import org.tracelab.core.ingest.EntityFinder;
import org.tracelab.core.ingest.EntityMention;
import org.tracelab.core.ingest.EntitySummary;
import org.tracelab.core.ingest.Ingest;
import org.tracelab.core.ingest.IngestAhead;
import org.tracelab.core.ingest.IngestReport;
import org.tracelab.core.internal.CaseDatabase;
import org.tracelab.core.items.Item;
import org.tracelab.core.items.ItemStore;
import org.tracelab.core.items.Note;
import org.tracelab.core.items.TaggedItem;
import org.tracelab.core.items.Tags;
import org.tracelab.core.links.ImageLinks;
import org.tracelab.core.search.CaseSearch;
import org.tracelab.core.search.CaseTags;
import org.tracelab.core.search.IndexView;
import org.tracelab.core.search.SearchRequest;
import org.tracelab.core.search.SearchResults;
import org.tracelab.core.store.BlobStore;
import org.tracelab.core.store.FanOutUpgrade;
import org.tracelab.core.store.WarcArchive;
import org.tracelab.core.verify.Verifier;
import org.tracelab.core.verify.VerifyListener;
import org.tracelab.core.verify.VerifyReport;

/**
 * A case: the folder that holds an investigation's evidence, and the front door to everything done with it.
 *
 * <p>Open it for writing to change it (one writer at a time, enforced with a lock) or for reading. Every change
 * made through it is recorded in the custody log in the same transaction as the change itself.
 *
 * <p>One shape for the front door: what the case holds and does to itself (items, tags, notes, texts, entities,
 * custody, collect, ingest, search, verify) are its own methods; the services built on a case (exports, scan,
 * links, near-duplicates) are reached as {@code Service.verb(c, ...)}, e.g. {@code Exports.bag(c, ...)},
 * {@code CaseScan.scanAndTag(c, ...)}, {@code CaseLinks.run(c, ...)}, so the case names none of them.
 */
public final class Case implements AutoCloseable {
    private final Path dir;
    private final CaseManifest manifest;
    private final CaseDatabase db;
    private final BlobStore blobs;
    private final ItemStore items;
    private final CustodyLog custody;
    private final CaseLock lock;
    private final Clock clock;
    private final CaptureGroups groups;
    private final DerivedStore derived;
    private final EntityFinder entities;
    private final ImageHashStore pictures;
    private final CaseTags tags = new DatabaseTags();
    private final IndexView index;
    /** Holders of this open case: one when opened, one more for each {@link #retain()}; closed when none is left. */
    private int holders = 1;

    private Case(Path dir, CaseManifest manifest, CaseDatabase db, CaseLock lock, Clock clock) throws SQLException {
        this.dir = dir;
        this.manifest = manifest;
        this.db = db;
        this.lock = lock;
        this.clock = clock;
        this.blobs = new BlobStore(dir.resolve(CaseFolder.BLOBS));
        this.items = new ItemStore(db.connection());
        this.custody = new CustodyLog(db.connection(), dir.resolve(CaseFolder.HEAD), clock, manifest.examiner());
        // Each WARC file the case closes (a run's end, a rotation) is sealed in the custody log.
        this.groups = new CaptureGroups(db, blobs, new WarcArchive(dir, clock, WarcArchive.DEFAULT_ROTATE_BYTES, blobs,
                seal -> log(WarcSeal.ACTION, seal.params())), custody);
        this.derived = new DerivedStore(db.connection());
        this.pictures = new ImageHashStore(db.connection());
        this.entities = new CaseEntities(manifest.region());
        this.index = new IndexView(dir, blobs);
    }

    /**
     * Makes a new case in {@code dir}, which must not exist or be empty, and returns it open for writing.
     * The first custody entry records the manifest, purpose included.
     */
    public static Case create(Path dir, CaseManifest manifest, Clock clock) {
        Path d = CaseFolder.prepareNew(dir);
        CaseLock lock = CaseLock.acquire(d, "case init", clock.instant());
        CaseDatabase db = null;
        try {
            new BlobStore(d.resolve(CaseFolder.BLOBS)).create();
            Files.createDirectories(d.resolve(CaseFolder.WARC));
            String keyFingerprint = CaseKeys.generate(d);
            CaseFolder.writeManifest(d, manifest);
            db = CaseDatabase.open(d.resolve(CaseFolder.DATABASE));
            List<String> schema = db.migrate(clock.instant());
            Case c = new Case(d, manifest, db, lock, clock);
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("name", manifest.name());
            params.put("examiner", manifest.examiner());
            params.put("purpose", manifest.purpose());
            params.put("region", manifest.region());
            params.put("created", manifest.created());
            params.put("publicKeySha256", keyFingerprint);
            params.put("manifestSha256", Hashing.sha256Hex(Files.readString(d.resolve(CaseFolder.MANIFEST))));
            params.put("schema", db.appliedSteps(schema));
            c.custody.append("case.init", null, params);
            c.custody.writeHead();
            return c;
        } catch (IOException | SQLException e) {
            if (db != null) {
                db.close();
            }
            lock.close();
            throw TracelabException.io("creating case " + d, e);
        } catch (RuntimeException e) {
            if (db != null) {
                db.close();
            }
            lock.close();
            throw e;
        }
    }

    /**
     * Opens a case to change it, taking its lock.
     *
     * @param command what this process is doing, shown to a second writer
     */
    public static Case openForWriting(Path dir, String command, Clock clock) {
        Path d = CaseFolder.requireCase(dir);
        CaseLock lock = CaseLock.acquire(d, command, clock.instant());
        try {
            CaseDatabase db = CaseDatabase.open(d.resolve(CaseFolder.DATABASE));
            try {
                CaseManifest m = CaseFolder.readManifest(d, db.connection());
                List<String> applied = db.migrate(clock.instant());
                Case c = new Case(d, m, db, lock, clock);
                if (!applied.isEmpty()) {
                    c.custody.append("case.migrate", null, Map.of("applied", applied, "schema",
                            db.appliedSteps(applied)));
                }
                c.blobs.sweepIncoming();
                c.upgradeStoreLayout();
                return c;
            } catch (SQLException | IOException | RuntimeException e) {
                db.close();
                throw e;
            }
        } catch (SQLException | IOException e) {
            lock.close();
            throw TracelabException.io("opening case " + d, e);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Moves the blobs of a case made before the one-level store layout, and logs the move: the evidence's files
     * changed names (never bytes), and the log says when and how many. A run cut short by a kill is finished, and
     * logged, by the next writer; the store is marked upgraded only after its new names are durable.
     */
    private void upgradeStoreLayout() throws IOException, SQLException {
        Optional<FanOutUpgrade.Result> done = blobs.upgradeLayout();
        if (done.isPresent()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("from", BlobStore.TWO_LEVEL_LAYOUT);
            p.put("to", BlobStore.LAYOUT);
            p.put("moved", done.get().moved());
            if (!done.get().leftInPlace().isEmpty()) {
                p.put("leftInPlace", done.get().leftInPlace().stream().map(f -> dir.relativize(f).toString()).toList());
            }
            custody.append("store.upgrade", null, p);
        }
    }

    /** Opens a case to read it; it may be written by another process meanwhile. */
    public static Case openForReading(Path dir, Clock clock) {
        Path d = CaseFolder.requireCase(dir);
        CaseDatabase db = CaseDatabase.open(d.resolve(CaseFolder.DATABASE));
        try {
            CaseManifest m = CaseFolder.readManifest(d, db.connection());
            int v = db.schemaVersion();
            if (v > CaseDatabase.latestVersion()) {
                throw TracelabException.badInput(d.toString(), "case schema version " + v
                        + " is newer than this Tracelab knows; use a newer Tracelab");
            }
            if (v < CaseDatabase.latestVersion()) {
                // A reader never writes: a case made by an older Tracelab is read through an upgraded copy in
                // memory; the first writing command upgrades the file itself and logs it.
                db.close();
                db = CaseDatabase.upgradedCopy(d.resolve(CaseFolder.DATABASE), clock.instant());
            }
            return new Case(d, m, db, null, clock);
        } catch (SQLException | RuntimeException e) {
            db.close();
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw TracelabException.io("opening case " + d, e);
        }
    }

    public Path dir() {
        return dir;
    }

    public CaseManifest manifest() {
        return manifest;
    }

    public BlobStore blobs() {
        return blobs;
    }

    public Clock clock() {
        return clock;
    }

    /** True when this process holds the case's write lock. */
    public boolean writable() {
        return lock != null;
    }

    /** The item with this id, or bad input naming it. */
    public Item item(long id) {
        return read("reading item " + id, () -> items.get(id))
                .orElseThrow(() -> TracelabException.badInput("item " + id, "no such item in this case"));
    }

    /** The tags of an item, sorted. */
    public List<String> tags(long id) {
        return read("reading tags of item " + id, () -> items.tags(id));
    }

    /** The notes on an item, oldest first. */
    public List<Note> notes(long id) {
        return read("reading notes of item " + id, () -> items.notes(id));
    }

    /** The custody entries naming an item, in chain order. */
    public List<CustodyEntry> custodyOf(long id) {
        return read("reading custody entries of item " + id, () -> custody.forItem(id));
    }

    /**
     * Every item with its tags, in id order, streamed (the case is held for the whole walk).
     *
     * @throws IOException only as thrown by {@code sink}; the case's own faults are {@link TracelabException}s
     */
    public synchronized void forEachItem(RecordSink<TaggedItem> sink) throws IOException {
        walk("reading the items of case " + dir, () -> items.forEachTagged(sink));
    }

    /** The newest custody entry of {@code action}, if the log has one. */
    public Optional<CustodyEntry> lastCustodyEntry(String action) {
        return read("reading the custody log of case " + dir, () -> {
            flushIfWritable();
            return custody.last(action);
        });
    }

    /** The hash of the custody entry that recorded each item, by item id (its first entry). */
    public Map<Long, String> recordingEntryHashes() {
        return read("reading the custody log of case " + dir, () -> {
            flushIfWritable();
            return custody.firstHashByItem();
        });
    }

    /** The highest item id in the case, 0 when it holds none. */
    public long lastItemId() {
        return read("reading the items of case " + dir, () -> {
            flushIfWritable();
            return items.lastId();
        });
    }

    /**
     * Every custody entry in chain order, streamed.
     *
     * @throws IOException only as thrown by {@code sink}; the case's own faults are {@link TracelabException}s
     */
    public synchronized void forEachCustodyEntry(RecordSink<CustodyEntry> sink) throws IOException {
        walk("reading the custody log of case " + dir, () -> custody.forEach(sink));
    }

    /**
     * Appends a custody entry for something done with the case as a whole (an export, say).
     *
     * @param action what was done, e.g. {@code export.bag}
     */
    public CustodyEntry log(String action, Object params) {
        requireWritable(action);
        return change("logging " + action + " in case " + dir, () -> custody.append(action, null, params));
    }

    private void flushIfWritable() throws SQLException, IOException {
        if (lock != null) {
            groups.flush();
        }
    }

    /** Work on the case's database (and the disk) that may fail with either. */
    @FunctionalInterface
    private interface CaseWork<T> {
        T run() throws SQLException, IOException;
    }

    /** A walk over many records, handing each to a sink that may throw IOException. */
    @FunctionalInterface
    private interface Walk {
        void run() throws SQLException, IOException;
    }

    /**
     * Commits pending captures, then walks; the sink's IOExceptions pass through, the case's own faults are I/O
     * failures doing {@code what}.
     */
    private synchronized void walk(String what, Walk walk) throws IOException {
        read(what, () -> {
            flushIfWritable();
            return null;
        });
        try {
            walk.run();
        } catch (SQLException e) {
            throw TracelabException.io(what, e);
        }
    }

    /** Runs {@code work} holding the case; a fault of the database or the disk is an I/O failure doing {@code what}. */
    private synchronized <T> T read(String what, CaseWork<T> work) {
        try {
            return work.run();
        } catch (SQLException | IOException e) {
            throw TracelabException.io(what, e);
        }
    }

    /**
     * Commits the open group of captures, then runs {@code change} (rows and the custody entries that log them) in
     * one transaction of its own; on failure the chain's head is re-read, so the next entry chains to what was
     * committed, and the failure is an I/O failure doing {@code what}.
     */
    private synchronized <T> T change(String what, CaseDatabase.Work<T> change) {
        try {
            return groups.afterGroup(change);
        } catch (SQLException | IOException e) {
            throw TracelabException.io(what, e);
        }
    }

    /**
     * The items that hold records of a finer grain (kind {@code ad} or {@code post}): an ad page and its record, a
     * channel page and its posts carry the same identifiers, and links count the record, not the page again.
     */
    public Set<Long> recordContainers() {
        return read("reading the items of " + dir, () -> items.parentsOf(List.of("ad", "post")));
    }

    /** Opens an item's raw bytes; the caller closes the stream. */
    public InputStream openRaw(Item item) {
        try {
            return blobs.open(item.blob());
        } catch (NoSuchFileException e) {
            throw new TracelabException(TracelabException.Failure.IO, "item " + item.id() + ": its blob "
                    + item.blob().sha256() + " is missing from the store; run 'tracelab verify'", e);
        } catch (IOException e) {
            throw TracelabException.io("reading item " + item.id(), e);
        }
    }

    /** Tags an item; logged. Returns false when it already had the tag. */
    public boolean tag(long id, String tag) {
        requireWritable("tag");
        String t = Tags.checked(tag);
        item(id);
        return change("tagging item " + id, () -> {
            boolean added = items.tag(id, t, clock.instant());
            if (added) {
                custody.append("tag", id, Map.of("tag", t, CoveredRows.RECORD, items.tagRecord(id, t)));
            }
            return added;
        });
    }

    /** Adds a note to an item; logged with a hash of its text. */
    public long note(long id, String text) {
        requireWritable("note");
        if (text == null || text.isBlank()) {
            throw TracelabException.badInput("note", "the note text is empty");
        }
        item(id);
        return change("adding a note to item " + id, () -> {
            long noteId = items.note(id, text, manifest.examiner(), clock.instant());
            custody.append("note", id, Map.of("note", noteId, "text", text, CoveredRows.RECORD,
                    items.noteRecord(noteId)));
            return noteId;
        });
    }

    /**
     * Runs a collection end to end: logs its start, captures through its collector (each capture tagged as asked in
     * its own commit group), logs its end with what it did, even when the collector fails, and ingests what came in.
     *
     * @throws IOException as the collector throws it, when reading or writing ends the run
     */
    public CollectionReport collect(CollectionRun run, CaptureListener listener, ProgressStages progress)
            throws IOException {
        return collect(run, listener, progress, ocr(OcrLanguages.OF_REGION));
    }

    /** {@link #collect(CollectionRun, CaptureListener, ProgressStages)} reading text in images as {@code ocr} says. */
    public CollectionReport collect(CollectionRun run, CaptureListener listener, ProgressStages progress,
                                    OcrSettings ocr) throws IOException {
        return collect(run, listener, progress, ocr, true);
    }

    /**
     * {@link #collect(CollectionRun, CaptureListener, ProgressStages, OcrSettings)}, or without the ingest that
     * follows when {@code ingest} is false: the items wait, unextracted, for {@code reindex}.
     */
    public CollectionReport collect(CollectionRun run, CaptureListener listener, ProgressStages progress,
                                    OcrSettings ocr, boolean ingest) throws IOException {
        return CaseCollection.run(this, run, listener, progress == null ? ProgressStages.NONE : progress, ocr,
                ingest);
    }

    /** How this case reads text in images: Tesseract in {@code languages}, by default the case region's. */
    public OcrSettings ocr(OcrLanguages languages) {
        return OcrSettings.DEFAULTS.withLanguages(languages.resolve(manifest.region()));
    }

    /**
     * Starts a collection run: logs it with its parameters and returns the sink its captures go through.
     */
    public CaptureSink startCapture(String collectorId, Object params, CaptureListener listener) {
        return startCapture(collectorId, params, List.of(), listener);
    }

    /** {@link #startCapture(String, Object, CaptureListener)} whose captures each get {@code tags} (checked). */
    CaptureSink startCapture(String collectorId, Object params, List<String> tags, CaptureListener listener) {
        requireWritable("collect");
        change("logging the start of collection", () -> custody.append("collect.start", null,
                Map.of("collector", collectorId, "params", Json.tree(params))));
        return new CaseCaptureSink(this, blobs, items, custody, groups, collectorId,
                listener == null ? CaptureListener.NONE : listener, tags, clock);
    }

    /** Logs the end of a collection run with what it did. */
    public void finishCapture(String collectorId, Object outcome) {
        finishCapture(collectorId, () -> outcome);
    }

    /** Logs the end of a collection run with its outcome as it stands once the run's last captures committed. */
    void finishCapture(String collectorId, java.util.function.Supplier<Object> outcome) {
        requireWritable("collect");
        try {
            groups.endRun();
            custody.append("collect.end", null, Map.of("collector", collectorId, "outcome",
                    Json.tree(outcome.get())));
        } catch (SQLException | IOException e) {
            groups.resyncCustody();
            throw TracelabException.io("logging the end of collection", e);
        }
    }

    /**
     * Extracts the text, metadata and entities of every item not yet ingested (archive members become items),
     * logs each, and brings the index in step. Items whose extraction fails are marked and logged; the run goes on.
     */
    public synchronized IngestReport ingest(Progress progress) {
        return ingest(progress, ocr(OcrLanguages.OF_REGION));
    }

    /** {@link #ingest(Progress)} reading text in images as {@code ocr} says. */
    public synchronized IngestReport ingest(Progress progress, OcrSettings ocr) {
        return runIngest(false, false, progress, ocr);
    }

    /**
     * Rebuilds the index from the stored texts (ingesting items that have none); with {@code extract}, extracts
     * every item again first, each re-extraction logged.
     */
    public synchronized IngestReport reindex(boolean extract, Progress progress) {
        return reindex(extract, progress, ocr(OcrLanguages.OF_REGION));
    }

    /**
     * {@link #reindex(boolean, Progress)} reading text in images as {@code ocr} says, which only texts extracted now
     * are (a stored text is never read again without {@code extract}).
     */
    public synchronized IngestReport reindex(boolean extract, Progress progress, OcrSettings ocr) {
        IngestReport r = runIngest(extract, true, progress, ocr);
        // Derived like the index: a rebuild counts them again, which is what verify tells to do with a wrong one.
        change("recounting the entity tallies of " + dir, () -> {
            org.tracelab.core.ingest.EntityTallies.recount(db.connection());
            return null;
        });
        change("logging the index rebuild", () -> custody.append("index.rebuild", null,
                Map.of("extract", extract, "texts", r.indexed())));
        return r;
    }

    private IngestReport runIngest(boolean extractAll, boolean rebuild, Progress progress, OcrSettings ocr) {
        requireWritable("ingest");
        try {
            groups.flush();
            return ingestOf(ocr).run(extractAll, rebuild, progress == null ? Progress.NONE : progress);
        } catch (SQLException | IOException e) {
            groups.abandon(e);
            throw TracelabException.io("ingesting items of " + dir, e);
        }
    }

    /**
     * Readies the ingest that will follow a collection, so that what it captures is prepared while it captures
     * ({@link #prepareAhead}); {@link #ingest(Progress, IngestAhead)} runs it. The caller closes it.
     */
    IngestAhead ingestAhead(OcrSettings ocr) {
        requireWritable("ingest");
        try {
            return ingestOf(ocr).ahead();
        } catch (IOException e) {
            throw TracelabException.io("opening the index of " + dir, e);
        }
    }

    /** Offers item {@code id}, just captured, to be prepared ahead of the ingest {@code ahead} readies. */
    synchronized void prepareAhead(IngestAhead ahead, long id) {
        ahead.offer(id);
    }

    /** {@link #ingest(Progress, OcrSettings)} on what {@link #ingestAhead} readied, with what it prepared. */
    synchronized IngestReport ingest(Progress progress, IngestAhead ahead) {
        requireWritable("ingest");
        try {
            groups.flush();
            return ahead.run(progress == null ? Progress.NONE : progress);
        } catch (SQLException | IOException e) {
            groups.abandon(e);
            throw TracelabException.io("ingesting items of " + dir, e);
        }
    }

    private Ingest ingestOf(OcrSettings ocr) {
        return new Ingest(dir, blobs, items, derived, pictures,
                new CaseIngestRecorder(this, derived, pictures, custody, groups), entities,
                ExtractorSettings.DEFAULTS.withOcr(ocr), clock);
    }

    /** The text extracted from an item, if it was ingested. */
    public Optional<DerivedText> text(long id) {
        return read("reading the extracted text of item " + id, () -> derived.get(id));
    }

    /**
     * The text of an item that {@code scope} reads: for {@link TextScope#MAIN}, a page's main text when it has one,
     * else its extracted text.
     */
    public synchronized Optional<DerivedText> text(long id, TextScope scope) {
        if (scope == TextScope.MAIN) {
            try {
                Optional<DerivedText> main = derived.main(id);
                if (main.isPresent()) {
                    return main;
                }
            } catch (SQLException e) {
                throw TracelabException.io("reading the main text of item " + id, e);
            }
        }
        return text(id);
    }

    /** The ids of the items whose extraction failed, was cut or left notes (a member skipped, a limit hit). */
    public List<Long> itemsWithExtractionProblems() {
        return read("reading which items of " + dir + " had extraction problems", derived::withProblems);
    }

    /** The ids of the items that have an extracted text, so a pass over many items asks only for those. */
    public Set<Long> itemsWithText() {
        return read("reading which items of " + dir + " have texts", () -> new HashSet<>(derived.derivedItems()));
    }

    /** Opens an extracted text as UTF-8 bytes; the caller closes the stream. */
    public InputStream openText(DerivedText text) {
        if (text.pieces().isPresent()) {
            return new ByteArrayInputStream(mainInText(text).getBytes(StandardCharsets.UTF_8));
        }
        try {
            return blobs.open(text.blob());
        } catch (NoSuchFileException e) {
            throw new TracelabException(TracelabException.Failure.IO, "item " + text.itemId() + ": its text blob "
                    + text.blob().sha256() + " is missing from the store; run 'tracelab verify'", e);
        } catch (IOException e) {
            throw TracelabException.io("reading the text of item " + text.itemId(), e);
        }
    }

    /** A main text made of pieces of the item's full text: those pieces of it. */
    private String mainInText(DerivedText main) {
        DerivedText full = text(main.itemId()).orElseThrow(() -> new TracelabException(TracelabException.Failure.IO,
                "item " + main.itemId() + ": its main text lies in a text the case no longer records; run"
                        + " 'tracelab verify'"));
        String whole;
        try (InputStream in = openText(full)) {
            whole = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw TracelabException.io("reading the text of item " + main.itemId(), e);
        }
        try {
            return main.pieces().orElseThrow().in(whole);
        } catch (IllegalArgumentException e) {
            throw new TracelabException(TracelabException.Failure.IO, "item " + main.itemId() + ": its main text, "
                    + e.getMessage() + ", lies outside its text; run 'tracelab verify'", e);
        }
    }

    /**
     * The start of an extracted text, at most {@code maxChars} of it: what a service that compares or scans texts
     * needs, without holding a whole book in memory.
     */
    public String textHead(DerivedText text, int maxChars) {
        try (InputStream in = openText(text);
             Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            char[] buf = new char[Math.min(maxChars, 8192)];
            StringBuilder sb = new StringBuilder();
            int n;
            while (sb.length() < maxChars && (n = r.read(buf, 0, Math.min(buf.length, maxChars - sb.length()))) > 0) {
                sb.append(buf, 0, n);
            }
            return sb.toString();
        } catch (IOException e) {
            throw TracelabException.io("reading the text of item " + text.itemId(), e);
        }
    }

    /** The entities found in an item's text, in offset order. */
    public List<EntityMention> entitiesOf(long id) {
        return read("reading the entities of item " + id, () -> derived.entitiesOf(id));
    }

    /**
     * Entities mentioned by at least {@code minItems} items, the most shared first.
     *
     * @param type an entity type name ({@code phone}, {@code telegram}…), or null for all
     */
    public List<EntitySummary> entities(String type, int minItems) {
        return read("reading the entities of " + dir, () -> derived.summaries(type, minItems));
    }

    /** The hashed pictures worth matching on and the item each belongs to, for links and {@code image:} search. */
    public synchronized PictureSet pictures() {
        try {
            List<HashedItem> hashes = pictures.hashes(PdqResult.USEFUL_QUALITY);
            return new PictureSet(hashes, pictures.holders(hashes.stream().map(HashedItem::itemId).toList()));
        } catch (SQLException e) {
            throw TracelabException.io("reading the picture hashes of " + dir, e);
        }
    }

    /**
     * The items with a picture at most the links' distance from {@code item}'s (its own, or those it holds), each
     * with its nearest distance, nearest first; empty when it has no hashed picture.
     */
    public Map<Long, Integer> similarPictures(long item) {
        return pictures().similarTo(item, ImageLinks.MAX_DISTANCE);
    }

    /** The picture hash of an item, if it is a picture that was ingested. */
    public Optional<PictureHash> pictureHash(long id) {
        return read("reading the picture hash of item " + id, () -> pictures.get(id));
    }

    /** The identifiers each item holds only in its markup's links, as {@code type:value} by item id. */
    public synchronized Map<Long, Set<String>> linkOnlyEntities() {
        try {
            return derived.linkOnly();
        } catch (SQLException e) {
            throw TracelabException.io("reading the entities of " + dir, e);
        }
    }

    /** Searches the case index; a malformed query throws a {@link org.tracelab.core.search.QuerySyntaxException}. */
    public SearchResults search(SearchRequest request) {
        return new CaseSearch(index, entities, tags, this::similarPictures).run(request);
    }

    /** The ids of all items matching {@code query}, ascending; a malformed query throws QuerySyntaxException. */
    public SortedSet<Long> matching(String query) {
        return new CaseSearch(index, entities, tags, this::similarPictures).matching(query);
    }

    /** The case's tags as its database holds them now, read holding the case. */
    private final class DatabaseTags implements CaseTags {
        @Override
        public List<String> names() {
            return read("reading the tags of " + dir, items::tagNames);
        }

        @Override
        public List<Long> itemsTagged(String tag) {
            return read("reading items tagged " + tag, () -> items.tagged(tag));
        }
    }

    /** Counts and facts for {@code case info}. */
    public synchronized CaseSummary summary() {
        // The blobs' counts and bytes are kept by the database's triggers as rows are written (V10): counted at each
        // call, they were half of case info at 100,000 ads. The files beside the blobs come from the folder; listing
        // every blob (one file per capture) made case info slower the bigger the case, in system time above all.
        try (Statement s = db.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT item_blobs, captured_bytes, blob_bytes FROM case_counts")) {
            rs.next();
            long diskSize = rs.getLong(3) + CaseFolder.size(dir, blobs.root());
            return new CaseSummary(manifest, items.count(), rs.getLong(1), rs.getLong(2), diskSize,
                    custody.count(), count("SELECT count(*) FROM tags"), count("SELECT count(*) FROM notes"),
                    custody.last());
        } catch (SQLException e) {
            throw TracelabException.io("reading case " + dir, e);
        } catch (IOException e) {
            throw TracelabException.io("measuring case folder " + dir, e);
        }
    }

    /** Checks everything the case holds against its custody log (see {@link Verifier}); the full run. */
    public VerifyReport verify(VerifyListener listener) {
        return verify(false, listener);
    }

    /**
     * Checks everything the case holds against its custody log (see {@link Verifier}); a writer commits its open
     * group first.
     *
     * @param quick skip re-reading WARC files and SQLite's index check, for huge cases; the report says so
     */
    public synchronized VerifyReport verify(boolean quick, VerifyListener listener) {
        try {
            flushIfWritable();
            return new Verifier(db.connection(), dir, blobs, custody, quick, db.copiedAtVersion(), listener).run();
        } catch (SQLException e) {
            throw TracelabException.io("reading case " + dir + " to verify it", e);
        } catch (IOException e) {
            throw TracelabException.io("reading evidence of case " + dir, e);
        }
    }

    private long count(String sql) throws SQLException {
        try (Statement s = db.connection().createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void requireWritable(String what) {
        if (lock == null) {
            throw new IllegalStateException(what + " needs the case open for writing");
        }
    }

    /** The tags the case holds, sorted. */
    public List<String> tagNames() {
        return tags.names();
    }

    /** The values the index holds for a query's keyword field ({@code lang}, {@code host}, {@code kind}…). */
    public List<String> keywordValues(String name) {
        return index.keywordValues(name);
    }

    /** Stops this case's searches when {@code c} says so: the shell's Ctrl-C. */
    public void cancelWhen(Cancellation c) {
        index.cancelWhen(c);
    }

    /**
     * One more holder of this open case (a shell keeping it between commands, and the command it lends it to), so
     * that each can close it when done and the case closes with the last: {@link #close()} is counted.
     */
    public synchronized Case retain() {
        if (holders == 0) {
            throw new IllegalStateException("case " + dir + " is closed");
        }
        holders++;
        return this;
    }

    /**
     * Lets go of this open case; the last holder records the chain head, closes the index, the database and
     * releases the lock.
     */
    @Override
    public synchronized void close() {
        if (holders == 0 || --holders > 0) {
            return;
        }
        index.close();
        try {
            if (lock != null) {
                try {
                    groups.endRun();
                } catch (SQLException | IOException e) {
                    throw TracelabException.io("committing the last captures to " + dir, e);
                }
                custody.writeHead();
            }
        } catch (IOException e) {
            throw TracelabException.io("recording custody head of " + dir, e);
        } finally {
            try {
                db.close();
            } finally {
                if (lock != null) {
                    lock.close();
                }
            }
        }
    }
}
