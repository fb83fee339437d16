package org.tracelab.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.extract.TestDocuments;

/**
 * A corpus of hostile inputs made by the test, through the real command line: documents built to hurt the
 * extractor, file names built to hurt a terminal, and profiles, packs and queries wrong in every way. Nothing may
 * hang past its limit or escape as a stack trace; each wrong input is one line on standard error with exit code 2,
 * and the case still verifies. (Network faults, redirect loops, slow drips and huge headers are in the collectors'
 * HttpCaptureTest and LargeBodyTest; Tika's worker faults in core's HostileDocumentsTest.)
 */
class HostileInputTest {
    /** Far above what any of these takes; only a hang reaches it. */
    private static final Duration LIMIT = Duration.ofMinutes(3);

    @TempDir
    Path tmp;
    Cli cli;

    @BeforeEach
    void emptyCase() {
        cli = new Cli(tmp.resolve("case"));
        assertEquals(0, cli.init().code());
    }

    @Test
    void documentsBuiltToHurtTheExtractorAreStoredMarkedAndTheCaseVerifies() throws IOException {
        Path d = Files.createDirectories(tmp.resolve("hostile"));
        Files.writeString(d.resolve("nested.html"), "<div>".repeat(100_000) + "Fictitious ad at the bottom"
                + "</div>".repeat(100_000), StandardCharsets.UTF_8);
        gigantic(d.resolve("gigantic.html"), 5 << 20);
        Files.write(d.resolve("invalid-utf8.txt"), new byte[] {'a', 'd', ' ', (byte) 0xC3, (byte) 0x28, (byte) 0xFF,
            (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80, ' ', 'o', 'k'});
        Files.writeString(d.resolve("malformed.html"), "<html><head><title>x</head><body><table><tr><td><p><b><i>"
                + "<<>>&&&#xFFFFFF;&#0;<!-- never closed <script>while(1){}", StandardCharsets.UTF_8);
        TestDocuments.zipBomb(d, 32 << 20);
        Path pdf = encryptedPdf(d.resolve("encrypted.pdf"));
        Files.write(d.resolve("truncated.pdf"), java.util.Arrays.copyOf(Files.readAllBytes(pdf), 60));
        Map<String, String> names = new LinkedHashMap<>();
        names.put("esc", "\u001b[2J\u001b]0;PWNED\u0007ad.txt");
        names.put("cr", "ad\rverified: all holds.txt");
        names.put("bidi", "ad\u202Etxt.exe");
        names.put("dots", "..ad..txt");
        for (String name : names.values()) {
            Files.writeString(d.resolve(name), "fictitious", StandardCharsets.UTF_8);
        }
        long files;
        try (Stream<Path> s = Files.list(d)) {
            files = s.count();
        }

        Cli.Run r = assertTimeoutPreemptively(LIMIT, () -> cli.run("--json", "collect", "file", d.toString()));

        assertEquals(0, r.code(), r::toString);
        List<JsonNode> items = Kills.acknowledged(r.out().lines().toList());
        assertEquals(files, items.stream().filter(i -> !i.path("source").asText().contains("!/")).count(), r::toString);
        assertNoTerminalControl(r, false);
        for (JsonNode item : items) {
            for (List<String> view : List.of(List.<String>of(), List.of("--text"))) {
                List<String> args = new ArrayList<>(List.of("show", item.path("id").asText()));
                args.addAll(view);
                Cli.Run show = cli.run(args.toArray(String[]::new));
                assertEquals(0, show.code(), show::toString);
                assertNoTerminalControl(show, true);
            }
        }
        Cli.Run v = cli.run("verify");
        assertEquals(0, v.code(), v::toString);
    }

    @Test
    void profilesWrongInEveryWayAreOneLineNamingTheProfile() throws IOException {
        Map<String, String> wrong = new LinkedHashMap<>();
        wrong.put("empty.json", "");
        wrong.put("not-json.json", "{ name: bozor");
        wrong.put("array.json", "[]");
        wrong.put("string.json", "\"profile\"");
        wrong.put("no-fields.json", "{\"name\":\"x\",\"start\":\"a.html\",\"nextPage\":\"a\",\"adLink\":\"a\"}");
        wrong.put("fields-array.json", profile("\"fields\":[\"h1\"]"));
        wrong.put("no-body.json", profile("\"fields\":{\"title\":\"h1\"}"));
        wrong.put("bad-css.json", profile("\"fields\":{\"title\":\"h1[\",\"body\":\"div\"}"));
        wrong.put("number-selector.json", profile("\"fields\":{\"title\":1,\"body\":\"div\"}"));
        wrong.put("nul.json", "{\"name\":\"\u0000\"");
        wrong.put("deep.json", "[".repeat(100_000));
        wrong.put("huge-line.json", "{\"name\":\"" + "x".repeat(8 << 20));
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> e : wrong.entrySet()) {
            files.add(Files.writeString(tmp.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8));
        }
        Path binary = tmp.resolve("binary.json");
        Files.write(binary, new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1, 2, (byte) 0x80});
        files.add(binary);
        files.add(tmp.resolve("missing.json"));
        files.add(Files.createDirectories(tmp.resolve("folder.json")));
        for (Path profile : files) {
            Cli.Run r = assertTimeoutPreemptively(LIMIT, () -> cli.run("collect", "ads", "--profile",
                    profile.toString(), "--base", "http://127.0.0.1:9/", "--delay", "0"));
            assertOneLineBadInput(r, profile.getFileName().toString());
        }
        assertCaseVerifies();
    }

    @Test
    void queriesWrongInEveryWayAreOneLineBadInput() {
        List<List<String>> wrong = List.of(
                List.of("\"unclosed phrase"), List.of("title:(dubai"), List.of("ish)"), List.of("AND"),
                List.of("nosuchfield:x"), List.of(""), List.of("a\u0000b)"), List.of("(".repeat(20_000) + "x"),
                List.of("x".repeat(200_000) + ")"), List.of("ish", "--since", "yesterday-ish"),
                List.of("ish", "--entity", "fax:123"), List.of("ish", "--entity", "phone"),
                List.of("ish", "--limit", "-1"), List.of("ish", "--limit", "99999999999999"));
        for (List<String> q : wrong) {
            List<String> args = new ArrayList<>(List.of("search"));
            args.addAll(q);
            Cli.Run r = assertTimeoutPreemptively(LIMIT, () -> cli.run(args.toArray(String[]::new)));
            assertOneLineBadInput(r, null);
        }
        assertCaseVerifies();
    }

    @Test
    void packsWrongInEveryWayAreOneLineNamingThePack() throws IOException {
        Map<String, String> wrong = new LinkedHashMap<>();
        wrong.put("empty.json", "");
        wrong.put("array.json", "[1]");
        wrong.put("no-indicators.json", "{\"name\":\"x\",\"language\":\"en\",\"indicators\":[]}");
        wrong.put("bad-language.json", "{\"name\":\"x\",\"language\":\"klingon\",\"indicators\":[{}]}");
        wrong.put("bad-query.json", pack("\"(unclosed AND\""));
        wrong.put("number-query.json", pack("7"));
        wrong.put("deep-query.json", pack("\"" + "(".repeat(20_000) + "x\""));
        for (Map.Entry<String, String> e : wrong.entrySet()) {
            Path file = Files.writeString(tmp.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
            Cli.Run r = assertTimeoutPreemptively(LIMIT, () -> cli.run("scan", "--pack", file.toString()));
            assertOneLineBadInput(r, e.getKey());
        }
        assertCaseVerifies();
    }

    private static String profile(String fields) {
        return "{\"name\":\"fictitious\",\"start\":\"ads/page-1.html\",\"nextPage\":\"a.next\",\"adLink\":\"a.ad\","
                + fields + "}";
    }

    private static String pack(String query) {
        return "{\"name\":\"x\",\"language\":\"en\",\"indicators\":[{\"id\":\"deceptive-offer.x\",\"category\":"
                + "\"deceptive-offer\",\"weight\":1,\"description\":\"Fictitious.\",\"query\":" + query + "}]}";
    }

    private void assertCaseVerifies() {
        Cli.Run v = cli.run("verify");
        assertEquals(0, v.code(), v::toString);
    }

    private static void assertOneLineBadInput(Cli.Run r, String named) {
        assertEquals(2, r.code(), r::toString);
        // A query error may add the query and a caret under the fault, indented, after its one line.
        List<String> lines = r.err().strip().lines().filter(l -> !l.startsWith("Try '") && !l.startsWith("  "))
                .toList();
        assertEquals(1, lines.size(), r::toString);
        assertTrue(lines.get(0).startsWith("tracelab: "), r::toString);
        assertTrue(lines.get(0).length() < 2_000, () -> "a line a person can read: " + lines.get(0).length());
        if (named != null) {
            assertTrue(lines.get(0).contains(named), r::toString);
        }
        assertNoTerminalControl(r, true);
    }

    /**
     * No escape, bell or carriage return reaches the terminal raw; in text meant for people, no right-to-left
     * override either (JSON may carry it: it is a valid character of a name, for programs to read).
     */
    private static void assertNoTerminalControl(Cli.Run r, boolean forPeople) {
        String all = r.out() + r.err();
        assertFalse(all.chars().anyMatch(c -> c == 0x1b || c == 0x07 || c == '\r' || forPeople && c == 0x202E),
                () -> "raw control characters reached the terminal:\n" + r);
    }

    /** Valid-looking HTML of {@code bytes}, written as it is made. */
    private static void gigantic(Path file, long bytes) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("<html><head><title>Gigantic fictitious page</title></head><body>");
            String row = "<tr><td>Fictitious ad: work abroad, salary 3000$</td><td><a href=x>more</a></td></tr>\n";
            for (long n = 0; n < bytes; n += row.length()) {
                w.write(row);
            }
            w.write("</body></html>");
        }
    }

    /** A PDF encrypted with a user password nobody knows. */
    private static Path encryptedPdf(Path file) throws IOException {
        try (PDDocument doc = new PDDocument(); OutputStream out = Files.newOutputStream(file)) {
            doc.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-fictitious", "user-fictitious",
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(out);
        }
        return file;
    }
}
