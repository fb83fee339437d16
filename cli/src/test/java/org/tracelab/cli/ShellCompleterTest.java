package org.tracelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jline.reader.Candidate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the shell's Tab offers from the case it is on: item ids, tags, entity values, a query's field names and the
 * values the index holds; and a tag written in the shell is offered at the next Tab.
 */
class ShellCompleterTest {
    /** The command tree a shell's lines run on, whose options the completer reads. */
    private static final picocli.CommandLine TREE = Tracelab.forShell(Map.of(), Clock.systemUTC(),
            java.io.OutputStream.nullOutputStream(), java.io.OutputStream.nullOutputStream(), false,
            new KeptCase(org.tracelab.core.Cancellation.NONE), org.tracelab.core.Cancellation.NONE).commandLine(true);

    @TempDir
    static Path tmp;
    static Path caseDir;

    @BeforeAll
    static void aTaggedCaseOfTwoAds() throws IOException {
        caseDir = tmp.resolve("case");
        Path ads = Files.createDirectories(tmp.resolve("ads"));
        // Fictitious ads.
        Files.writeString(ads.resolve("ad-1.txt"), "Fictitious ad. Chet elda ish! Oyiga 3000$ maosh."
                + " Tel: +998 90 000 00 00, telegram @fictitious_jobs_bot", StandardCharsets.UTF_8);
        Files.writeString(ads.resolve("ad-2.txt"), "Fictitious ad. Работа за границей, звоните +998 91 000 00 01.",
                StandardCharsets.UTF_8);
        run("case", "init", caseDir.toString(), "--name", "completion", "--examiner", "test",
                "--purpose", "completion test (fictitious)");
        run("--case", caseDir.toString(), "collect", "file", ads.toString());
        run("--case", caseDir.toString(), "tag", "2", "recruiter");
    }

    private static void run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Tracelab.run(args, Map.of(), Clock.systemUTC(), out, out, false);
        assertEquals(0, code, () -> String.join(" ", args) + ": " + out.toString(StandardCharsets.UTF_8));
    }

    private static List<String> complete(KeptCase kept, String... words) {
        ShellCompleter c = new ShellCompleter((reader, line, candidates) -> { }, TREE, kept, caseDir,
                Clock.systemUTC());
        List<String> w = List.of(words);
        return c.fromCase(w, w.size() - 1, w.getLast()).stream().map(Candidate::value).toList();
    }

    private static List<String> complete(String... words) {
        try (KeptCase kept = new KeptCase(org.tracelab.core.Cancellation.NONE)) {
            return complete(kept, words);
        }
    }

    @Test
    void aQueryWordCompletesToTheFieldsAQueryKnows() {
        List<String> c = complete("search", "");
        assertTrue(c.containsAll(List.of("phone:", "telegram:", "title:", "lang:", "tag:", "image:")), c::toString);
    }

    @Test
    void anEntityFieldCompletesToTheValuesTheCaseHolds() {
        assertTrue(complete("search", "phone:").containsAll(List.of("phone:+998900000000", "phone:+998910000001")),
                () -> complete("search", "phone:").toString());
        assertTrue(complete("search", "--entity", "").contains("phone:+998900000000"));
        assertTrue(complete("search", "telegram:").contains("telegram:fictitious_jobs_bot"));
    }

    @Test
    void tagsCompleteAfterTagAndInAQuery() {
        assertEquals(List.of("recruiter"), complete("search", "--tag", ""));
        assertEquals(List.of("tag:recruiter"), complete("search", "tag:"));
        assertEquals(List.of("recruiter"), complete("tag", "1", ""));
    }

    @Test
    void itemIdsCompleteAfterShowTagAndNote() {
        List<String> ids = complete("show", "");
        assertTrue(ids.containsAll(List.of("1", "2")) && !ids.contains("0"), ids::toString);
        assertEquals(List.of("1"), complete("note", "1"), "ids past the last one are not offered");
        assertEquals(List.of("recruiter"), complete("--case", caseDir.toString(), "tag", "2", ""),
                "a global option's value is not taken for the item id");
        assertEquals(List.of(), complete("show", "x"), "an id is digits only");
        assertEquals(List.of(), complete("show", "--"), "an option is picocli's to complete");
    }

    @Test
    void languagesCompleteFromTheIndex() {
        List<String> langs = complete("search", "--lang", "");
        assertTrue(langs.contains("uz-latn"), langs::toString); // as the index holds them; --lang takes any case
        assertEquals(langs.stream().map(l -> "lang:" + l).toList(), complete("search", "lang:"));
    }

    @Test
    void aTagWrittenAfterACompletionIsOfferedAtTheNext() throws IOException {
        Path copy = org.tracelab.core.testing.CaseCopy.of(caseDir, tmp.resolve("copy"));
        try (KeptCase kept = new KeptCase(org.tracelab.core.Cancellation.NONE)) {
            ShellCompleter c = new ShellCompleter((reader, line, candidates) -> { }, TREE, kept, copy,
                    Clock.systemUTC());
            assertEquals(List.of("recruiter"), c.fromCase(List.of("search", "--tag", ""), 2, "").stream()
                    .map(Candidate::value).toList());
            run("--case", copy.toString(), "tag", "1", "checked");
            kept.release(); // what a writing command in the shell does before it writes
            assertEquals(List.of("checked", "recruiter"), c.fromCase(List.of("search", "--tag", ""), 2, "").stream()
                    .map(Candidate::value).toList());
        }
    }
}
