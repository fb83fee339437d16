package org.tracelab.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tracelab patterns list|test} through the real CLI. */
class PatternsCommandTest {
    @TempDir
    Path tmp;

    @Test
    void everyShippedPackPassesItsOwnExamples() {
        Cli.Run run = Cli.runBare("patterns", "test", "en", "ru", "uz");
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("en: 31 indicators"), run.out());
        assertTrue(run.out().contains("0 misses"), run.out());
    }

    @Test
    void listShowsEveryPackWithItsIndicators() {
        Cli.Run run = Cli.runBare("patterns", "list");
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("uz (uz): 31 indicators in 8 categories"), run.out());
        assertTrue(run.out().contains("travel-documents.passport-handed-over"), run.out());
        Cli.Run json = Cli.runBare("--json", "patterns", "list", "--pack", "ru");
        assertEquals(31, json.out().lines().count(), json.out());
        assertTrue(json.out().lines().allMatch(l -> l.contains("\"pack\":\"ru\"")), json.out());
    }

    @Test
    void aPackWhoseExampleMissesFailsWithExitOneNamingTheExample() throws IOException {
        Path pack = tmp.resolve("mine.json");
        Files.writeString(pack, """
                {"name": "mine", "language": "uz", "indicators": [
                  {"id": "control.phone-restricted", "category": "control", "weight": 3, "description": "d",
                   "source": "ILO Indicators of Forced Labour (2012): isolation", "query": "telefon* AND taqiqlan*",
                   "examples": {"match": ["Telefon taqiqlangan", "Телефон олиб қўйилади"],
                                "noMatch": ["Telefon sotaman"]}}]}""");
        Cli.Run run = Cli.runBare("patterns", "test", pack.toString());
        assertEquals(1, run.code(), run.toString());
        assertTrue(run.out().contains("control.phone-restricted does not match: Телефон олиб қўйилади"), run.out());
    }

    @Test
    void aMissingPackFileIsBadInput() {
        Cli.Run run = Cli.runBare("patterns", "test", tmp.resolve("none.json").toString());
        assertEquals(2, run.code(), run.toString());
        assertTrue(run.err().contains("none.json: neither a shipped pack (en, ru, uz) nor a pack file"), run.err());
    }
}
