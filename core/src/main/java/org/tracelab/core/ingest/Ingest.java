package org.tracelab.core.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.tika.Tika;
import org.tracelab.core.CaseFolder;
import org.tracelab.core.Hashing;
import org.tracelab.core.Json;
import org.tracelab.core.collect.BlobId;
import org.tracelab.core.collect.NewItem;
import org.tracelab.core.collect.Progress;
import org.tracelab.core.collect.StoredBlob;
import org.tracelab.core.collect.StoredItem;
import org.tracelab.core.extract.EmbeddedMember;
import org.tracelab.core.extract.Extraction;
import org.tracelab.core.extract.ExtractionError;
import org.tracelab.core.extract.ExtractorSettings;
import org.tracelab.core.extract.OcrPlan;
import org.tracelab.core.extract.OcrReading;
import org.tracelab.core.extract.TextExtractor;
import org.tracelab.core.imagehash.ImageDecoder;
import org.tracelab.core.imagehash.ImageHashStore;
import org.tracelab.core.imagehash.PictureHash;
import org.tracelab.core.imagehash.PictureHasher;
import org.tracelab.core.index.AnalysedText;
import org.tracelab.core.index.CaseIndex;
import org.tracelab.core.index.IndexedItem;
import org.tracelab.core.items.Item;
import org.tracelab.core.items.ItemStore;
import org.tracelab.core.store.BlobStore;

/**
 * Turns items into searchable evidence: extracts each item's text and metadata (archive members become items of
 * their own), stores the text as a blob, finds its entities, logs it all, and keeps the case index in step.
 *
 * <p>One run uses up to {@link TextExtractor#WORKERS} extraction worker processes. Extraction, staging the text in the
 * store, entity finding and the analysis of the text for the index, which need nothing from the database, run ahead
 * on {@link #PREPARERS} threads (documents the workers extract on a lane of their own, a thread a worker, so a slow
 * one holds up neither preparer) while this one stores and logs the documents and an {@link IndexingLane} adds them
 * to the index, so both cores work; results are taken in item order, so texts, entities, custody entries and index
 * documents come in the same order as on one thread. Everything that touches the database happens on the calling
 * thread, which holds the case. A collection readies its ingest before it captures ({@link #ahead()}), so that its
 * captures are prepared as they come in.
 */
public final class Ingest {
    /** The kind of an item that was found inside another one. */
    public static final String MEMBER_KIND = "member";
    /** The collector id members are recorded under. */
    public static final String COLLECTOR = "extract";
    /** How main texts are made, as the custody log records it. */
    static final String MAIN_TEXT_METHOD = "Readability-style scoring (org.tracelab.core.extract.MainText)";
    /** Containers inside containers are unpacked this deep; deeper members stay inside their parent's text. */
    static final int MAX_DEPTH = 4;
    /**
     * Documents prepared ahead of the one being stored whatever their size: a text may run to the write limit, 10
     * million chars, so memory, not speed, sets this.
     */
    static final int LOOKAHEAD = 4;
    /**
     * Beyond {@link #LOOKAHEAD}, documents are prepared ahead while their weight stays under this: a page's or
     * plain text's is its size (its text has no more chars than its bytes), a document for the worker's a quarter of
     * this (its text's size is unknown before). About two thousand ads: the preparers stay busy through the seconds
     * the worker takes to start and read the first documents it gets (a picture's OCR among them), and through the
     * case thread's waits for a group's commit. A prepared page holds its text, main text, entities and analysis
     * (three fields' terms and four ints a token, so tens of bytes a char at most): tens of megabytes here, within
     * the launcher's heap bound (docs/BENCHMARKS.md, ingest's threads, session 13, has the resident sizes).
     */
    static final long AHEAD_BYTES = 8L << 20;
    /** Documents ahead at most, however small. */
    static final int MAX_AHEAD = 2048;
    /** What a document for the worker weighs in {@link #AHEAD_BYTES} before it is extracted. */
    static final long WORKER_WEIGHT = AHEAD_BYTES / LOOKAHEAD;
    /**
     * Threads extracting texts and finding entities: two, so that on a two-core machine preparing keeps pace with
     * this thread's storing and indexing (preparing costs about as much as they do); documents that go to the Tika
     * workers go on the workers' lane, one at a time in each worker process.
     */
    static final int PREPARERS = 2;

