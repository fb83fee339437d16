package org.tracelab.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Json;
import org.tracelab.core.extract.Tesseract;
import org.tracelab.samples.Flyer;
import org.tracelab.samples.internal.Documents;

/**
 * Text in images end to end through the real CLI, on fictitious flyers: read in the case region's languages, its
 * phone found by OCR and shown with the reading's confidence, logged and verified, never read again by a plain
 * reindex. Needs Tesseract with the Uzbek, Russian and English traineddata (scripts/system-packages).
 */
class OcrTest {
    @TempDir
    Path tmp;
    Cli cli;
    Path evidence;

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(Tesseract.find("tesseract")
                .filter(t -> t.languages().containsAll(List.of("uzb", "uzb_cyrl", "rus", "eng"))).isPresent(),
                "Tesseract with uzb, uzb_cyrl, rus and eng is not installed");
        assumeTrue(Flyer.fontAvailable(), "DejaVu Sans is not installed (fonts-dejavu-core)");
        cli = new Cli(tmp.resolve("case"));
        assertEquals(0, cli.init().code());
        evidence = Files.createDirectories(tmp.resolve("evidence"));
    }

    @Test
    void theDemosFlyerHasItsPhoneAndHandleFoundByOcr() throws IOException {
        Documents.flyer(evidence.resolve("flyer.png"), "+7 701 554 90 07", "golden_bridge_demo");
        Cli.Run collect = cli.run("collect", "file", evidence.resolve("flyer.png").toString());
        assertEquals(0, collect.code(), collect::toString);
        assertTrue(collect.err().contains("text read by OCR in 1 item"), collect::toString);

        Cli.Run show = cli.run("show", "1", "--text");
        assertTrue(show.out().contains("read by OCR: Tesseract "), show::toString);
        assertTrue(show.out().contains(" uzb+uzb_cyrl+rus+eng, mean word confidence "), show::toString);
        assertTrue(show.out().contains("phone +77015549007 written +7 701 554 90 07 (in text read by OCR)"),
                show::toString);
        assertTrue(show.out().contains("telegram golden_bridge_demo"), show::toString);

        JsonNode j = Json.parse(cli.run("--json", "show", "1", "--text").out());
        assertTrue(j.path("ocr").path("confidence").asInt() > 50, j.toString());
        assertEquals("ocr", j.path("entities").get(0).path("foundIn").asText());
        assertEquals(0, cli.run("verify").code(), "the OCR text, its row and its log entry verify");
    }

    @Test
    void aRussianFlyerIsReadInTheRegionsLanguagesAndFoundBySearch() throws IOException {
        Flyer.of(List.of(Flyer.Line.headline("РАБОТА В ДУБАЕ!"), Flyer.Line.body("Без опыта, виза и билет"),
                Flyer.Line.body("Звоните: +998 90 555 01 06"))).writePng(evidence.resolve("ru.png"));
        assertEquals(0, cli.run("collect", "file", evidence.resolve("ru.png").toString()).code());
        Cli.Run search = cli.run("search", "ДУБАЕ");
        assertTrue(search.out().contains("ru.png"), search::toString);
        Cli.Run entities = cli.run("entities", "--type", "phone");
        assertTrue(entities.out().contains("+998905550106"), entities::toString);
    }

    @Test
    void reindexKeepsTheStoredTextAndReindexExtractMayReadAgainOrNot() throws IOException {
        Flyer.of(List.of(Flyer.Line.headline("WORK ABROAD"), Flyer.Line.body("Tel +998 90 555 01 07")))
                .writePng(evidence.resolve("en.png"));
        assertEquals(0, cli.run("collect", "file", evidence.resolve("en.png").toString()).code());
        long extracts = extractEntries();

        Cli.Run reindex = cli.run("reindex");
        assertEquals(0, reindex.code(), reindex::toString);
        assertEquals(extracts, extractEntries(), "a plain reindex reads the stored text, no image again");
        assertTrue(cli.run("show", "1", "--text").out().contains("998 90 555 01 07"));

        Cli.Run off = cli.run("reindex", "--extract", "--ocr-lang", "none");
        assertEquals(0, off.code(), off::toString);
        assertEquals(extracts + 1, extractEntries());
        Cli.Run show = cli.run("show", "1", "--text");
        assertFalse(show.out().contains("read by OCR"), show::toString);
        assertFalse(show.out().contains("998 90 555 01 07"), show::toString);

        Cli.Run eng = cli.run("reindex", "--extract", "--ocr-lang", "eng");
        assertEquals(0, eng.code(), eng::toString);
        assertTrue(cli.run("show", "1", "--text").out().contains("Tesseract 5"), "read again, in English");
        assertEquals(0, cli.run("verify").code());
    }

    @Test
    void anOcrLanguageThatIsNoTesseractCodeIsBadInput() {
        Cli.Run r = cli.run("reindex", "--ocr-lang", "uzbek");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains("'uzbek' is no Tesseract language code"), r::toString);
    }

    private long extractEntries() throws IOException {
        Path out = Files.createTempFile(tmp, "custody-", ".jsonl");
        Files.delete(out);
        Cli.Run r = cli.run("export", "custody", "--format", "jsonl", "--out", out.toString());
        assertEquals(0, r.code(), r::toString);
        try (var lines = Files.lines(out)) {
            return lines.filter(l -> l.contains("\"action\":\"extract\"")).count();
        }
    }
}
