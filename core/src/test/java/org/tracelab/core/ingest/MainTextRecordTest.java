package org.tracelab.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Case;
import org.tracelab.core.Hashing;
import org.tracelab.core.TracelabException;
import org.tracelab.core.collect.Progress;
import org.tracelab.core.testing.Tamper;
import org.tracelab.core.testing.TestCases;
import org.tracelab.core.verify.Problem;
import org.tracelab.core.verify.VerifyReport;

/**
 * A page's main text is a record of its own only when it differs from the page's text, and a blob of its own only
 * when it is not one piece of that text. Pages are fictitious.
 */
class MainTextRecordTest {
    private static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");
    private static final String AD = "Oshpaz kerak, Toshkent. Maosh 500$, turar joy bor. Tel +998 90 000 00 00.";

    @TempDir
    Path tmp;

    @Test
    void aPageThatIsAllMainTextHasOneTextAndAFurnishedPageTwo() throws IOException {
        try (Case c = TestCases.create(tmp.resolve("case"), "main text records", AT)) {
            List<Long> ids = TestCases.store(c, AT, List.of(
                    new TestCases.File("/fictitious/bare.html", "text/html",
                            "<html><body><p>" + AD + "</p></body></html>", Map.of()),
                    new TestCases.File("/fictitious/furnished.html", "text/html", "<html><body><div class=menu>"
                            + "<a href=/>Bosh sahifa</a> <a href=/ads>E'lonlar</a></div><div class=ad><p>" + AD
                            + "</p></div><div class=footer>Qo'llab-quvvatlash: support@site.example</div></body></html>",
                            Map.of())));
            c.ingest(Progress.NONE);
            long bare = ids.get(0);
            long furnished = ids.get(1);

            assertEquals(c.text(bare).orElseThrow(), c.text(bare, TextScope.MAIN).orElseThrow(),
                    "the main text reads as the text");
            assertEquals(List.of("text"), kinds(c, bare));
            assertNotEquals(c.text(furnished).orElseThrow(), c.text(furnished, TextScope.MAIN).orElseThrow());
            assertEquals(List.of("main", "text"), kinds(c, furnished));
            VerifyReport report = c.verify(null);
            assertTrue(report.holds(), report.toString());
        }
    }

    @Test
    void aMainTextMadeOfPiecesOfTheTextIsRecordedAsThemWithoutABlob() throws IOException {
        Path dir = tmp.resolve("case");
        long id = ingestedPage(dir, "main text pieces");
        try (Case c = Case.openForReading(dir, Clock.systemUTC())) {
            String full = read(c, c.text(id).orElseThrow());
            DerivedText main = c.text(id, TextScope.MAIN).orElseThrow();
            String mainText = read(c, main);
            assertTrue(mainText.contains(AD) && !mainText.contains("Ulashish") && !mainText.contains("Bosh sahifa"),
                    mainText);
            TextPieces pieces = main.pieces().orElseThrow();
            assertTrue(pieces.ranges().size() > 1, pieces::toString); // the share bar between two paragraphs
            assertEquals(mainText, pieces.in(full));
            assertEquals(Hashing.sha256Hex(mainText), main.blob().sha256(), "the row names the main text's digest");
            assertFalse(Files.exists(c.blobs().path(main.blob())), "no blob of its own");
            JsonNode logged = entry(c, id).path("main");
            assertEquals(pieces.toString(), logged.path("pieces").asText());
            assertEquals(main.blob().sha256(), logged.path("sha256").asText());
            VerifyReport report = c.verify(null);
            assertTrue(report.holds(), report.toString());
        }
    }

    @Test
    void aCaseWhoseMainTextsAreBlobsOfTheirOwnReadsAndVerifiesAsBefore() throws Exception {
        Path dir = tmp.resolve("case");
        long id = ingestedPage(dir, "main text blobs");
        String mainText;
        try (Case c = Case.openForReading(dir, Clock.systemUTC())) {
            mainText = read(c, c.text(id, TextScope.MAIN).orElseThrow());
        }
        Tamper.asBuildWithMainTextBlobs(dir);
        try (Case c = Case.openForReading(dir, Clock.systemUTC())) {
            DerivedText main = c.text(id, TextScope.MAIN).orElseThrow();
            assertTrue(main.pieces().isEmpty());
            assertTrue(Files.exists(c.blobs().path(main.blob())));
            assertEquals(mainText, read(c, main));
            VerifyReport report = c.verify(null);
            assertTrue(report.holds(), report.toString());
        }
    }