    private final Path caseDir;
    private final BlobStore blobs;
    private final ItemStore items;
    private final DerivedStore store;
    private final ImageHashStore pictures;
    private final PictureHasher hasher = new PictureHasher(new ImageDecoder());
    private final IngestSink sink;
    private final EntityFinder entities;
    private final ExtractorSettings settings;
    private final Clock clock;
    private final String extractorName = Tika.getString();
    private final ContainerTexts containers;

    public Ingest(Path caseDir, BlobStore blobs, ItemStore items, DerivedStore store, ImageHashStore pictures,
                  IngestSink sink, EntityFinder entities, ExtractorSettings settings, Clock clock) {
        this.caseDir = Objects.requireNonNull(caseDir, "caseDir");
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.items = Objects.requireNonNull(items, "items");
        this.store = Objects.requireNonNull(store, "store");
        this.pictures = Objects.requireNonNull(pictures, "pictures");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.entities = Objects.requireNonNull(entities, "entities");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.containers = new ContainerTexts(items, store, blobs);
    }

    /**
     * Ingests what needs it and brings the index in step.
     *
     * @param extractAll re-extract every item (logged again), not only those never extracted
     * @param rebuild    rebuild the index from the stored texts even when it looks in step
     */
    public IngestReport run(boolean extractAll, boolean rebuild, Progress progress) throws IOException, SQLException {
        try (IngestAhead ahead = ahead()) {
            return run(ahead, extractAll, rebuild, progress);
        }
    }

    /**
     * Opens the case index for this run and readies its threads, so that items can be offered for preparing
     * ({@link IngestAhead#offer}) before {@link #run(IngestAhead, boolean, boolean, Progress)}: while a collection
     * still captures. The caller closes it after the run.
     */
    public IngestAhead ahead() throws IOException {
        return new IngestAhead(this, CaseIndex.open(caseDir),
                () -> TextExtractor.start(settings, caseDir.resolve(CaseFolder.EXTRACT_WORK)));
    }

    /**
     * {@link #run(boolean, boolean, Progress)} on the index and threads of {@code ahead}, taking the documents
     * offered to it already prepared (or being prepared).
     */
    IngestReport run(IngestAhead ahead, boolean extractAll, boolean rebuild, Progress progress)
            throws IOException, SQLException {
        if (ahead.owner() != this) {
            throw new IllegalArgumentException("readied by another ingest");
        }
        CaseIndex index = ahead.index();
        boolean rebuilt = false;
        long unreadable = 0;
        if (extractAll) {
            index.markStale();
            index.clear();
            rebuilt = true;
        } else if (rebuild || !index.covers(store.count())) {
            unreadable = rebuildFromStored(index, progress);
            rebuilt = true;
        }
        Counts counts = new Counts();
        Optional<String> ocrNote = Optional.empty();
        List<Long> batch = extractAll ? store.allItems() : store.pendingItems();
        if (!batch.isEmpty()) {
            progress.total(batch.size(), "items");
            TextExtractor extractor = ahead.extractor();
            try {
                while (!batch.isEmpty()) {
                    extract(batch, ahead, counts, progress, !extractAll);
                    ahead.indexing().drain();
                    // The members just stored are named in the store once their group commits, and they
                    // are extracted by name.
                    sink.commit();
                    containers.reindexContainersOf(batch, index);
                    batch = store.pendingItems();
                }
            } finally {
                ahead.stopPreparing();
            }
            ocrNote = extractor.ocrPlan().flatMap(OcrPlan::note);
        }
        sink.commit();
        if (counts.members > 0) {
            sink.finish(Map.of("stored", counts.members));
        }
        long texts = store.count();
        index.commit(texts);
        return new IngestReport(counts.extracted, counts.failed, counts.members, counts.entities, texts, rebuilt,
                unreadable, counts.ocrRead, ocrNote);
    }

