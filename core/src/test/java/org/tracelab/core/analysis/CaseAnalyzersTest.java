package org.tracelab.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One query finds Uzbek in either script, Russian and English word forms. All ads are fictitious. */
class CaseAnalyzersTest {
    static final String[][] ADS = {
            {"uz-latn", "Chet elda ish bor. Oʻqituvchi kerak, toʻlov har oy."},
            {"uz-cyrl", "Хорижда иш бор. Ўқитувчи керак, тўлов ҳар ой."},
            {"uz-latn-ascii", "Yangi ishchilar kerak, to'lov kunlik, yotoqxona bepul"},
            {"ru", "Предлагаем работу за границей, оплата высокая"},
            {"ru-2", "Нет работы? Звоните, поможем с визой"},
            {"en", "We work with agencies abroad, free housing"},
            {"phone", "Call now"},
    };

    static ByteBuffersDirectory directory = new ByteBuffersDirectory();
    static Analyzer analyzer = CaseAnalyzers.create();
    static DirectoryReader reader;
    static IndexSearcher searcher;

    @BeforeAll
    static void index() throws IOException {
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (String[] ad : ADS) {
                Document doc = new Document();
                doc.add(new StringField("id", ad[0], Field.Store.YES));
                for (String field : CaseAnalyzers.TEXT_FIELDS) {
                    doc.add(new TextField(field, ad[1], Field.Store.NO));
                }
                if (ad[0].equals("phone")) {
                    doc.add(new StringField(CaseAnalyzers.ENTITY_PREFIX + "phone", "+998900000000", Field.Store.NO));
                }
                writer.addDocument(doc);
            }
        }
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
        analyzer.close();
    }

    @Test
    void latinQueryFindsCyrillicUzbekAndTheReverse() throws Exception {
        assertEquals(Set.of("uz-latn", "uz-cyrl"), search("ish"));
        assertEquals(Set.of("uz-latn", "uz-cyrl"), search("иш"));
    }

    @Test
    void letterWithApostropheMatchesAcrossScriptsAndApostropheVariants() throws Exception {
        assertEquals(Set.of("uz-latn", "uz-cyrl"), search("oʻqituvchi"));
        assertEquals(Set.of("uz-latn", "uz-cyrl"), search("ўқитувчи"));
        assertEquals(Set.of("uz-latn", "uz-cyrl"), search("o`qituvchi"));
        Set<String> payment = Set.of("uz-latn", "uz-cyrl", "uz-latn-ascii");
        assertEquals(payment, search("to'lov"));
        assertEquals(payment, search("to‘lov"));
        assertEquals(payment, search("toʼlov"));
        assertEquals(payment, search("тўлов"));
    }

    @Test
    void russianQueryFindsOtherFormsOfTheWord() throws Exception {
        assertEquals(Set.of("ru", "ru-2"), search("работа"));
    }

    @Test
    void englishQueryFindsTheStem() throws Exception {
        assertEquals(Set.of("en"), search("working"));
    }

    @Test
    void caseDoesNotMatter() throws Exception {
        assertEquals(Set.of("uz-latn", "uz-cyrl"), search("ISH"));
        assertEquals(Set.of("uz-latn", "uz-cyrl"), search("ИШ"));
    }

    @Test
    void entityFieldsMatchOnlyTheExactValue() throws Exception {
        assertEquals(Set.of("phone"), ids(new TermQuery(new Term(CaseAnalyzers.ENTITY_PREFIX + "phone",
                "+998900000000"))));
        QueryParser parser = new QueryParser(CaseAnalyzers.ENTITY_PREFIX + "phone", analyzer);
        assertEquals(Set.of(), ids(parser.parse("\"998900000000\"")));
    }

    @Test
    void cyrillicTransliteratesWithWordInitialYe() throws IOException {
        assertEquals(List.of("yer", "ishchilar", "sh", "o'zbekiston", "yangi", "yo'l", "ma'lumot"),
                terms(CaseAnalyzers.TEXT, "Ер ишчилар ш Ўзбекистон янги йўл маълумот"));
        assertEquals(List.of("mehnat", "yerkin", "shahar"), terms(CaseAnalyzers.TEXT, "меҳнат Еркин шаҳар"));
    }

    @Test
    void russianFieldFoldsYoBeforeStemmingSoBothSpellingsMeet() throws IOException {
        List<String> withYo = terms(CaseAnalyzers.TEXT_RU, "жильё Жильём");
        assertEquals(terms(CaseAnalyzers.TEXT_RU, "жилье Жильем"), withYo);
        assertEquals(terms(CaseAnalyzers.TEXT_RU, "жилья жилья"), withYo);
    }

    private static Set<String> search(String text) throws ParseException, IOException {
        MultiFieldQueryParser parser = new MultiFieldQueryParser(
                CaseAnalyzers.TEXT_FIELDS.toArray(String[]::new), analyzer);
        return ids(parser.parse(text));
    }

    private static Set<String> ids(Query query) throws IOException {
        Set<String> ids = new TreeSet<>();
        for (ScoreDoc hit : searcher.search(query, 100).scoreDocs) {
            ids.add(searcher.storedFields().document(hit.doc).get("id"));
        }
        return ids;
    }

    private static List<String> terms(String field, String text) throws IOException {
        return TokenTerms.of(analyzer.tokenStream(field, text));
    }
}
