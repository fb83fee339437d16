package org.tracelab.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Json;

/**
 * {@code lab class} as its own process: killed with SIGKILL while trainees hand in, it loses no hand-in it
 * acknowledged (each is there after a restart, and the class case verifies); then its instructor page, opened in
 * headless Chromium, shows a row for every trainee and names the custody failure of an edited bag (the screenshot is
 * kept in {@code target/class-instructor-page.png}).
 */
class LabClassIT {
    @TempDir
    Path tmp;

    /** Starts {@code lab class} and reads its addresses; fails saying what it printed if it does not start. */
    static JarProcess startClass(Path scenario, Path classDir, Path names, URI[] addresses) throws Exception {
        JarProcess p = JarProcess.start("384m", "lab", "class", scenario.toString(), "--out", classDir.toString(),
                "--trainees", names.toString(), "--handins-per-minute", "1000");
        for (int i = 0; i < 600 && addresses[1] == null; i++) { // until the instructor line, at most 60 s
            for (String line : p.outLines()) {
                if (line.startsWith("serving ")) {
                    addresses[0] = URI.create(line.substring(line.lastIndexOf(" at ") + 4));
                } else if (line.startsWith("instructor: ")) {
                    addresses[1] = URI.create(line.substring("instructor: ".length()));
                }
            }
            Thread.sleep(100);
        }
        if (addresses[1] == null) {
            p.kill();
            fail("lab class did not print its addresses in 60 s: " + p.outLines() + "\n" + p.err());
        }
        return p;
    }

    static String code(Path classDir, String name) throws IOException {
        return Files.readAllLines(classDir.resolve("codes.csv")).stream().filter(l -> l.startsWith(name + ","))
                .map(l -> l.substring(l.lastIndexOf(',') + 1)).findFirst().orElseThrow();
    }

    @Test
    void aKilledClassLosesNoAcknowledgedHandInAndItsPageShowsEveryTraineeInABrowser() throws Exception {
        Path scenario = ClassSession.SMALL;
        Path names = tmp.resolve("names.txt");
        Files.writeString(names, "Steady Hand (fictitious)\nBag Editor (fictitious)\nNot Yet (fictitious)\n");
        Path classDir = tmp.resolve("class");
        URI[] first = new URI[2];
        List<Integer> acknowledged = Collections.synchronizedList(new ArrayList<>());
        Path bag = tmp.resolve("bag");
        Path key = scenario.resolve("key.json");
        try (JarProcess server = startClass(scenario, classDir, names, first)) {
            Path caseDir = tmp.resolve("steady-hand");
            Cli trainee = new Cli(caseDir);
            assertEquals(0, Cli.runBare("-q", "case", "init", caseDir.toString(), "--name", "Lab (fictitious)",
                    "--examiner", "Steady Hand (fictitious)", "--purpose", "Class exercise, fictitious").code());
            assertEquals(0, trainee.run("-q", "collect", "page", first[0].resolve("ads/ad000001.html").toString(),
                    "--delay", "0", "--allow-host", first[0].getAuthority()).code());
            assertEquals(0, trainee.run("-q", "export", "bag", "--out", bag.toString()).code());
            String code = code(classDir, "Steady Hand (fictitious)");
            AtomicInteger failures = new AtomicInteger();
            List<Thread> submitters = new ArrayList<>();
            for (int s = 0; s < 2; s++) {
                submitters.add(Thread.ofPlatform().start(() -> {
                    for (int n = 0; n < 40; n++) {
                        Cli.Run r = Cli.runBare("--json", "lab", "submit", "--server", first[0].toString(), "--code",
                                code, "--bag", bag.toString(), "--findings", key.toString());
                        if (r.code() != 0) {
                            failures.incrementAndGet();
                            return; // the server is gone
                        }
                        acknowledged.add(Json.parse(r.out()).path("version").asInt());
                    }
                }));
            }
            for (int i = 0; i < 600 && acknowledged.size() < 3; i++) {
                Thread.sleep(50);
            }
            assertTrue(server.kill(), "the class was still running when killed");
            for (Thread t : submitters) {
                t.join(TimeUnit.SECONDS.toMillis(60));
            }
            assertTrue(acknowledged.size() >= 3, "hand-ins acknowledged before the kill: " + acknowledged);
        }
        URI[] again = new URI[2];
        try (JarProcess server = startClass(scenario, classDir, names, again)) {
            assertEquals(first[0], again[0], "a class started again serves on its port, so the lab's address holds");
            JsonNode results = Json.parse(get(again[1] + "/results.json"));
            JsonNode steady = LabClassTest.latest(results, "Steady Hand (fictitious)");
            int kept = steady.path("handins").asInt();
            int highest = acknowledged.stream().mapToInt(Integer::intValue).max().orElseThrow();
            assertTrue(kept >= highest, "acknowledged up to version " + highest + " (" + acknowledged + "), kept "
                    + kept);
            assertTrue(steady.path("latest").path("evidenceHolds").asBoolean(), steady::toString);

            // The bag edited after signing: a copy of the first trainee's, handed in under another code, so the
            // page also shows one case handed in by two trainees.
            Path edited = tmp.resolve("edited");
            try (Stream<Path> s = Files.walk(bag)) {
                for (Path f : (Iterable<Path>) s::iterator) {
                    Files.copy(f, edited.resolve(bag.relativize(f).toString()));
                }
            }
            try (Stream<Path> s = Files.walk(edited.resolve("data/items"))) {
                Path f = s.filter(Files::isRegularFile).findFirst().orElseThrow();
                Files.writeString(f, "edited after signing (fictitious)", java.nio.file.StandardOpenOption.APPEND);
            }
            Cli.Run r = Cli.runBare("lab", "submit", "--server", again[0].toString(), "--code", code(classDir,
                    "Bag Editor (fictitious)"), "--bag", edited.toString(), "--findings", key.toString());
            assertEquals(0, r.code(), r::toString);
            browse(again[1]);
        }
        Cli.Run verify = new Cli(classDir.resolve("case")).run("verify");
        assertEquals(0, verify.code(), "the class case verifies after the kill: " + verify);
    }

    private static String get(String url) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r::body);
            return r.body();
        }
    }

    /** Opens the instructor's page in headless Chromium: its DOM checked, its screenshot kept under target/. */
    private void browse(URI instructor) throws Exception {
        Chromium chromium = Chromium.find(tmp);
        Path shot = Path.of("target", "class-instructor-page.png").toAbsolutePath();
        Files.deleteIfExists(shot);
        // One run both prints the DOM and takes the screenshot: a browser start is the slow part.
        String dom = chromium.run(tmp.resolve("profile"), "--dump-dom", "--screenshot=" + shot,
                "--window-size=1400,900", instructor.toString());
        for (String name : List.of("Steady Hand (fictitious)", "Bag Editor (fictitious)", "Not Yet (fictitious)")) {
            assertTrue(dom.contains(name), "a row for " + name + " in the page Chromium shows:\n" + dom);
        }
        assertTrue(dom.contains("your bag was changed after it was signed: data/items/"), dom);
        assertTrue(dom.contains("no hand-in yet"), dom);
        assertTrue(dom.contains("One case, several trainees"), dom);
        assertTrue(Files.size(shot) > 1000, "a screenshot was written to " + shot);
    }
}
