package org.tracelab.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tracelab.samples.classroom.HandinZips.asSymlink;
import static org.tracelab.samples.classroom.HandinZips.handin;
import static org.tracelab.samples.classroom.HandinZips.zip;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Json;

/**
 * Everything a class refuses, each with a 4xx naming why and a line in the class's record: an unknown code, a body
 * that is no ZIP, one too large, an archive that climbs out of its folder, holds a symbolic link, names one path as
 * a file and a folder or inflates like a bomb, one without findings, too many hand-ins a minute; a trainee who hangs up mid-upload does not stop the class;
 * and a trainee's code opens their own page only, never another's, the instructor's or the key.
 */
class LabClassRefusalsTest {
    private static final int MAX = 100_000;

    @TempDir
    static Path tmp;
    static final Path scenario = ClassSession.SMALL;

    static void assertRefused(HttpResponse<String> r, int status, String why) {
        assertEquals(status, r.statusCode(), r::body);
        assertTrue(r.body().contains(why), () -> "expected the reason to say '" + why + "': " + r.body());
    }

    @Test
    void everyBadHandInIsRefusedWithItsReasonAndRecorded() throws Exception {
        Path names = tmp.resolve("names.txt");
        Files.writeString(names, "Ali (fictitious)\nBobur (fictitious)\nDilnoza (fictitious)\n");
        Path classDir = tmp.resolve("class");
        try (ClassSession cls = new ClassSession(classDir, scenario.toString(), "--trainees", names.toString(),
                "--max-handin", Integer.toString(MAX), "--handins-per-minute", "7")) {
            String ali = "_class/t/" + cls.codes.get("Ali (fictitious)") + "/handin";
            String bobur = "_class/t/" + cls.codes.get("Bobur (fictitious)") + "/handin";

            assertRefused(cls.post("_class/t/aaaa-bbbb-cccc/handin", handin(Map.of())), 403, "unknown join code");
            assertRefused(cls.post(ali, "not a zip at all".getBytes(StandardCharsets.UTF_8)), 400, "not a ZIP");
            byte[] noise = new byte[MAX + 1];
            new Random(1).nextBytes(noise);
            assertRefused(cls.post(ali, noise), 413, "at most " + MAX);
            assertRefused(cls.post(ali, handin(Map.of("bag/../../escaped.txt", new byte[] {1}))), 422,
                    "path traversal");
            assertRefused(cls.post(ali, handin(Map.of("/etc/escaped.txt", new byte[] {1}))), 422, "path traversal");
            assertRefused(cls.post(ali, asSymlink(handin(Map.of("bag/data/link", "/etc/passwd".getBytes(
                    StandardCharsets.UTF_8))), "bag/data/link")), 422, "symbolic link");
            assertRefused(cls.post(ali, handin(Map.of("bag/data/zeros", new byte[20_000_000]))), 422, "zip bomb");
            assertRefused(cls.post(ali, zip(Map.of("bag/bagit.txt", new byte[] {'x'}))), 400, "no findings.jsonl");
            assertRefused(cls.post(ali, handin(Map.of())), 429, "too many hand-ins");
            try (Stream<Path> s = Files.walk(tmp)) {
                assertFalse(s.anyMatch(p -> p.getFileName().toString().equals("escaped.txt")),
                        "nothing was written outside the hand-in's folder");
            }
            try (Stream<Path> s = Files.list(classDir.resolve("incoming"))) {
                assertEquals(0, s.count(), "refused hand-ins leave nothing behind");
            }

            Map<String, byte[]> fileAndFolder = new LinkedHashMap<>();
            fileAndFolder.put("bag/data/x", new byte[] {1});
            fileAndFolder.put("bag/data/x/y", new byte[] {2});
            assertRefused(cls.post(bobur, handin(fileAndFolder)), 422, "as a file and as a folder");

            // Hangs up a tenth of the way into an upload: the class records it and goes on serving.
            try (Socket socket = new Socket(cls.base.getHost(), cls.base.getPort())) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /" + bobur + " HTTP/1.1\r\nHost: " + cls.base.getAuthority()
                        + "\r\nContent-Type: application/zip\r\nContent-Length: 50000\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(new byte[5000]);
                out.flush();
            }
            JsonNode results = null;
            for (int i = 0; i < 200; i++) { // waits for the condition, not for a time: the server notices the hang-up
                results = Json.parse(cls.get(cls.instructor + "/results.json").body());
                if (results.path("refused").toString().contains("cut short")) {
                    break;
                }
                Thread.sleep(50);
            }
            assertTrue(results.path("refused").toString().contains("cut short"), "after 10 s: " + results);
            HttpResponse<String> page = cls.get(cls.instructor.toString());
            assertEquals(200, page.statusCode(), "the class serves on after a hang-up");

            JsonNode refused = results.path("refused");
            assertEquals(10, refused.size(), refused::toString);
            assertTrue(refused.toString().contains("\"status\":413"), refused::toString);
            assertTrue(page.body().contains("symbolic link"), "the instructor sees the refusals");
        }
        Cli.Run log = new Cli(classDir.resolve("case")).run("--json", "export", "custody", "--format", "jsonl",
                "--out", tmp.resolve("custody.jsonl").toString());
        assertEquals(0, log.code(), log::toString);
        String custody = Files.readString(tmp.resolve("custody.jsonl"));
        assertEquals(10, custody.lines().filter(l -> l.contains("\"class.refused\"")).count(),
                "every refusal is in the class case's custody log");
    }

    @Test
    void aTraineeCodeOpensItsOwnPageOnlyNeverAnothersTheInstructorsOrTheKey() throws Exception {
        Path names = tmp.resolve("pair.txt");
        Files.writeString(names, "Kamola (fictitious)\nRustam (fictitious)\n");
        try (ClassSession cls = new ClassSession(tmp.resolve("class-pages"), scenario.toString(), "--trainees",
                names.toString())) {
            String kamola = cls.codes.get("Kamola (fictitious)");
            HttpResponse<String> own = cls.get("_class/t/" + kamola);
            assertEquals(200, own.statusCode());
            assertTrue(own.body().contains("Kamola (fictitious)"), own::body);
            assertFalse(own.body().contains("Rustam"), "no other trainee on a trainee's page");
            assertEquals(403, cls.get("_class/i/" + kamola).statusCode(), "a code is not the instructor's token");
            assertEquals(403, cls.get("_class/i/" + kamola + "/results.json").statusCode());
            assertEquals(403, cls.get("_class/t/" + kamola.replace(kamola.charAt(0), kamola.charAt(0) == 'a'
                    ? 'b' : 'a')).statusCode(), "a code one letter off opens nothing");
            assertEquals(404, cls.get("key.json").statusCode(), "the key is not served");
            HttpResponse<String> climbing = cls.get("../key.json");
            assertTrue(climbing.statusCode() == 400 || climbing.statusCode() == 404, climbing::body);
            assertFalse(climbing.body().contains("clusters"), "no key through a path that climbs");
            assertEquals(404, cls.get("_class/key.json").statusCode());
            assertEquals(200, cls.get(cls.instructor + "/results.json").statusCode());
            assertTrue(cls.get("_class/t/" + kamola + "?lang=ru").body().contains("Работа ещё не сдана"));
        }
    }
}