    @Test
    void aShiftedPieceIsNamedByVerify() throws Exception {
        Path dir = tmp.resolve("case");
        long id = ingestedPage(dir, "main text pieces tampered");
        TextPieces pieces;
        try (Case c = Case.openForReading(dir, Clock.systemUTC())) {
            pieces = c.text(id, TextScope.MAIN).orElseThrow().pieces().orElseThrow();
        }
        TextPieces.Range first = pieces.ranges().getFirst();
        String shifted = pieces.toString().replaceFirst("^" + first.start() + "-", (first.start() + 1) + "-");
        Tamper.sql(dir, "UPDATE derived SET text_pieces = '" + shifted + "' WHERE kind = 'main'");
        try (Case c = Case.openForReading(dir, Clock.systemUTC())) {
            VerifyReport report = c.verify(null);
            List<String> named = report.problems().stream().map(p -> p.kind() + " " + p.subject()).toList();
            assertTrue(named.contains(Problem.Kind.ROW_ALTERED + " derived main of item " + id), named::toString);
            assertTrue(report.problems().stream().anyMatch(p -> p.expected().startsWith("sha256 of chars " + shifted
                    + " of its text")), report::toString);
        }
    }

    @Test
    void aPieceOutsideTheTextIsOneLineToReadersAndNamedByVerify() throws Exception {
        Path dir = tmp.resolve("case");
        long id = ingestedPage(dir, "main text piece outside");
        Tamper.sql(dir, "UPDATE derived SET text_pieces = '0-1000000' WHERE kind = 'main'");
        try (Case c = Case.openForReading(dir, Clock.systemUTC())) {
            DerivedText main = c.text(id, TextScope.MAIN).orElseThrow();
            TracelabException e = assertThrows(TracelabException.class, () -> c.openText(main));
            assertTrue(e.getMessage().contains("run 'tracelab verify'"), e.getMessage());
            VerifyReport report = c.verify(null);
            assertTrue(report.problems().stream().anyMatch(p -> p.found().equals("chars 0-1000000")),
                    report::toString);
        }
    }

    /** A share bar between the ad's two paragraphs: in the text, not in the main text, which is then two pieces. */
    private static final String IN_PIECES = "<html><body><div class=menu><a href=/>Bosh sahifa</a></div><article><p>"
            + AD + "</p><div class=share>Ulashish: t.me/fictitious_site</div><p>" + AD.replace("Oshpaz", "Ofitsiant")
            + "</p></article><div class=footer>support@site.example</div></body></html>";

    /** A new case at {@code dir} holding the page {@link #IN_PIECES}, ingested; its item id. */
    private static long ingestedPage(Path dir, String test) throws IOException {
        try (Case c = TestCases.create(dir, test, AT)) {
            long id = TestCases.store(c, AT, List.of(new TestCases.File("/fictitious/pieces.html", "text/html",
                    IN_PIECES, Map.of()))).get(0);
            c.ingest(Progress.NONE);
            return id;
        }
    }

    private static String read(Case c, DerivedText t) throws IOException {
        try (var in = c.openText(t)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The params of the item's last extract entry. */
    private static JsonNode entry(Case c, long id) throws IOException {
        return extractParams(c, id).getLast();
    }

    /** The kinds of derived rows the extract entries of the item cover. */
    private static List<String> kinds(Case c, long id) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonNode params : extractParams(c, id)) {
            params.get("derived").fieldNames().forEachRemaining(out::add);
        }
        return out.stream().sorted().toList();
    }

    /** The params of every extract entry of the item, in the log's order. */
    private static List<JsonNode> extractParams(Case c, long id) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        c.forEachCustodyEntry(e -> {
            if (e.action().equals("extract") && e.itemId() != null && e.itemId() == id) {
                out.add(e.params());
            }
        });
        return out;
    }
}
