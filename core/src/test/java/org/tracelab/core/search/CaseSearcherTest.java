package org.tracelab.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.index.CaseIndex;
import org.tracelab.core.index.IndexFields;
import org.tracelab.core.index.IndexedItem;
import org.tracelab.core.ingest.CaseEntities;
import org.tracelab.core.store.BlobStore;

/**
 * Search over an index of several segments, searched on every core: phrases across Uzbek scripts and Russian and
 * English word forms, the passages marked, and counts and ranking the same as on one thread. All ads are fictitious.
 */
class CaseSearcherTest {
    static final List<String> ADS = List.of(
            "Tajriba shart emas. Chet elda ish, viza va chipta bepul.",
            "Тажриба шарт эмас. Хорижда иш, виза ва чипта бепул.",
            "Опыт не нужен. Работа за границей, жильё бесплатно.",
            "Предлагаем работу за границей, проживание бесплатное.",
            "Free housing and visa tickets provided.",
            "We offer free houses near the factory.");
    /**
     * Ads that share one word, in segments of these sizes: the first is larger than a core's share of the index, so
     * it is searched in partitions, the others in slices of their own.
     */
    static final int[] FILLER_SEGMENTS = {400, 100, 100};
    static final int FILLERS = 600;

    @TempDir
    static Path caseDir;
    static BlobStore blobs;
    static CaseSearcher searcher;
    static final Analyzer analyzer = IndexFields.analyzer();
    static final CaseEntities entities = new CaseEntities("UZ");

    @BeforeAll
    static void index() throws IOException {
        blobs = new BlobStore(caseDir.resolve("blobs"));
        blobs.create();
        long id = 0;
        try (CaseIndex index = CaseIndex.open(caseDir)) {
            for (String ad : ADS) {
                index.put(item(++id, ad));
            }
            for (int size : FILLER_SEGMENTS) {
                for (int i = 0; i < size; i++) {
                    // Every third filler says "bepul" twice, so that scores differ and the order is testable.
                    String extra = i % 3 == 0 ? " Bepul, bepul!" : "";
                    index.put(item(++id, "Mebel sotiladi, yetkazib berish bepul. E'lon " + id + "." + extra));
                }
                index.commit(id); // one segment per commit
            }
        }
        searcher = CaseSearcher.open(caseDir, blobs);
    }

    @AfterAll
    static void close() {
        searcher.close();
    }

    private static IndexedItem item(long id, String text) throws IOException {
        return AdItems.ad(blobs, id, text);
    }

    private static SearchResults search(String text, int limit) {
        Query query = new CaseQueryParser(analyzer, entities).parse(text);
        return searcher.search(text, query, query, limit, false);
    }

    private static Set<Long> ids(SearchResults results) {
        return results.hits().stream().map(SearchHit::id).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String passagesOf(SearchResults results, long id) {
        return results.hits().stream().filter(h -> h.id() == id).findFirst().orElseThrow().passages().toString();
    }

    @Test
    void latinPhraseFindsTheCyrillicUzbekAdAndMarksItsWords() {
        SearchResults r = search("\"tajriba shart emas\"", 10);
        assertEquals(Set.of(1L, 2L), ids(r));
        String cyrillic = passagesOf(r, 2);
        assertTrue(cyrillic.contains("«Тажриба") && cyrillic.contains("эмас»"), cyrillic);
        assertTrue(!cyrillic.contains("«Хорижда"), cyrillic);
    }

    @Test
    void cyrillicPhraseFindsTheLatinUzbekAd() {
        assertEquals(Set.of(1L, 2L), ids(search("\"тажриба шарт эмас\"", 10)));
    }

    @Test
    void russianPhraseFindsOtherFormsOfItsWords() {
        SearchResults r = search("\"работа за границей\"", 10);
        assertEquals(Set.of(3L, 4L), ids(r));
        assertTrue(passagesOf(r, 4).contains("«работу"), passagesOf(r, 4));
    }

    @Test
    void englishPhraseFindsOtherFormsOfItsWords() {
        SearchResults r = search("\"free housing\"", 10);
        assertEquals(Set.of(5L, 6L), ids(r));
        assertTrue(passagesOf(r, 6).contains("«free"), passagesOf(r, 6));
    }

    @Test
    void russianWordWrittenWithoutYoFindsTheAdWrittenWithIt() {
        assertEquals(Set.of(3L), ids(search("жилье", 10)));
    }

    @Test
    void bothSpellingsOfAnotherFormFindTheAdWrittenWithYo() {
        // Only text_ru meets these: the ad says "жильё", the queries another case of it, with ё and without.
        assertEquals(Set.of(3L), ids(search("жильём", 10)));
        assertEquals(Set.of(3L), ids(search("жильем", 10)));
        SearchResults r = search("жилья", 10);
        assertEquals(Set.of(3L), ids(r));
        assertTrue(passagesOf(r, 3).contains("«жильё»"), passagesOf(r, 3));
    }

    @Test
    void proximityAndBooleanQueriesStillMatchAcrossScripts() {
        assertEquals(Set.of(1L, 2L), ids(search("\"viza bepul\"~4", 10)));
        assertEquals(Set.of(1L, 2L, 5L), ids(search("visa OR виза", 10)));
        assertEquals(Set.of(3L, 4L), ids(search("бесплатно AND (жильё OR проживание)", 10)));
    }

    @Test
    void everyMatchIsCountedAndTheBestRankFirstAcrossSegments() {
        SearchResults r = search("bepul", 20);
        assertEquals(FILLERS + 2, r.total());
        assertEquals(20, r.hits().size());
        for (int i = 1; i < r.hits().size(); i++) {
            assertTrue(r.hits().get(i - 1).score() >= r.hits().get(i).score(), "ranked by score: " + r.hits());
        }
        // The fillers that say it three times outrank the rest, whichever segment or thread found them.
        for (SearchHit hit : r.hits()) {
            assertTrue(hit.passages().toString().contains("«Bepul»"), hit.toString());
        }
    }
}
