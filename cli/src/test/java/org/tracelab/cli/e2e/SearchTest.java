package org.tracelab.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Json;
import org.tracelab.core.index.IndexFormat;

/** Ingest and search through the real CLI: one case of fictitious ads, imported once, searched many ways. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchTest {
    Cli cli;
    Path caseDir;

    @BeforeAll
    void importAds(@TempDir Path tmp) throws IOException {
        caseDir = tmp.resolve("lab");
        cli = new Cli(caseDir);
        assertEquals(0, cli.init().code());
        Cli.Run collect = cli.run("collect", "file", AdFixtures.folder(tmp).toString());
        assertEquals(0, collect.code(), collect::toString);
        assertTrue(collect.err().contains("extracted text of 7 items"), collect::toString);
        assertEquals(0, cli.run("tag", Long.toString(idOf("ad-ru.txt")), "suspicious").code());
    }

    @Test
    void oneQueryFindsBothUzbekScripts() {
        Set<String> latin = sources("oʻqituvchi");
        assertEquals(Set.of("ad-uz-latn.txt", "ad-uz-cyrl.txt"), latin);
        assertEquals(latin, sources("ўқитувчи"));
        assertEquals(latin, sources("o'qituvchi"));
    }

    @Test
    void wordInEitherScriptFindsTheSameAds() {
        assertEquals(Set.of("ad-uz-latn.txt", "ad-uz-cyrl.txt"), sources("ish"));
        assertEquals(sources("ish"), sources("иш"));
    }

    @Test
    void phoneQueryFindsEveryWayTheNumberWasWritten() {
        assertEquals(Set.of("ad-uz-latn.txt", "ad-uz-cyrl.txt", "ad-ru.txt"), sources("phone:\"+998 90 123 45 67\""));
        assertEquals(sources("phone:\"90 123 45 67\""), sources("phone:\"+998 90 123 45 67\""));
        assertEquals(Set.of("ad-uz-latn.txt", "ad-uz-cyrl.txt", "ad-ru.txt"),
                sources("*", "--entity", "phone:998901234567"));
    }

    @Test
    void entitiesListThePhoneOnceWithItsItemsAndSpellings() {
        Cli.Run r = cli.run("--json", "entities", "--type", "phone", "--min-items", "2");
        assertEquals(0, r.code(), r::toString);
        String[] lines = r.out().strip().split("\n");
        assertEquals(1, lines.length, r::toString);
        JsonNode e = Json.parse(lines[0]);
        assertEquals("+998901234567", e.path("value").asText());
        assertEquals(3, e.path("items").asInt());
        assertEquals(3, e.path("forms").size(), r::toString);
        assertTrue(cli.run("entities", "--min-items", "4").out().startsWith("no entities"));
    }

    @Test
    void russianAndEnglishStemsMatchOtherWordForms() {
        assertEquals(Set.of("ad-ru.txt"), sources("официантка"));
        assertEquals(Set.of("ad-en.txt"), sources("waitress"));
    }

    @Test
    void filtersNarrowTheHits() {
        assertEquals(Set.of("ad-ru.txt"), sources("fictitious OR вымышленное OR ўйдирма", "--lang", "ru"));
        assertEquals(Set.of("ad-uz-latn.txt", "ad-uz-cyrl.txt"), sources("maktab*", "--lang", "uz"));
        assertEquals(Set.of("ad-uz-cyrl.txt"), sources("maktab*", "--lang", "uz-Cyrl"));
        assertEquals(Set.of("ad-ru.txt"), sources("phone:\"90 123 45 67\"", "--tag", "suspicious"));
        assertEquals(Set.of("flyer.txt"), sources("nannies", "--kind", "member"));
        // the archive holding the flyer is found by the flyer's words too, as a file
        assertEquals(Set.of("flyers.zip"), sources("nannies", "--kind", "file"));
        assertEquals(Set.of(), sources("ish", "--until", "2000-01-01"));
        assertEquals(sources("ish"), sources("ish", "--since", "2000-01-01"));
        assertEquals(Set.of("ad-uz-latn.txt", "ad-uz-cyrl.txt"), sources("lang:uz"));
    }

    @Test
    void aTagAddedAfterIngestIsFoundInTheQueryAsByTheFilterWithoutReindex() {
        assertEquals(Set.of("ad-ru.txt"), sources("tag:suspicious"));
        assertEquals(sources("tag:suspicious"), sources("*", "--tag", "suspicious"));
        assertEquals(Set.of(), sources("tag:no-such-tag"));
    }

    @Test
    void collectTagsEachCaptureSoBothFormsOfTheTagFindIt(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("notice.txt"), "Fictitious notice: drivers wanted abroad.");
        Cli other = new Cli(tmp.resolve("tagged"));
        assertEquals(0, other.init().code());
        Cli.Run collect = other.run("collect", "file", file.toString(), "--tag", "batch-1");
        assertEquals(0, collect.code(), collect::toString);
        Cli.Run query = other.run("search", "tag:batch-1");
        Cli.Run filter = other.run("search", "drivers", "--tag", "batch-1");
        assertTrue(query.out().startsWith("1 item matches") && query.out().contains("notice.txt"), query::toString);
        assertTrue(filter.out().startsWith("1 item matches") && filter.out().contains("notice.txt"),
                filter::toString);
    }

    @Test
    void documentsAndArchiveMembersAreSearchable() {
        assertEquals(Set.of("vacancy.docx"), sources("\"drivers wanted\""));
        assertEquals(Set.of("vacancy.docx"), sources("title:dubai"));
        assertEquals(Set.of("flyer.txt", "flyers.zip"), sources("nann*"), "the member and the archive holding it");
        assertEquals(Set.of("vacancy.docx"), sources("\"contract years\"~2"));
    }

    @Test
    void limitAndJsonShape() {
        Cli.Run r = cli.run("--json", "search", "fictitious OR вымышленное OR ўйдирма", "--limit", "2");
        assertEquals(0, r.code(), r::toString);
        String[] lines = r.out().strip().split("\n");
        assertEquals(2, lines.length, r::toString);
        JsonNode hit = Json.parse(lines[0]);
        for (String f : new String[] {"id", "score", "kind", "source", "lang", "capturedAt", "title", "passages"}) {
            assertTrue(hit.has(f), () -> f + " missing in " + lines[0]);
        }
        JsonNode uz = Json.parse(cli.run("--json", "search", "oʻqituvchi", "--lang", "uz-Latn").out());
        assertTrue(uz.path("passages").get(0).asText().contains("«oʻqituvchi»"), uz::toString);
    }

    @Test
    void jsonHitsCarryTheCountAndWhetherItIsExact() {
        Cli.Run r = cli.run("--json", "search", "ўқитувчи", "--limit", "1");
        assertEquals(0, r.code(), r::toString);
        JsonNode hit = Json.parse(r.out().strip().split("\n")[0]);
        assertEquals(2, hit.path("total").asInt(), r::toString);
        assertTrue(hit.path("totalExact").asBoolean(), r::toString);
    }

    @Test
    void aFilterNoItemPassesIsToldWithTheValuesTheCaseHas() {
        Cli.Run lang = cli.run("search", "ish", "--lang", "xx");
        assertEquals(0, lang.code(), lang::toString);
        assertTrue(lang.out().startsWith("0 items match"), lang::toString);
        assertTrue(lang.err().contains("no item is in language 'xx'; the case has: ")
                && lang.err().contains("uz-cyrl") && lang.err().contains("ru"), lang::toString);
        Cli.Run tag = cli.run("search", "ish", "--tag", "no-such-tag");
        assertTrue(tag.err().contains("no item has tag 'no-such-tag'; the case has: suspicious"), tag::toString);
        Cli.Run kind = cli.run("--json", "search", "ish", "--kind", "folder");
        assertTrue(kind.err().contains("no item is of kind 'folder'; the case has: ") && kind.err().contains("file"),
                kind::toString);
        // A filter some item passes is not the reason, even when no item passes it and the query together.
        Cli.Run both = cli.run("search", "nannies", "--kind", "file");
        assertFalse(both.err().contains("no item"), both::toString);
    }

    @Test
    void textOutputHighlightsPassages() {
        Cli.Run r = cli.run("search", "ўқитувчи");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("2 items match"), r::toString);
        assertTrue(r.out().contains("«ўқитувчи»") && r.out().contains("«oʻqituvchi»"), r::toString);
    }

    @Test
    void malformedQueriesPointAtTheFault() {
        Cli.Run unclosed = cli.run("search", "\"unclosed");
        assertEquals(2, unclosed.code(), unclosed::toString);
        assertTrue(unclosed.err().contains("query: col 1: this quoted phrase is not closed"), unclosed::toString);
        assertTrue(unclosed.err().contains("\n  \"unclosed\n  ^"), unclosed::toString);
        Cli.Run paren = cli.run("search", "title:(");
        assertEquals(2, paren.code(), paren::toString);
        assertTrue(paren.err().contains("query: col 8: "), paren::toString);
        assertTrue(paren.err().contains("\n  title:(\n         ^"), paren::toString);
        assertFalse(paren.err().contains("Exception"), paren::toString);
        Cli.Run field = cli.run("search", "tel:90");
        assertEquals(2, field.code(), field::toString);
        assertTrue(field.err().contains("unknown field 'tel'"), field::toString);
    }

    @Test
    void showTextGivesTheExtractedText() {
        Cli.Run r = cli.run("show", Long.toString(idOf("vacancy.docx")), "--text");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains(AdFixtures.DOCX), r::toString);
        JsonNode j = Json.parse(cli.run("--json", "show", Long.toString(idOf("ad-uz-cyrl.txt")), "--text").out());
        assertEquals("uz-Cyrl", j.path("language").asText());
        assertEquals(AdFixtures.UZ_CYRL, j.path("text").asText().strip());
        assertEquals("+998901234567", j.path("entities").get(0).path("value").asText());
    }

    @Test
    void reindexAfterDeletingTheIndexGivesTheSameResults() throws IOException {
        Set<String> before = sources("oʻqituvchi OR nannies OR phone:\"90 1234567\"");
        try (Stream<Path> s = Files.walk(caseDir.resolve("index"))) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        Cli.Run missing = cli.run("search", "ish");
        assertEquals(2, missing.code(), missing::toString);
        assertTrue(missing.err().contains("run 'tracelab reindex'"), missing::toString);
        Cli.Run re = cli.run("reindex");
        assertEquals(0, re.code(), re::toString);
        assertTrue(re.out().contains("7 items in the index (rebuilt)"), re::toString);
        assertEquals(before, sources("oʻqituvchi OR nannies OR phone:\"90 1234567\""));
        Cli.Run v = cli.run("verify");
        assertEquals(0, v.code(), v::toString);
    }

    @Test
    void searchOnAnIndexOfTheOldFormatAsksForReindexWhichMendsIt() throws IOException {
        Set<String> before = sources("oʻqituvchi OR nannies");
        // What an index written before session 3 says of itself: how many texts it covers, no format.
        try (Directory dir = FSDirectory.open(caseDir.resolve("index"));
             IndexWriter w = new IndexWriter(dir,
                     new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
            Map<String, String> data = new HashMap<>();
            w.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
            assertEquals(Integer.toString(IndexFormat.CURRENT), data.remove("tracelab.index.format"), data::toString);
            w.setLiveCommitData(data.entrySet(), true);
            w.commit();
        }
        Cli.Run old = cli.run("search", "ish");
        assertEquals(2, old.code(), old::toString);
        assertTrue(old.err().contains("format 1") && old.err().contains("run 'tracelab reindex'"), old::toString);
        Cli.Run re = cli.run("reindex");
        assertEquals(0, re.code(), re::toString);
        assertEquals(before, sources("oʻqituvchi OR nannies"));
    }

    @Test
    void caseVerifiesAfterIngestWithTextsCounted() {
        JsonNode v = Json.parse(cli.run("--json", "verify").out());
        assertTrue(v.path("holds").asBoolean(), v::toString);
        assertEquals(7, v.path("items").asInt());
        assertTrue(v.path("blobs").asInt() > 7, v::toString); // the extracted texts are blobs too
    }

    private Set<String> sources(String query, String... options) {
        String[] args = new String[options.length + 3];
        args[0] = "--json";
        args[1] = "search";
        args[2] = query;
        System.arraycopy(options, 0, args, 3, options.length);
        Cli.Run r = cli.run(args);
        assertEquals(0, r.code(), r::toString);
        Set<String> out = new LinkedHashSet<>();
        for (String line : r.out().split("\n")) {
            if (!line.isBlank()) {
                String source = Json.parse(line).path("source").asText();
                out.add(source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf('!') + 1) + 1));
            }
        }
        return out;
    }

    private long idOf(String fileName) {
        for (long id = 1; id < 50; id++) {
            JsonNode item = Json.parse(cli.run("--json", "show", Long.toString(id)).out());
            if (item.path("source").asText().endsWith("/" + fileName)) {
                return id;
            }
        }
        throw new AssertionError("no item for " + fileName);
    }
}
