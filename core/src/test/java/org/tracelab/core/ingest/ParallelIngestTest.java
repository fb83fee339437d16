package org.tracelab.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.tracelab.core.Case;
import org.tracelab.core.CaseFolder;
import org.tracelab.core.CaseManifest;
import org.tracelab.core.collect.CaptureListener;
import org.tracelab.core.collect.CaptureSink;
import org.tracelab.core.collect.CollectionReport;
import org.tracelab.core.collect.CollectionRun;
import org.tracelab.core.collect.Collector;
import org.tracelab.core.collect.NewItem;
import org.tracelab.core.collect.Progress;
import org.tracelab.core.collect.ProgressStages;
import org.tracelab.core.testing.TestCases;
import org.tracelab.core.extract.OcrLanguages;
import org.tracelab.core.index.IndexFields;

/**
 * Ingest prepares documents (extraction, staging the text, entities) on several threads, those it guesses are the
 * worker's on a lane of their own, stores them on one and indexes them on another: the case must come out as if one
 * thread had done it all, item after item.
 */
class ParallelIngestTest {
    private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");
    private static final int ADS = 150;

    @TempDir
    Path tmp;

    @Test
    void extractEntriesFollowTheItemsInOrderAndEntitiesAreThoseOfTheStoredText() throws IOException {
        try (Case c = Case.create(tmp.resolve("case"), CaseManifest.create("Parallel ingest (fictitious)", "Cadet A",
                "test of ingest order, fictitious data", "UZ", AT), Clock.systemUTC())) {
            List<Long> ids = storeAds(c);
            c.ingest(Progress.NONE);
            assertEquals(ids, extractEntries(c), "one extract entry per item, in item order");
            assertEquals(ids, indexed(c), "one index document per item, in item order");
            List<List<EntityMention>> first = entitiesOf(c, ids);

            c.reindex(true, Progress.NONE);
            List<Long> again = extractEntries(c);
            assertEquals(ids, again.subList(ids.size(), again.size()), "re-extraction logs in item order too");
            assertEquals(first, entitiesOf(c, ids), "the same entities, in the same order, every time");
            assertEquals(ids, indexed(c), "re-extraction indexes in item order too");
        }
    }

    @Test
    void aCollectionsItemsPreparedWhileItCapturesComeOutAsIfIngestedAfterIt() throws IOException {
        try (Case ahead = Case.create(tmp.resolve("ahead"), manifest(), Clock.systemUTC());
             Case after = Case.create(tmp.resolve("after"), manifest(), Clock.systemUTC())) {
            CollectionReport r = ahead.collect(new CollectionRun(ADS_COLLECTOR, List.of("ads"), Map.of(),
                    List.of("ads"), List.of()), CaptureListener.NONE, ProgressStages.NONE,
                    ahead.ocr(OcrLanguages.OF_REGION), true);
            after.collect(new CollectionRun(ADS_COLLECTOR, List.of("ads"), Map.of(), List.of("ads"), List.of()),
                    CaptureListener.NONE, ProgressStages.NONE, after.ocr(OcrLanguages.OF_REGION), false);
            after.ingest(Progress.NONE, after.ocr(OcrLanguages.OF_REGION));
            assertEquals(ADS, r.ingested().orElseThrow().extracted());
            List<Long> ids = extractEntries(after);
            assertEquals(ADS, ids.size());
            assertEquals(ids, extractEntries(ahead), "one extract entry per item, in item order");
            assertEquals(ids, indexed(ahead), "one index document per item, in item order");
            assertEquals(entitiesOf(after, ids), entitiesOf(ahead, ids));
            for (long id : ids) {
                DerivedText a = ahead.text(id).orElseThrow();
                DerivedText b = after.text(id).orElseThrow();
                assertEquals(List.of(b.blob(), b.contentType(), b.language(), b.title(), b.charset()),
                        List.of(a.blob(), a.contentType(), a.language(), a.title(), a.charset()), "item " + id);
                assertEquals(b.errorKind(), a.errorKind(), "item " + id);
                assertEquals(after.text(id, TextScope.MAIN).orElseThrow().blob(),
                        ahead.text(id, TextScope.MAIN).orElseThrow().blob(), "main text of item " + id);
            }
        }
    }

