package org.tracelab.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Json;
import org.tracelab.samples.LabServer;
import org.tracelab.samples.LabServerOptions;
import org.tracelab.samples.classroom.SimulatedFindings;

/**
 * A class run through the real command line: {@code lab class} serving the bundled small scenario (fictitious), four
 * simulated trainees handing in with {@code lab submit} (one perfect, one who misses the messenger clusters, one
 * whose bag was edited after signing, one who also collected outside the lab), and what each side may see.
 */
class LabClassTest {
    @TempDir
    static Path tmp;
    static final Path scenario = ClassSession.SMALL;



    /** A trainee's case with two ads of the lab collected and scanned; {@code more} collected besides. */
    static Cli trainee(String name, URI lab, String... more) {
        return traineeOf(tmp, name, lab, more);
    }

    /** As {@link #trainee}, with the case in {@code folder}. */
    static Cli traineeOf(Path folder, String name, URI lab, String... more) {
        Path dir = folder.resolve("case-" + name.replace(' ', '-'));
        Cli c = new Cli(dir);
        Cli.Run init = Cli.runBare("case", "init", dir.toString(), "--name", "Lab (fictitious)", "--examiner", name,
                "--purpose", "Class exercise on a fictitious scenario");
        assertEquals(0, init.code(), init::toString);
        String host = lab.getHost() + ":" + lab.getPort();
        Cli.Run collect = c.run("-q", "collect", "page", lab.resolve("ads/ad000001.html").toString(),
                lab.resolve("ads/ad000002.html").toString(), "--delay", "0", "--allow-host", host);
        assertEquals(0, collect.code(), collect::toString);
        if (more.length > 0) {
            List<String> args = new ArrayList<>(List.of("-q", "collect", "page"));
            args.addAll(List.of(more));
            args.addAll(List.of("--delay", "0"));
            Cli.Run extra = c.run(args.toArray(String[]::new));
            assertEquals(0, extra.code(), extra::toString);
        }
        Cli.Run scan = c.run("-q", "scan");
        assertEquals(0, scan.code(), scan::toString);
        return c;
    }

    /** Findings naming every deceptive ad and every planted cluster but those tied by {@code leaveOutTie}. */
    static Path findingsWithout(String leaveOutTie) {
        Path f = tmp.resolve("findings-without-" + leaveOutTie + ".json");
        SimulatedFindings.write(scenario.resolve("key.json"), leaveOutTie, f);
        return f;
    }

    static JsonNode latest(JsonNode results, String name) {
        for (JsonNode t : results.path("trainees")) {
            if (t.path("name").asText().equals(name)) {
                return t;
            }
        }
        throw new AssertionError("no trainee " + name + " in " + results);
    }

