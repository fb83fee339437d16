package org.tracelab.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.collectors.http.WarcFiles;
import org.tracelab.core.Hashing;
import org.tracelab.core.Json;
import org.tracelab.samples.LabServer;
import org.tracelab.samples.LabServerOptions;

/** The instructor's commands through the real CLI: generate, grade, and a served scenario collected by crawling. */
class LabCommandTest {
    @TempDir
    Path tmp;

    @Test
    void sameSeedGeneratesTheSameBytes() throws IOException {
        assertEquals(0, Cli.runBare("-q", "lab", "generate", "--seed", "42", "--ads", "40", "--out",
                tmp.resolve("a").toString()).code());
        assertEquals(0, Cli.runBare("-q", "lab", "generate", "--seed", "42", "--ads", "40", "--out",
                tmp.resolve("b").toString()).code());
        assertEquals(0, Cli.runBare("-q", "lab", "generate", "--seed", "43", "--ads", "40", "--out",
                tmp.resolve("c").toString()).code());
        assertEquals(hashes(tmp.resolve("a")), hashes(tmp.resolve("b")));
        assertTrue(!hashes(tmp.resolve("a")).equals(hashes(tmp.resolve("c"))), "another seed, another scenario");
    }

    @Test
    void keyGradedAgainstItselfScoresOneAndNothingScoresZero() throws IOException {
        Path scenario = tmp.resolve("s");
        assertEquals(0, Cli.runBare("-q", "lab", "generate", "--seed", "7", "--ads", "60", "--out",
                scenario.toString()).code());
        Path key = scenario.resolve("key.json");
        Cli.Run self = Cli.runBare("--json", "lab", "grade", key.toString(), "--key", key.toString());
        assertEquals(0, self.code(), self::toString);
        JsonNode r = Json.parse(self.out());
        assertEquals(1.0, r.path("flagged").path("f1").asDouble());
        assertEquals(1.0, r.path("clusters").path("f1").asDouble());

        Path nothing = tmp.resolve("nothing.json");
        Files.writeString(nothing, "{\"flagged\": [], \"clusters\": []}");
        Cli.Run none = Cli.runBare("--json", "lab", "grade", nothing.toString(), "--key", key.toString());
        assertEquals(1, none.code(), "a grade below the pass mark is a failed check");
        JsonNode z = Json.parse(none.out());
        assertEquals(0.0, z.path("flagged").path("f1").asDouble());
        assertEquals(0.0, z.path("clusters").path("f1").asDouble());
        assertTrue(z.path("missedAds").size() > 0);
    }

    @Test
    void generateIntoAFolderWithFilesIsBadInput() throws IOException {
        Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(tmp.resolve("busy/x"), "x");
        Cli.Run r = Cli.runBare("lab", "generate", "--seed", "1", "--ads", "5", "--out", tmp.resolve("busy").toString());
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains("not empty"), r::toString);
    }

    @Test
    void servingOnAPortInUseIsAnIoErrorNamingTheAddress() throws IOException {
        Path scenario = tmp.resolve("s");
        assertEquals(0, Cli.runBare("-q", "lab", "generate", "--seed", "3", "--ads", "5", "--out",
                scenario.toString()).code());
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Cli.Run r = Cli.runBare("lab", "serve", scenario.toString(), "--port",
                    Integer.toString(taken.getLocalPort()));
            assertEquals(3, r.code(), r::toString);
            assertEquals(1, r.err().strip().lines().count(), r::toString);
            assertTrue(r.err().contains("127.0.0.1:" + taken.getLocalPort() + ": Address already in use"),
                    r::toString);
        }
    }

    @Test
    void servedScenarioIsCrawledIntoAVerifiableCaseWithoutItsRobotsForbiddenPage() throws Exception {
        Path scenario = tmp.resolve("s");
        assertEquals(0, Cli.runBare("-q", "lab", "generate", "--seed", "11", "--ads", "30", "--out",
                scenario.toString()).code());
        Cli cli = new Cli(tmp.resolve("case"));
        assertEquals(0, cli.init().code());
        try (LabServer server = LabServer.start(scenario, LabServerOptions.defaults())) {
            String base = server.baseUri().toString();
            Cli.Run crawl = cli.run("--json", "collect", "page", base, "--depth", "2", "--same-host", "--delay", "0",
                    "--allow-host", server.baseUri().getHost() + ":" + server.baseUri().getPort());
            assertEquals(0, crawl.code(), crawl::toString);
            long pages = crawl.out().lines().count();
            assertTrue(pages > 10, crawl::toString);
            assertTrue(crawl.out().lines().noneMatch(l -> l.contains("/private/")), "robots.txt is obeyed");
        }
        Cli.Run v = cli.run("verify");
        assertEquals(0, v.code(), v::toString);
        WarcFiles.assertValid(tmp.resolve("case"));
    }

    @Test
    void demoServesCollectsScansAndGradesTheBundledScenarioAboveTheFloor() {
        Path work = tmp.resolve("demo");
        Cli.Run demo = Cli.runBare("demo", "--dir", work.toString());
        assertEquals(0, demo.code(), demo::toString);
        assertTrue(demo.out().contains("all holds"), demo::toString);
        assertTrue(demo.out().contains("bag verified"), demo::toString);
        // The floor Tracelab's own scan and links must reach on the served small scenario, graded by lab grade.
        assertTrue(f1(demo.out(), "flagged ads:") >= 0.9, demo::toString);
        assertTrue(f1(demo.out(), "clusters:") >= 0.6, demo::toString);
        assertTrue(Files.isRegularFile(work.resolve("report.html")));
        assertTrue(demo.err().contains("skipped: ") && demo.err().contains("/private/staff.html"),
                "the page robots.txt forbids is named as skipped: " + demo);
        Cli.Run info = new Cli(work.resolve("case")).run("--json", "case", "info");
        assertTrue(Json.parse(info.out()).path("items").asInt() > 30, info::toString);
    }

    @Test
    void demoRefusesAFolderThatHoldsFiles() throws IOException {
        Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(tmp.resolve("busy/keep.txt"), "x");
        Cli.Run demo = Cli.runBare("demo", "--dir", tmp.resolve("busy").toString());
        assertEquals(2, demo.code(), demo::toString);
        assertEquals("x", Files.readString(tmp.resolve("busy/keep.txt")));
    }

    /** The F1 on the grade line that starts with {@code label}. */
    private static double f1(String out, String label) {
        String line = out.lines().filter(l -> l.startsWith(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + label + "' line in:\n" + out));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("F1 ([0-9.]+)").matcher(line);
        if (!m.find()) {
            throw new AssertionError("no F1 in " + line);
        }
        return Double.parseDouble(m.group(1));
    }

    private static Map<String, String> hashes(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                try (InputStream in = Files.newInputStream(p)) {
                    out.put(dir.relativize(p).toString(), HexFormat.of().formatHex(
                            Hashing.sha256().digest(in.readAllBytes())));
                }
            }
        }
        return out;
    }
}