    /**
     * @param reuseHashes take a picture's hash from another item with the same bytes when one has it (not when
     *                    re-extracting everything, which is when hashes are made again)
     */
    private void extract(List<Long> ids, IngestAhead ahead, Counts counts, Progress progress, boolean reuseHashes)
            throws IOException, SQLException {
        ArrayDeque<Pending> window = new ArrayDeque<>();
        long weight = 0;
        for (long id : ids) {
            Optional<Pending> early = ahead.take(id);
            Pending p = early.isPresent() ? early.get() : submit(
                    items.get(id).orElseThrow(() -> new IllegalStateException("item " + id + " vanished")),
                    ahead, reuseHashes);
            window.add(p);
            weight += p.weight();
            // What is ready is stored at once; the case thread waits for a document only when the window is full.
            // While documents prepared ahead are still to be taken, it fills the window first: they are ready,
            // and storing each as it is taken would leave the preparers nothing to do until the last is stored.
            boolean filling = ahead.holdsOffers();
            while (!window.isEmpty() && (!filling && window.peek().prepared().isDone() || window.size() > LOOKAHEAD
                    && (window.size() > MAX_AHEAD || weight > AHEAD_BYTES))) {
                weight -= window.peek().weight();
                store(window.poll(), ahead, counts);
                progress.advance(1);
            }
        }
        while (!window.isEmpty()) {
            store(window.poll(), ahead, counts);
            progress.advance(1);
        }
    }

    /**
     * Starts preparing {@code item}: on the worker's lane when the worker likely extracts it, else on the
     * preparers'. Reads the case (a picture's hash from another item with the same bytes): the caller holds it.
     */
    Pending submit(Item item, IngestAhead ahead, boolean reuseHashes) throws SQLException {
        Path file = blobs.path(item.blob());
        String name = nameOf(item.source());
        Optional<String> declared = item.contentTypeIfKnown();
        Optional<PictureHash> sameBytes = reuseHashes && PictureHasher.isPicture(declared.orElse(null))
                ? pictures.forBlob(item.blob().sha256()) : Optional.empty();
        boolean here = TextExtractor.likelyInProcess(name, declared, item.size());
        TextExtractor extractor = ahead.extractor();
        CaseIndex index = ahead.index();
        return new Pending(item, here ? Math.max(1, item.size()) : WORKER_WEIGHT, here,
                (here ? ahead.preparers() : ahead.worker()).submit(() -> prepare(extractor, index, item.id(),
                        file, name, item.source(), declared, sameBytes)));
    }

    /** The item {@code id} as the case holds it, if it does. */
    Optional<Item> item(long id) throws SQLException {
        return items.get(id);
    }

    /**
     * What a preparer does: the item's extraction, its text staged in the store (named and synced with the group
     * its record commits in, not on its own), the entities of the text and its analysis for the index (added to the
     * index in item order by the case thread); none of it touches the database.
     */
    private Prepared prepare(TextExtractor extractor, CaseIndex index, long id, Path file, String name, String source,
                             Optional<String> declaredType, Optional<PictureHash> sameBytes) throws IOException {
        Extraction x = extractor.extract(file, name, declaredType);
        try {
            StoredBlob textBlob = stage(x.text());
            // A main text that is the whole text is not a second text: the page is recorded with its one text, which
            // every reader of the main text falls back to (show, search, scan, links, dupes). One made of pieces of
            // it (most pages: the page less its furniture) is recorded as where they lie there, without a blob.
            Optional<MainStored> main = x.mainText().isPresent() && !x.mainText().get().equals(x.text())
                    ? Optional.of(placeOrStage(x.mainText().get(), x.text())) : Optional.empty();
            List<EntityMention> found = entities.find(new ItemContent(x.text(), source, x.contentType(), file,
                    x.links(), x.ocr().map(OcrReading::spans).orElse(List.of())));
            // A picture is decoded here, within the decoder's limits, beside its extraction: a hostile one ends in
            // a recorded refusal, never in the run's end.
            Optional<PictureHash> picture = Optional.empty();
            if (PictureHasher.isPicture(x.contentType())) {
                picture = Optional.of(sameBytes.isPresent() ? sameBytes.get().forItem(id, clock.instant())
                        : hasher.hash(id, file, clock.instant()));
            }
            return new Prepared(x, textBlob, main, found, picture, index.analyse(x.text()));
        } catch (IOException | RuntimeException e) {
            x.close(); // its members' spools, since nobody else will
            throw e;
        }
    }

