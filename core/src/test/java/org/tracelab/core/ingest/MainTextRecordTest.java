package org.tracelab.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Case;
import org.tracelab.core.collect.Progress;
import org.tracelab.core.testing.TestCases;
import org.tracelab.core.verify.VerifyReport;

/** A page's main text is a record of its own only when it differs from the page's text. Pages are fictitious. */
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

    /** The kinds of derived rows the extract entry of the item covers. */
    private static List<String> kinds(Case c, long id) throws IOException {
        List<String> out = new ArrayList<>();
        c.forEachCustodyEntry(e -> {
            if (e.action().equals("extract") && e.itemId() != null && e.itemId() == id) {
                e.params().get("derived").fieldNames().forEachRemaining(out::add);
            }
        });
        return out.stream().sorted().toList();
    }
}
