package org.tracelab.core.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JSON documents are read as their values, each after its field's name: escapes decoded, in document order, whatever
 * the name says when the type says JSON. All records here are fictitious, except the article excerpt (third-party,
 * see the README beside it).
 */
class JsonTextTest {
    /** An ads collector's record as it stores one: JSON, named by its page's URL; written with escapes below. */
    private static final String RECORD = """
            {"body":"Работа в Польше для девушек, жильё бесплатно. Пишите в телеграм.",\
            "contact":"Tel: +998 90 000 00 17, TG @rabota_demo","price":1500,"remote":false,\
            "tags":["","  ",null],"name":"Aziza (fictitious)","title":"Работа в Польше"}""";
    private static final String BODY = "Работа в Польше для девушек, жильё бесплатно. Пишите в телеграм.";

    @TempDir
    static Path work;

    static TextExtractor extractor;

    @BeforeAll
    static void start() {
        extractor = TextExtractor.start(ExtractorSettings.DEFAULTS.withWorkerHeapMb(384), work.resolve("extract"));
    }

    @AfterAll
    static void stop() {
        extractor.close();
    }

    private static Path write(Path dir, String name, String content) throws IOException {
        return write(dir, name, content, StandardCharsets.UTF_8);
    }

    private static Path write(Path dir, String name, String content, Charset charset) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, charset);
        return file;
    }

    @Test
    void aRecordDeclaredJsonIsReadAsItsNamedValuesWhateverItsNameSays(@TempDir Path dir) throws IOException {
        Path file = write(dir, "record", escaped(RECORD));
        assertFalse(Files.readString(file).contains("Р"), "Cyrillic written as escapes, as many writers do");
        Optional<String> json = Optional.of("application/json; charset=utf-8");
        String page = "http://lab.tracelab.invalid/ads/ad000017.html";
        assertTrue(TextExtractor.likelyInProcess(page, json, Files.size(file)));
        try (Extraction x = extractor.extract(file, page, json)) {
            assertEquals("body: " + BODY + "\ncontact: Tel: +998 90 000 00 17, TG @rabota_demo\nprice: 1500\n"
                    + "name: Aziza (fictitious)\ntitle: Работа в Польше", x.text());
            assertEquals(Optional.of(BODY + "\nTel: +998 90 000 00 17, TG @rabota_demo\n1500\nAziza (fictitious)\n"
                    + "Работа в Польше"), x.mainText(), "the values without their names");
            assertEquals("application/json; charset=UTF-8", x.contentType());
            assertEquals(Optional.of("Работа в Польше"), x.title(), "title before name, wherever they stand");
            assertEquals("ru", x.language(), "told from the values: the names are English");
            assertEquals(Optional.of(JsonText.CHARSET_NOTE), x.charset());
            assertTrue(x.complete() && x.problems().isEmpty(), () -> x.problems().toString());
            for (String word : new String[] {"remote", "tags", "false", "null", "{", "\"", "\\u"}) {
                assertFalse(x.text().contains(word), word);
            }
        }
    }

    @Test
    void aValueInAListTakesTheListsNameAndAHandleKeepsItsLabel(@TempDir Path dir) throws IOException {
        Path file = write(dir, "contacts.json", "{\"contacts\":{\"telegram\":\"ish_demo_78\",\"phones\":"
                + "[\"+998 90 000 00 01\",[\"+998 90 000 00 02\"]],\"\":\"no name\"}}");
        try (Extraction x = extractor.extract(file, "contacts.json")) {
            assertEquals("telegram: ish_demo_78\nphones: +998 90 000 00 01\nphones: +998 90 000 00 02\nno name",
                    x.text());
            assertEquals(Optional.empty(), x.title());
        }
    }

    @Test
    void namedJsonWithoutATypeIsJsonToo() {
        for (String name : new String[] {"a.json", "export/result.JSON", "x.jsonl", "x.ndjson", "p.geojson",
                "t.har", "https://api.example.invalid/v1/ads.json?page=2"}) {
            assertTrue(JsonText.declared(name, Optional.empty()), name);
        }
        for (String type : new String[] {"application/json", "Application/JSON; charset=utf-8", "text/json",
                "application/ld+json", "application/activity+json", "application/x-ndjson"}) {
            assertTrue(JsonText.declared("page.html", Optional.of(type)), type);
        }
        assertFalse(JsonText.declared("page.html", Optional.of("text/html")));
        assertFalse(JsonText.declared("notes.txt", Optional.empty()));
        assertFalse(JsonText.declared("jsonish", Optional.of("application/jsonp")));
    }

    @Test
    void jsonLinesTakeTheTitleOfTheFirstRecordOnly(@TempDir Path dir) throws IOException {
        Path file = write(dir, "ads.jsonl", "{\"title\":\"Ofitsiantka kerak\",\"phone\":\"+998 90 000 00 01\"}\n"
                + "{\"title\":\"Hotel maids, Poland\",\"n\":2.5e3}\n\"a string at the root\"\n"
                + "[1,[2,{\"title\":\"x\"}]]\n");
        try (Extraction x = extractor.extract(file, "ads.jsonl")) {
            assertEquals("title: Ofitsiantka kerak\nphone: +998 90 000 00 01\ntitle: Hotel maids, Poland\nn: 2.5e3\n"
                    + "a string at the root\n1\n2\ntitle: x", x.text());
            assertEquals(Optional.of("Ofitsiantka kerak"), x.title());
        }
    }

    @Test
    void aTitleIsATopLevelStringOnly(@TempDir Path dir) throws IOException {
        Path file = write(dir, "t.json", "{\"item\":{\"title\":\"nested\"},\"title\":[\"in a list\"],"
                + "\"headline\":7,\"name\":\"  the name  \"}");
        try (Extraction x = extractor.extract(file, "t.json")) {
            assertEquals(Optional.of("the name"), x.title());
            assertEquals("title: nested\ntitle: in a list\nheadline: 7\nname: the name", x.text());
        }
    }

    @Test
    void aByteOrderMarkAndAnAntiScriptGuardAreSkipped(@TempDir Path dir) throws IOException {
        for (String guard : JsonText.GUARDS) {
            Path file = write(dir, "g.json", "\uFEFF" + guard + "\n[\"Ish bor\",\"@ish_demo\"]");
            try (Extraction x = extractor.extract(file, "g.json")) {
                assertEquals("Ish bor\n@ish_demo", x.text(), guard);
                assertTrue(x.problems().isEmpty(), guard);
            }
        }
    }

    @Test
    void htmlServedAsJsonIsReadAsHtml(@TempDir Path dir) throws IOException {
        Path file = write(dir, "error", "<!doctype html><html><head><title>502 Bad Gateway</title></head>"
                + "<body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>");
        try (Extraction x = extractor.extract(file, "https://api.example.invalid/ads.html",
                Optional.of("application/json"))) {
            assertTrue(x.contentType().startsWith("text/html"), x.contentType());
            assertEquals(Optional.of("502 Bad Gateway"), x.title());
            assertTrue(x.text().contains("nginx"), x.text());
        }
    }

    @Test
    void jsonThatBreaksOffKeepsTheValuesBeforeTheBreakAndSaysWhere(@TempDir Path dir) throws IOException {
        Path file = write(dir, "cut.json", "{\"title\":\"Ish: Dubay\",\n\"body\":\"Oylik yuqori\",\n\"contact\":\"+99");
        try (Extraction x = extractor.extract(file, "cut.json")) {
            assertEquals("title: Ish: Dubay\nbody: Oylik yuqori", x.text());
            assertEquals(1, x.problems().size(), () -> x.problems().toString());
            ExtractionError note = x.problems().get(0);
            assertEquals(ExtractionError.Kind.PARSE_FAILED, note.kind());
            assertTrue(note.message().startsWith("JSON read up to line 3, column "), note.message());
            assertTrue(x.error().isEmpty(), "a note, not a failure: the text before the break is the document's");
        }
    }

    @Test
    void jsonNestedPastJacksonsLimitIsReadInBoundedWork(@TempDir Path dir) throws IOException {
        Path file = write(dir, "deep.json", "[\"before\"," + "[".repeat(200_000) + "\"deep\"" + "]".repeat(200_000)
                + "]");
        try (Extraction x = extractor.extract(file, "deep.json")) {
            assertEquals("before", x.text());
            assertEquals(ExtractionError.Kind.PARSE_FAILED, x.problems().get(0).kind());
        }
    }

    @Test
    void notUtf8IsLeftToTheReadersThatKnowOtherCharsets(@TempDir Path dir) throws IOException {
        Path file = write(dir, "cp1251.json", "{\"title\":\"Работа в Польше\"}", Charset.forName("windows-1251"));
        assertEquals(Optional.empty(), JsonText.read(file, 1000));
        Path text = write(dir, "plain.json", "Работа в Польше, not JSON at all");
        assertEquals(Optional.empty(), JsonText.read(text, 1000));
    }

    @Test
    void aLongDocumentIsCutAtTheWriteLimitAndSaysSo(@TempDir Path dir) throws IOException {
        StringBuilder big = new StringBuilder("[");
        for (int i = 0; i < 50_000; i++) {
            big.append(i == 0 ? "" : ",").append("\"value number ").append(i).append('"');
        }
        Path file = write(dir, "big.json", big.append(']').toString());
        Extraction x = JsonText.read(file, 10_000).orElseThrow();
        assertEquals(10_000, x.text().length());
        assertTrue(x.truncated());
        assertTrue(x.text().startsWith("value number 0\nvalue number 1\n"), "a list at the root has no name");
        assertEquals(Optional.empty(), x.mainText(), "no name was written: the text is all the document's");
    }

    /**
     * Third-party text (Scrapinghub's article extraction benchmark): each article's body is in the text whole after
     * its field's name, as written and as another writer escapes it (every character outside ASCII as
     * {@code \\uXXXX}); the names of objects (the articles' hashes) are not.
     */
    @Test
    void thirdPartyArticlesComeOutAsTheirText(@TempDir Path dir) throws IOException {
        String source;
        try (InputStream in = getClass().getResourceAsStream("json/ground-truth-excerpt.json")) {
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JsonNode tree = new ObjectMapper().readTree(source);
        String escaped = escaped(source);
        assertTrue(escaped.contains("\\u2019") && !escaped.contains("’"), "the escaped copy has no literal quote");
        for (String doc : new String[] {source, escaped}) {
            try (Extraction x = extractor.extract(write(dir, "ground-truth.json", doc), "ground-truth.json")) {
                assertTrue(x.complete(), () -> x.problems().toString());
                assertEquals("en", x.language());
                for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    assertTrue(x.text().contains(
                            "articleBody: " + entry.getValue().get("articleBody").asText().strip() + "\n"));
                    assertTrue(x.text().contains("url: " + entry.getValue().get("url").asText()));
                    assertFalse(x.text().contains(entry.getKey()), "an object's name is not text");
                }
            }
        }
    }

    /** The same JSON with every character outside ASCII written as an escape, by Jackson's writer. */
    private static String escaped(String json) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        return mapper.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII).withDefaultPrettyPrinter()
                .writeValueAsString(mapper.readTree(json));
    }
}
