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
import org.tracelab.core.ingest.CaseEntities;
import org.tracelab.core.store.BlobStore;

/** Words written joined to digits are found by the word; the joined form stays exact. All ads are fictitious. */
class JoinedWordSearchTest {
    static final List<String> ADS = List.of(
            "Vakansiya Dubai2024: ofitsiant kerak, viza bepul.",
            "Murojaat: ishga998901234567 yozing.",
            "Срочно работа24 на стройке, жильё есть.",
            "Dubai shahrida mehmonxona ishi.",
            "Sheet Foglio1 of the spreadsheet, signed Nicolas1.",
            "Tel 998901234567 faqat kechqurun.");

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
                index.put(AdItems.ad(blobs, ++id, ad));
            }
            index.commit(id);
        }
        searcher = CaseSearcher.open(caseDir, blobs);
    }

    @AfterAll
    static void close() {
        searcher.close();
    }

    private static SearchResults search(String text) {
        Query query = new CaseQueryParser(analyzer, entities).parse(text);
        return searcher.search(text, query, query, 10, false);
    }

    private static Set<Long> ids(String text) {
        return search(text).hits().stream().map(SearchHit::id).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void theWordFindsItWrittenJoinedToDigits() {
        assertEquals(Set.of(1L, 4L), ids("dubai"));
        assertEquals(Set.of(2L), ids("ishga"));
        assertEquals(Set.of(5L), ids("foglio"));
        assertEquals(Set.of(5L), ids("nicolas"));
    }

    @Test
    void aCyrillicWordJoinedToDigitsIsFoundInEitherScriptAndByItsOtherForms() {

        assertEquals(Set.of(3L), ids("srochno"), "control");
        assertEquals(Set.of(3L), ids("rabota"), "latin");
        assertEquals(Set.of(3L), ids("работа"));
        assertEquals(Set.of(3L), ids("работу"));
    }

    @Test
    void theJoinedFormStillFindsOnlyItself() {
        assertEquals(Set.of(1L), ids("Dubai2024"));
        assertEquals(Set.of(2L), ids("ishga998901234567"));
    }

    @Test
    void aPhraseMatchesAcrossTheJoinedWord() {
        assertEquals(Set.of(1L), ids("\"vakansiya dubai\""));
    }

    @Test
    void thePassageMarksTheJoinedToken() {
        String passages = search("dubai").hits().stream().filter(h -> h.id() == 1).findFirst().orElseThrow()
                .passages().toString();
        assertTrue(passages.contains("«Dubai2024»"), passages);
    }

    @Test
    void phoneSearchStillFindsTheNumberJoinedToAWord() {
        assertEquals(Set.of(6L), ids("998901234567"));
    }
}