    /** The ads of {@link #storeAds} as a collection: captured through the sink the collection hands it. */
    private static final Collector ADS_COLLECTOR = TestCases.collector("fictitious-ads", ParallelIngestTest::storeAds);

    private static CaseManifest manifest() {
        return CaseManifest.create("Parallel ingest (fictitious)", "Cadet A", "test of ingest order, fictitious data",
                "UZ", AT);
    }

    /** The items of the case's index documents, in the index's own order (which ties in search follow). */
    private static List<Long> indexed(Case c) throws IOException {
        List<Long> items = new ArrayList<>();
        try (Directory dir = FSDirectory.open(c.dir().resolve(CaseFolder.INDEX));
             DirectoryReader r = DirectoryReader.open(dir)) {
            StoredFields stored = r.storedFields();
            for (int doc = 0; doc < r.maxDoc(); doc++) {
                items.add(Long.parseLong(stored.document(doc).get(IndexFields.ID)));
            }
        }
        return items;
    }

    /**
     * Ads of varying size and kind (HTML and plain text), each with its own fictitious phone and handle; every
     * eleventh is a page named and typed as nothing ingest extracts itself, so that it is sent down the worker's
     * lane, where it is still found to be a page by its first bytes.
     */
    private static List<Long> storeAds(Case c) throws IOException {
        CaptureSink sink = c.startCapture("file", Map.of("paths", "fictitious"), null);
        List<Long> ids = storeAds(sink);
        c.finishCapture("file", Map.of("items", ADS));
        return ids;
    }

    private static List<Long> storeAds(CaptureSink sink) throws IOException {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < ADS; i++) {
            String body = "Fictitious ad " + i + ": ish bor, Dubay. " + "Oylik yuqori. ".repeat(i % 7 * 40)
                    + "Tel +998 90 " + String.format("%03d %02d %02d", i, i % 100, (i * 7) % 100)
                    + ", Telegram @fict_user_" + i + ", to'qson bir " + (i % 2 == 0 ? "ikki" : "uch") + " yuz";
            boolean workers = i % 11 == 5;
            boolean html = i % 3 != 0 || workers;
            String name = "/fictitious/ad-" + i + (workers ? ".dat" : html ? ".html" : ".txt");
            String content = html ? "<html><head><title>Ad " + i + "</title></head><body><p>" + body + "</p></body></html>"
                    : body;
            NewItem item = NewItem.of("file", name, AT.plusSeconds(i), "file",
                    workers ? "application/octet-stream" : html ? "text/html" : "text/plain", null, Map.of());
            ids.add(sink.store(item, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8))).id());
        }
        return ids;
    }

    private static List<Long> extractEntries(Case c) throws IOException {
        List<Long> items = new ArrayList<>();
        c.forEachCustodyEntry(e -> {
            if (e.action().equals("extract")) {
                items.add(e.itemId());
            }
        });
        return items;
    }

    /** Each item's stored entities, checked against what one finder gives for its stored text. */
    private static List<List<EntityMention>> entitiesOf(Case c, List<Long> ids) throws IOException {
        CaseEntities finder = new CaseEntities("UZ");
        List<List<EntityMention>> all = new ArrayList<>();
        for (long id : ids) {
            DerivedText d = c.text(id).orElseThrow();
            String text;
            try (InputStream in = c.openText(d)) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            List<EntityMention> stored = c.entitiesOf(id);
            assertEquals(finder.find(text), stored, "item " + id);
            assertFalse(stored.isEmpty(), "item " + id + " has its phone and handle");
            all.add(stored);
        }
        return all;
    }
}
