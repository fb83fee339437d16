package org.tracelab.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Json;

/** {@code tracelab scan} over a real case of fictitious ads in three languages. */
class ScanCommandTest {
    @TempDir
    Path tmp;

    @Test
    void deceptiveAdsRankFirstWithTheirPassagesAndAreTaggedForSearch() throws IOException {
        Path ads = tmp.resolve("ads");
        Files.createDirectories(ads);
        Files.writeString(ads.resolve("deceptive-en.txt"), "Fictitious ad. Work in Dubai! Salary from $2,500 a month! "
                + "On arrival the passport is kept by the employer for safety. Write only in Telegram, no calls.");
        Files.writeString(ads.resolve("deceptive-uz.txt"), "Uydirma e'lon. Дубайда иш! Паспортлар менежерга "
                + "топширилади. Фақат Телеграмга ёзинг, қўнғироқ қилманг. Til bilish shart emas.");
        Files.writeString(ads.resolve("one-kind-ru.txt"), "Вымышленное объявление. Опыт не нужен, всему научим. "
                + "Работа без опыта.");
        Files.writeString(ads.resolve("ordinary-ru.txt"), "Вымышленное объявление. В супермаркет требуется кассир. "
                + "График 2/2, официальное оформление. Зарплата 3 500 000 сум.");
        Cli cli = new Cli(tmp.resolve("lab"));
        assertEquals(0, cli.init().code());
        Cli.Run collect = cli.run("collect", "file", ads.toString());
        assertEquals(0, collect.code(), collect::toString);

        Cli.Run scan = cli.run("--json", "scan", "--min-score", "3");
        assertEquals(0, scan.code(), scan::toString);
        List<JsonNode> lines = scan.out().lines().map(Json::parse).toList();
        assertEquals(2, lines.size(), scan::toString);
        assertTrue(lines.get(0).path("source").asText().endsWith("deceptive-en.txt")
                || lines.get(0).path("source").asText().endsWith("deceptive-uz.txt"), scan::toString);
        assertTrue(lines.get(0).path("score").asDouble() >= lines.get(1).path("score").asDouble());
        JsonNode en = lines.stream().filter(l -> l.path("source").asText().endsWith("deceptive-en.txt")).findFirst()
                .orElseThrow();
        assertTrue(en.path("indicators").toString().contains("travel-documents.passport-handed-over"), en::toString);
        assertTrue(en.toString().contains("On arrival the passport is kept by the employer for safety."),
                en::toString);

        Cli.Run text = cli.run("scan");
        assertTrue(text.out().contains("[passport]"), text::toString);

        Cli.Run suspicious = cli.run("--json", "search", "*", "--tag", "suspicious");
        assertEquals(2, suspicious.out().lines().count(), suspicious::toString);
        Cli.Run oneKind = cli.run("--json", "search", "*", "--tag", "indicator:deceptive-offer");
        assertTrue(oneKind.out().contains("one-kind-ru.txt"), oneKind::toString);
        assertTrue(!suspicious.out().contains("ordinary-ru.txt") && !oneKind.out().contains("ordinary-ru.txt"));
    }

    @Test
    void aCaseWithoutIndexIsBadInputSayingHowToMakeOne() {
        Cli cli = new Cli(tmp.resolve("empty"));
        assertEquals(0, cli.init().code());
        Cli.Run scan = cli.run("scan");
        assertEquals(2, scan.code(), scan::toString);
        assertTrue(scan.err().contains("run 'tracelab reindex'"), scan::toString);
    }

    @Test
    void anUnknownPackNameIsBadInput() {
        Cli cli = new Cli(tmp.resolve("lab2"));
        assertEquals(0, cli.init().code());
        Cli.Run scan = cli.run("scan", "--pack", "xx");
        assertEquals(2, scan.code(), scan::toString);
        assertTrue(scan.err().contains("xx: neither a shipped pack (en, ru, uz) nor a pack file"), scan::toString);
    }
}
