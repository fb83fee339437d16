package org.tracelab.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
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
 * Phrases of common words (stop words, which the index also holds as pairs with their neighbours): exact phrases
 * find the ads that hold the words in that order and no others, sloppy phrases still count positions word by word,
 * and passages mark the phrase. The counts of a search: exact up to a threshold, all of them when asked. All ads
 * are fictitious.
 */
class CommonWordPhrasesTest {
    static final List<String> ADS = List.of(
            "The job is in the city of Dubai, not in the desert.",
            "A job in the city. Dubai is not far from the sea.",
            "Dubai of the city, in job the.",
            "Опыт работы не нужен, жильё за счёт компании.",
            "Нужен опыт, а не работа за границей.",
            "Tajriba shart emas, ish bor.",
            "Ish bor, tajriba emas shart.");
    /**
     * Ads beyond those above, all holding one word: more than a search counts one by one on each of its threads
     * (each slice of the index counts its own matches up to the threshold).
     */
    static final int FILLERS = CaseSearcher.COUNTED_EXACTLY * (PerCoreSearcher.THREADS + 1);

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
            for (int i = 0; i < FILLERS; i++) {
                index.put(item(++id, "Mebel sotiladi, yetkazib berish bepul. E'lon " + id + "."));
            }
            index.commit(id);
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

    private static SearchResults search(String text, boolean exactCount) {
        var query = new CaseQueryParser(analyzer, entities).parse(text);
        return searcher.search(text, query, query, 10, exactCount);
    }

    private static Set<Long> ids(String text) {
        return search(text, false).hits().stream().map(SearchHit::id)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void exactPhrasesOfStopWordsFindTheWordsInThatOrderOnly() {
        assertEquals(Set.of(1L, 2L), ids("\"in the city\""));
        assertEquals(Set.of(1L), ids("\"the city of dubai\""));
        assertEquals(Set.of(1L), ids("\"not in the\""));
        assertEquals(Set.of(), ids("\"of the in\""));
        assertEquals(Set.of(4L), ids("\"не нужен\""));
        assertEquals(Set.of(5L), ids("\"а не\""));
        assertEquals(Set.of(1L), ids("\"is in\""));
    }

    @Test
    void exactPhrasesOfCommonUzbekWordsKeepTheirOrderInEitherScript() {
        assertEquals(Set.of(6L), ids("\"tajriba shart emas\""));
        assertEquals(Set.of(6L), ids("\"тажриба шарт эмас\""));
        assertEquals(Set.of(7L), ids("\"emas shart\""));
    }

    @Test
    void aPhraseOfOneWordIsThatWord() {
        assertEquals(Set.of(1L, 2L, 3L), ids("\"the\""));
    }

    @Test
    void exactPhrasesUseTheCommonGramsAndSloppyOnesTheWords() {
        CaseQueryParser parser = new CaseQueryParser(analyzer, entities);
        String exact = parser.parse("\"in the city\"").toString();
        assertTrue(exact.contains("in_the") && exact.contains("the_city"), exact);
        String sloppy = parser.parse("\"in the city\"~2").toString();
        assertTrue(sloppy.contains("\"in the city\"~2") && !sloppy.contains("in_the"), sloppy);
        assertFalse(parser.parse("the AND city").toString().contains("the_city"));
    }

    @Test
    void sloppyPhrasesOverCommonWordsCountWordPositionsAsBefore() {
        assertEquals(Set.of(1L, 2L), ids("\"city dubai\"~2"));
        assertEquals(Set.of(1L, 2L, 3L), ids("\"the city\"~2"));
        assertEquals(Set.of(4L, 5L), ids("\"опыт нужен\"~3"));
    }

    @Test
    void passagesMarkAnExactPhraseOfCommonWords() {
        SearchResults r = search("\"in the city\"", false);
        String passages = r.hits().stream().filter(h -> h.id() == 1L).findFirst().orElseThrow().passages().toString();
        assertTrue(passages.contains("«in the city»"), passages);
        String ru = search("\"не нужен\"", false).hits().get(0).passages().toString();
        assertTrue(ru.contains("«не нужен»"), ru);
    }

    @Test
    void matchesAreCountedExactlyUpToTheThresholdAndAllWhenAsked() {
        SearchResults few = search("\"in the city\"", false);
        assertEquals(2, few.total());
        assertTrue(few.totalExact());
        SearchResults many = search("bepul", false);
        assertFalse(many.totalExact());
        assertEquals(CaseSearcher.COUNTED_EXACTLY, many.total());
        assertEquals(10, many.hits().size());
        SearchResults all = search("bepul", true);
        assertTrue(all.totalExact());
        assertEquals(FILLERS, all.total());
    }
}
