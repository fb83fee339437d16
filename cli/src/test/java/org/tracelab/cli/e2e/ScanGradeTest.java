package org.tracelab.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Json;
import org.tracelab.samples.GradeReport;
import org.tracelab.samples.Grader;

/**
 * The trainee's loop on the bundled small scenario (60 fictitious ads): import the ad pages, scan, link, and grade
 * the JSON output against the instructor's key with the lab grader.
 */
class ScanGradeTest {
    private static final Path SMALL = Path.of("..", "samples", "scenarios", "small");

    @Test
    void scanAndLinksOutputGradeAgainstTheKey(@TempDir Path tmp) throws IOException {
        Path ads = tmp.resolve("site").resolve("ads");
        Files.createDirectories(ads);
        try (Stream<Path> pages = Files.list(SMALL.resolve("site").resolve("ads"))) {
            for (Path p : pages.filter(p -> p.getFileName().toString().startsWith("ad")).toList()) {
                Files.copy(p, ads.resolve(p.getFileName()));
            }
        }
        int adCount;
        try (Stream<Path> copied = Files.list(ads)) {
            adCount = (int) copied.count();
        }
        Cli cli = new Cli(tmp.resolve("lab"));
        assertEquals(0, cli.init().code());
        Cli.Run collect = cli.run("collect", "file", ads.toString());
        assertEquals(0, collect.code(), collect::toString);

        Cli.Run scan = cli.run("--json", "scan");
        assertEquals(0, scan.code(), scan::toString);
        Path findings = tmp.resolve("scan.jsonl");
        Files.writeString(findings, scan.out(), StandardCharsets.UTF_8);
        GradeReport flagged = Grader.grade(findings, SMALL.resolve("key.json"));
        System.out.println("small scenario, scan: " + flagged.flagged());
        assertEquals(1.0, flagged.flagged().f1(), flagged.describe());
        assertTrue(flagged.missedAds().isEmpty(), flagged.describe());

        Cli.Run links = cli.run("--json", "links");
        Path clusters = tmp.resolve("links.jsonl");
        Files.writeString(clusters, links.out(), StandardCharsets.UTF_8);
        GradeReport linked = Grader.grade(clusters, SMALL.resolve("key.json"));
        System.out.println("small scenario, links over extracted entities: " + linked.clusters());
        assertEquals(0, linked.clusters().falsePositives(), linked.describe());

        // Every ad page's footer gives the site's support phone: read from the full text, it ties all of them.
        Cli.Run full = cli.run("--json", "links", "--full-text", "--type", "phone");
        assertEquals(0, full.code(), full::toString);
        assertTrue(full.out().lines().map(Json::parse).anyMatch(c -> c.path("items").size() == adCount),
                full::toString);
    }
}