    @Test
    void fourTraineesHandInAndTheInstructorSeesScoresAndEvidenceFailuresByName() throws Exception {
        Path names = tmp.resolve("trainees.txt");
        Files.writeString(names, "# fictitious trainees\nPerfect Cadet\nMessenger Misser\nBag Editor\n"
                + "Wide Crawler\n");
        Path classDir = tmp.resolve("class");
        Path key = scenario.resolve("key.json").toAbsolutePath();
        try (ClassSession cls = new ClassSession(classDir, scenario.toString(), "--trainees", names.toString());
             LabServer elsewhere = LabServer.start(scenario, LabServerOptions.defaults())) {
            String server = cls.base.toString();
            assertEquals(4, cls.codes.size(), cls.codes::toString);

            Cli perfect = trainee("Perfect Cadet", cls.base);
            Cli.Run first = perfect.run("lab", "submit", "--server", server, "--code", cls.codes.get("Perfect Cadet"),
                    "--findings", key.toString());
            assertEquals(0, first.code(), first::toString);
            assertTrue(first.out().contains("handed in version 1"), first::toString);
            assertTrue(first.out().contains("every check passed"), first::toString);
            Cli.Run second = perfect.run("--json", "lab", "submit", "--server", server, "--code",
                    cls.codes.get("Perfect Cadet"), "--findings", key.toString());
            assertEquals(0, second.code(), second::toString);
            assertEquals(2, Json.parse(second.out()).path("version").asInt(), "a second hand-in is a new version");

            Cli misser = trainee("Messenger Misser", cls.base);
            Cli.Run missed = misser.run("lab", "submit", "--server", server, "--code",
                    cls.codes.get("Messenger Misser"), "--findings", findingsWithout("handle").toString());
            assertEquals(0, missed.code(), missed::toString);

            Cli editor = trainee("Bag Editor", cls.base);
            Path bag = tmp.resolve("edited-bag");
            assertEquals(0, editor.run("-q", "export", "bag", "--out", bag.toString()).code());
            Path itemFile;
            try (Stream<Path> s = Files.walk(bag.resolve("data/items"))) {
                itemFile = s.filter(Files::isRegularFile).findFirst().orElseThrow();
            }
            Files.writeString(itemFile, "<p>a line added after signing (fictitious)</p>",
                    java.nio.file.StandardOpenOption.APPEND);
            Cli.Run edited = editor.run("lab", "submit", "--server", server, "--code", cls.codes.get("Bag Editor"),
                    "--bag", bag.toString(), "--findings", key.toString());
            assertEquals(0, edited.code(), "an edited bag is taken and graded, not refused: " + edited);
            assertTrue(edited.out().contains("your bag was changed after it was signed: data/items/"),
                    edited::toString);

            String outside = elsewhere.baseUri().resolve("ads/ad000003.html").toString();
            Cli crawler = trainee("Wide Crawler", cls.base, outside);
            Cli.Run crawled = crawler.run("lab", "submit", "--server", server, "--code",
                    cls.codes.get("Wide Crawler"), "--findings", key.toString());
            assertEquals(0, crawled.code(), crawled::toString);

            HttpResponse<String> json = cls.get(cls.instructor + "/results.json");
            assertEquals(200, json.statusCode());
            JsonNode results = Json.parse(json.body());
            JsonNode p = latest(results, "Perfect Cadet");
            assertEquals(2, p.path("handins").asInt());
            assertEquals(1.0, p.path("latest").path("flagged").path("f1").asDouble());
            assertEquals(1.0, p.path("latest").path("clusters").path("f1").asDouble());
            assertTrue(p.path("latest").path("evidenceHolds").asBoolean(), p::toString);

            JsonNode m = latest(results, "Messenger Misser").path("latest");
            assertTrue(m.path("clusters").path("recall").asDouble() < 1, m::toString);
            assertEquals(0, m.path("clustersByTie").path("handle").path("found").asInt(), m::toString);
            assertTrue(m.path("missedClusters").size() > 0, m::toString);
            m.path("missedClusters").forEach(c -> assertEquals("handle", c.path("tie").asText(), m::toString));
            assertTrue(m.path("evidenceHolds").asBoolean(), m::toString);

            JsonNode e = latest(results, "Bag Editor").path("latest");
            assertFalse(e.path("checks").path("bag").path("passed").asBoolean(), e::toString);
            String editorWords = e.path("checks").path("bag").path("failures").toString();
            assertTrue(editorWords.contains("data/items/"), editorWords);
            assertTrue(editorWords.contains("ваш пакет изменён после подписи"), editorWords);
            assertTrue(editorWords.contains("paketingiz imzolangandan keyin o'zgartirilgan"), editorWords);

            JsonNode w = latest(results, "Wide Crawler").path("latest");
            assertFalse(w.path("checks").path("hosts").path("passed").asBoolean(), w::toString);
            assertTrue(w.path("checks").path("hosts").toString().contains(outside), w::toString);
            assertTrue(w.path("checks").path("bag").path("passed").asBoolean(), w::toString);

            assertTrue(results.path("mostMissedClusters").toString().contains("handle"), results::toString);

            HttpResponse<String> page = cls.get(cls.instructor.toString());
            assertEquals(200, page.statusCode());
            for (String name : cls.codes.keySet()) {
                assertTrue(page.body().contains(name), "the overview has a row for " + name);
            }
            assertTrue(page.body().contains("your bag was changed after it was signed"), page::body);
            assertFalse(page.body().contains("<script"), "the page needs no script");
            HttpResponse<String> csv = cls.get(cls.instructor + "/results.csv");
            assertEquals(200, csv.statusCode());
            assertEquals(5, csv.body().strip().lines().count(), csv::body);
        }
        Cli.Run verify = new Cli(classDir.resolve("case")).run("verify");
        assertEquals(0, verify.code(), "the class case holds every hand-in as verifiable evidence: " + verify);
    }
}
