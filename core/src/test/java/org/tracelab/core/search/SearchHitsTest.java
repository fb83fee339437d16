package org.tracelab.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.collect.BlobId;
import org.tracelab.core.index.CaseIndex;
import org.tracelab.core.index.IndexFields;
import org.tracelab.core.index.IndexedItem;
import org.tracelab.core.ingest.CaseEntities;
import org.tracelab.core.ingest.DerivedText;
import org.tracelab.core.ingest.TextPieces;
import org.tracelab.core.items.Item;
import org.tracelab.core.store.BlobStore;

/**
 * What a hit shows: one hit per capture (a page and the ad record read out of it), passages from a page's main
 * text, and passages of bounded length however long the sentence. All pages and ads are fictitious.
 */
class SearchHitsTest {
    static final String MENU = "Bosh sahifa | Vakansiya qo'shish | Vakansiya izlash | Biz haqimizda | Aloqa";
    static final String AD = "Oshpaz kerak: restoranga tajribali oshpaz, vakansiya doimiy, maosh har oy.";

    @TempDir
    static Path caseDir;
    static BlobStore blobs;
    static CaseSearcher searcher;
    static final Analyzer analyzer = IndexFields.analyzer();

    @BeforeAll
    static void index() throws IOException {
        blobs = new BlobStore(caseDir.resolve("blobs"));
        blobs.create();
        try (CaseIndex index = CaseIndex.open(caseDir)) {
            // Item 1 is a page, item 2 the ad record read out of it; item 3 another site's page.
            index.put(page(1, "response", null, MENU + "\n" + AD + "\nsupport@site.example", AD));
            index.put(page(2, "ad", 1L, AD, null));
            index.put(page(3, "response", null, "Ofitsiant kerak, oshpaz ham kerak.", null));
            String words = "ish joyi bor ".repeat(150);
            index.put(page(4, "file", null, words + "yagona belgilovchi " + words, null));
            // Item 5 is a page like item 1, its main text recorded as where its pieces lie in the text, not as a blob.
            index.put(ranged(page(5, "response", null, MENU + "\n" + AD + "\nyordam@site5.example", AD)));
            index.commit(5);
        }
        searcher = CaseSearcher.open(caseDir, blobs);
    }

    @AfterAll
    static void close() {
        searcher.close();
    }

    private static IndexedItem page(long id, String kind, Long parent, String text, String main) throws IOException {
        Instant at = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(id);
        BlobId blob = blob(text);
        Item item = new Item(id, kind, "https://site.example/ad/" + id, at, "test", blob, text.length(), "text/html",
                parent, false, null);
        DerivedText derived = new DerivedText(id, blob, text.length(), "text/html", "uz-Latn", Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), "test", Optional.empty(), Optional.empty(), 0,
                at);
        Optional<IndexedItem.Main> m = Optional.empty();
        if (main != null) {
            m = Optional.of(new IndexedItem.Main(derived.withBlob(blob(main), main.length()), main));
        }
        return new IndexedItem(item, derived, text, List.of(), m);
    }

    private static IndexedItem ranged(IndexedItem it) {
        IndexedItem.Main m = it.main().orElseThrow();
        TextPieces where = TextPieces.find(m.text(), it.text()).orElseThrow();
        return new IndexedItem(it.item(), it.derived(), it.text(), it.entities(), Optional.of(new IndexedItem.Main(
                it.derived().withPieces(m.derived().blob(), m.derived().size(), where), m.text())));
    }

    private static BlobId blob(String text) throws IOException {
        return blobs.put(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))).id();
    }

    private static SearchResults search(String text) {
        Query query = new CaseQueryParser(analyzer, new CaseEntities("UZ")).parse(text);
        return searcher.search(text, query, query, 10, false);
    }

    @Test
    void aPageAndTheAdReadOutOfItAreOneHit() {
        SearchResults r = search("oshpaz");
        assertEquals(3, r.hits().size(), r::toString); // 1 and 2 as one, 3, and 5 (a page like 1)
        SearchHit grouped = r.hits().stream().filter(h -> h.id() == 1 || h.id() == 2).findFirst().orElseThrow();
        assertEquals(List.of(grouped.id() == 1 ? 2L : 1L), grouped.alsoMatched(), r::toString);
        assertTrue(r.hits().stream().anyMatch(h -> h.id() == 3 && h.alsoMatched().isEmpty()), r::toString);
    }

    @Test
    void aMainTextRecordedAsPiecesOfTheTextGivesTheSamePassagesAsOneStoredAsABlob() {
        SearchResults r = search("vakansiya");
        SearchHit blob = r.hits().stream().filter(h -> h.id() == 1 || h.id() == 2).findFirst().orElseThrow();
        SearchHit range = r.hits().stream().filter(h -> h.id() == 5).findFirst().orElseThrow();
        assertEquals(blob.passages(), range.passages());
        assertFalse(range.passages().toString().contains("Bosh sahifa"), range.passages()::toString);
    }

    @Test
    void passagesComeFromTheMainTextWhenTheMatchIsThere() {
        SearchResults r = search("vakansiya");
        SearchHit page = r.hits().stream().filter(h -> h.id() == 1 || h.id() == 2).findFirst().orElseThrow();
        String passages = page.passages().toString();
        assertTrue(passages.contains("«vakansiya»"), passages);
        assertFalse(passages.contains("Bosh sahifa"), passages);
    }

    @Test
    void aMatchOnlyInTheFurnitureIsStillFoundAndShown() {
        SearchResults r = search("support@site.example");
        assertEquals(List.of(1L), r.hits().stream().map(SearchHit::id).toList(), r::toString);
        assertTrue(r.hits().get(0).passages().toString().contains("support"), r::toString);
    }

    @Test
    void passagesOfAHitStayWithinThreeHundredCharactersAroundTheMatch() {
        SearchResults r = search("belgilovchi");
        SearchHit hit = r.hits().get(0);
        String shown = String.join("", hit.passages()).replace(SearchHit.MARK_START, "")
                .replace(SearchHit.MARK_END, "");
        assertTrue(shown.length() <= 300, shown.length() + ": " + shown);
        assertTrue(String.join("", hit.passages()).contains("«belgilovchi»"), hit.passages()::toString);
    }
}