    /** A main text as the case records it: where its pieces lie in the full text when it is made of such, else a blob. */
    private MainStored placeOrStage(String main, String text) throws IOException {
        Optional<TextPieces> pieces = TextPieces.find(main, text);
        if (pieces.isEmpty()) {
            StoredBlob b = stage(main);
            return new MainStored(b.id(), b.size(), Optional.empty());
        }
        byte[] utf8 = main.getBytes(StandardCharsets.UTF_8);
        return new MainStored(new BlobId(HexFormat.of().formatHex(Hashing.sha256().digest(utf8))), utf8.length, pieces);
    }

    private StoredBlob stage(String text) throws IOException {
        return blobs.stage(text.getBytes(StandardCharsets.UTF_8));
    }

    private void store(Pending p, IngestAhead ahead, Counts counts) throws IOException, SQLException {
        Item item = p.item();
        IndexingLane index = ahead.indexing();
        Prepared prepared = await(ahead.threads(), p.prepared());
        try (Extraction x = prepared.extraction()) {
            String text = x.text();
            StoredBlob textBlob = prepared.textBlob();
            int stored = 0;
            int skipped = 0;
            if (!x.members().isEmpty()) {
                if (store.memberDepth(item.id()) >= MAX_DEPTH) {
                    skipped = x.members().size();
                } else if (!store.hasMembers(item.id())) {
                    for (EmbeddedMember m : x.members()) {
                        storeMember(item, m);
                        stored++;
                    }
                }
            }
            List<EntityMention> found = prepared.entities();
            List<ExtractionError> notes = new ArrayList<>(x.notes());
            if (skipped > 0) {
                notes.add(new ExtractionError(ExtractionError.Kind.DEPTH_LIMIT, skipped + " member"
                        + (skipped == 1 ? "" : "s") + " not unpacked: nested deeper than " + MAX_DEPTH + " containers"));
            }
            DerivedText d = new DerivedText(item.id(), textBlob.id(), textBlob.size(), x.contentType(), x.language(),
                    x.title(), x.author(), x.created(), x.modified(), extractorName,
                    x.error().map(e -> e.kind().name()), x.error().map(e -> e.message()), x.members().size(),
                    clock.instant(), x.charset(), notes, x.ocr().map(OcrReading::method),
                    x.ocr().flatMap(OcrReading::confidence));
            Optional<DerivedText> main = prepared.main().map(m -> m.pieces().isPresent()
                    ? d.withPieces(m.id(), m.size(), m.pieces().get()) : d.withBlob(m.id(), m.size()));
            sink.record(d, main, found, prepared.picture(),
                    logParams(item, d, main, text, found.size(), skipped, prepared.picture(), x.ocr()));
            index.put(new IndexedItem(item, d, text, found,
                    main.map(m -> new IndexedItem.Main(m, x.mainText().orElseThrow()))), prepared.analysed());
            counts.extracted++;
            counts.failed += d.failed() ? 1 : 0;
            counts.members += stored;
            counts.entities += found.size();
            counts.ocrRead += x.ocr().filter(o -> o.words() > 0).isPresent() ? 1 : 0;
        }
    }

    private void storeMember(Item parent, EmbeddedMember m) throws IOException {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("name", m.name());
        meta.put("size", m.size());
        NewItem member = NewItem.of(MEMBER_KIND, parent.source() + "!/" + m.name(), clock.instant(), COLLECTOR,
                m.contentType(), parent.id(), meta);
        try (InputStream in = m.open()) {
            StoredItem s = sink.members().store(member, in);
            Objects.requireNonNull(s, "stored member");
        }
    }

