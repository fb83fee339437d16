package org.tracelab.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Json;

/** {@code tracelab links} and {@code tracelab dupes} over a real case of fictitious ads. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinksAndDupesTest {
    private static final String TEMPLATE = "Fictitious ad. Great chance to work in Dubai: we need hotel maids. Free "
            + "housing and three meals a day. Tickets are paid by the employer. Only girls 18 to 25 with attractive "
            + "appearance. Departure in 5 days, places are limited! Write now. %s";
    Cli cli;

    @BeforeAll
    void collect(@TempDir Path tmp) throws IOException {
        Path ads = tmp.resolve("ads");
        Files.createDirectories(ads);
        Files.writeString(ads.resolve("a1.txt"), TEMPLATE.formatted("Phone +998 90 555 00 12"));
        Files.writeString(ads.resolve("a2.txt"), "Fictitious ad. Waitresses for Istanbul, visa support. "
                + "Call 8 (90) 555-00-12 or Telegram @recruiter_one_demo");
        Files.writeString(ads.resolve("a3.txt"), "Вымышленное объявление. Горничные в Анталию. Пишите в Telegram "
                + "@recruiter_one_demo");
        Files.writeString(ads.resolve("b1.txt"), TEMPLATE.formatted("Phone +998 93 555 77 01"));
        Files.writeString(ads.resolve("c1.txt"), "Fictitious ad. Selling a grey three-seat sofa, used 5 months, "
                + "pick-up from Tashkent. Phone +998 97 555 31 31");
        cli = new Cli(tmp.resolve("lab"));
        assertEquals(0, cli.init().code());
        Cli.Run run = cli.run("collect", "file", ads.toString());
        assertEquals(0, run.code(), run::toString);
    }

    @Test
    void linksJoinItemsThroughAPhoneWrittenTwoWaysAndAHandle() {
        Cli.Run run = cli.run("--json", "links");
        assertEquals(0, run.code(), run::toString);
        List<JsonNode> clusters = run.out().lines().map(Json::parse).toList();
        assertEquals(1, clusters.size(), run::toString);
        Set<String> names = new TreeSet<>();
        clusters.get(0).path("sources").forEach(s -> names.add(Path.of(s.asText()).getFileName().toString()));
        assertEquals(Set.of("a1.txt", "a2.txt", "a3.txt"), names);
        assertTrue(clusters.get(0).path("shared").toString().contains("telegram:recruiter_one_demo"), run::toString);

        Cli.Run phones = cli.run("--json", "links", "--type", "phone");
        assertEquals(1, phones.out().lines().count(), phones::toString);
        assertEquals(2, Json.parse(phones.out().strip()).path("items").size(), phones::toString);
    }

    @Test
    void linksWriteGraphMlAndCsv() {
        Cli.Run graphml = cli.run("links", "--format", "graphml");
        assertEquals(0, graphml.code(), graphml::toString);
        assertTrue(graphml.out().contains("<graphml") && graphml.out().contains("recruiter_one_demo"), graphml::toString);
        Cli.Run csv = cli.run("links", "--format", "csv");
        assertTrue(csv.out().startsWith("cluster,kind,value"), csv::toString);
    }

    @Test
    void dupesFindTheTemplateWithANewPhoneAndNothingElse() {
        Cli.Run run = cli.run("--json", "dupes");
        assertEquals(0, run.code(), run::toString);
        List<JsonNode> groups = run.out().lines().map(Json::parse).toList();
        assertEquals(1, groups.size(), run::toString);
        Set<String> names = new TreeSet<>();
        groups.get(0).path("sources").forEach(s -> names.add(Path.of(s.asText()).getFileName().toString()));
        assertEquals(Set.of("a1.txt", "b1.txt"), names);
        assertEquals(2, cli.run("dupes", "--threshold", "1.5").code());
    }
}