    /**
     * The parameters of the item's {@code extract} entry, built as the tree the entry holds: made from maps, each was
     * converted through the JSON mapper on the case's one writing thread, and that conversion was about a twelfth of
     * the thread's work at 100,000 ads (the values are the same, so is the canonical text).
     */
    private static ObjectNode logParams(Item item, DerivedText d, Optional<DerivedText> main, String text,
                                        int entityCount, int skipped, Optional<PictureHash> picture,
                                        Optional<OcrReading> ocr) {
        ObjectNode p = Json.MAPPER.createObjectNode();
        p.put("from", item.blob().sha256());
        p.put("sha256", d.blob().sha256());
        p.put("size", d.size());
        p.put("chars", text.length());
        p.put("contentType", d.contentType());
        p.put("language", d.language());
        p.put("extractor", d.extractor());
        d.charset().ifPresent(cs -> p.put("charset", cs));
        main.ifPresent(m -> {
            ObjectNode logged = p.putObject(DerivedText.MAIN_KIND);
            logged.put("sha256", m.blob().sha256());
            logged.put("size", m.size());
            // chars of the text above, joined by line breaks: the main text is not stored again
            m.pieces().ifPresent(pieces -> logged.put("pieces", pieces.toString()));
            logged.put("method", MAIN_TEXT_METHOD);
        });
        p.put("members", d.members());
        if (skipped > 0) {
            p.put("membersNotUnpacked", skipped);
            p.put("reason", "nested deeper than " + MAX_DEPTH + " containers");
        }
        p.put("entities", entityCount);
        ocr.ifPresent(o -> {
            ObjectNode m = p.putObject("ocr");
            m.put("method", o.method());
            m.put("words", o.words());
            o.confidence().ifPresent(c -> m.put("confidence", c));
            m.put("chars", o.spans().stream().mapToInt(s -> s.end() - s.start()).sum());
        });
        d.errorKind().ifPresent(k -> p.set("error", Json.tree(Map.of("kind", k, "message", d.error().orElse("")))));
        picture.ifPresent(h -> p.set("image", Json.tree(h.summary())));
        if (!d.notes().isEmpty()) {
            p.set("notes", Json.tree(d.notes().stream().map(ExtractionError::asMap).toList()));
        }
        return p;
    }

    /** Clears the index and fills it again from the stored texts; returns how many texts could not be read. */
    private long rebuildFromStored(CaseIndex index, Progress progress) throws IOException, SQLException {
        index.clear();
        List<Long> ids = store.derivedItems();
        progress.total(ids.size(), "texts");
        long unreadable = 0;
        for (long id : ids) {
            ContainerTexts.Read read = containers.read(id);
            unreadable += read.unreadable();
            index.put(read.item());
            progress.advance(1);
        }
        return unreadable;
    }

    private static Prepared await(IngestThreads threads, Future<Prepared> f) throws IOException {
        try {
            return threads.await(f);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while extracting");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r; // as if it had happened on this thread: a TracelabException keeps its exit code
            }
            if (e.getCause() instanceof IOException io) {
                throw io; // staging the text failed: the disk's fault, reported as such
            }
            if (e.getCause() instanceof OutOfMemoryError oom) {
                throw IngestThreads.again(oom); // a full heap: the command line's one line, with the bound to raise
            }
            throw new IOException("extraction failed: " + e.getCause(), e.getCause());
        }
    }

    /** The last name in a source (file name, URL path segment, member name) helps the extractor detect type. */
    static String nameOf(String source) {
        String s = source;
        int q = s.indexOf('?');
        if (q >= 0 && s.startsWith("http")) {
            s = s.substring(0, q);
        }
        int cut = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        String name = cut >= 0 ? s.substring(cut + 1) : s;
        return name.isEmpty() ? "document" : name;
    }

    /**
     * A document submitted for preparing, its weight in {@link #AHEAD_BYTES}, whether it went to the preparers
     * (else the worker's lane).
     */
    record Pending(Item item, long weight, boolean here, Future<Prepared> prepared) {
    }

    /** A main text's digest and UTF-8 size, and where its pieces lie in the full text when it is not a blob. */
    private record MainStored(BlobId id, long size, Optional<TextPieces> pieces) {
    }

    record Prepared(Extraction extraction, StoredBlob textBlob, Optional<MainStored> main,
                            List<EntityMention> entities, Optional<PictureHash> picture,
                            Optional<AnalysedText> analysed) {
    }

    private static final class Counts {
        long extracted;
        long failed;
        long members;
        long entities;
        long ocrRead;
    }
}
