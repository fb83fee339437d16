package org.tracelab.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/**
 * What {@code tracelab entities} lists: per value the items that mention it, its mentions and its first written
 * forms in order, the most shared first. The pages and numbers are fictitious.
 */
class EntitySummariesTest {
    /** What the schema step that keeps the tallies (V11) made, for tests that take a case back before it. */
    static final List<String> V11 = List.of("TRIGGER entities_tallied", "TRIGGER entities_untallied",
            "TRIGGER entities_retallied", "TABLE entity_values", "TABLE entity_forms");
    private static final Instant AT = Instant.parse("2026-12-06T08:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void aValueCountsItsItemsAndMentionsAndKeepsItsFirstFiveFormsInOrder() throws Exception {
        // One number written seven ways over four pages (one page twice), another on one page only.
        String[] forms = {"90 123 45 67", "+998 90 123 45 67", "(90) 123-45-67", "90-123-45-67", "901234567",
            "+998901234567", "998 90 123 45 67"};
        List<TestCases.File> pages = new ArrayList<>();
        pages.add(page(1, "Tel " + forms[0] + " yoki " + forms[1]));
        pages.add(page(2, "Tel " + forms[2] + " va " + forms[3]));
        pages.add(page(3, "Tel " + forms[4] + ", " + forms[5]));
        pages.add(page(4, "Tel " + forms[6] + ". Boshqa: 93 765 43 21"));
        try (Case c = TestCases.create(tmp.resolve("case"), "Summaries", AT)) {
            TestCases.store(c, AT, pages);
            c.ingest(Progress.NONE);

            List<EntitySummary> phones = c.entities("phone", 1);
            assertEquals(2, phones.size(), phones.toString());
            EntitySummary shared = phones.getFirst();
            assertEquals("+998901234567", shared.value());
            assertEquals(4, shared.items());
            assertEquals(7, shared.mentions());
            List<String> sorted = new ArrayList<>(List.of(forms));
            sorted.sort(null);
            assertEquals(sorted.subList(0, 5), shared.forms(), "the first five forms, sorted");
            EntitySummary single = phones.get(1);
            assertEquals("+998937654321", single.value());
            assertEquals(1, single.items());
            assertEquals(List.of("93 765 43 21"), single.forms());

            assertEquals(List.of("+998901234567"), c.entities("phone", 2).stream().map(EntitySummary::value).toList(),
                    "at least two items");
            assertEquals(List.of(), c.entities("phone", 5));
            assertEquals(phones, c.entities(null, 1).stream().filter(s -> s.type().equals("phone")).toList(),
                    "every type at once gives the same phones");
        }
    }

    @Test
    void aCaseMadeBeforeTheTalliesListsTheSameWhenReadAndWhenUpgraded() throws Exception {
        Path dir = tmp.resolve("old");
        List<TestCases.File> pages = List.of(page(1, "Tel 90 123 45 67, @fictitious_jobs"),
                page(2, "Tel +998 90 123 45 67, t.me/fictitious_jobs"), page(3, "Yozing: @fictitious_jobs"));
        List<EntitySummary> listed;
        try (Case c = TestCases.create(dir, "Summaries", AT)) {
            TestCases.store(c, AT, pages);
            c.ingest(Progress.NONE);
            listed = c.entities(null, 1);
        }
        assertEquals(List.of("phone +998901234567 2", "telegram fictitious_jobs 2", "url https://t.me/fictitious_jobs 1"),
                listed.stream().map(e -> e.type() + " " + e.value() + " " + e.items()).toList());
        List<String> undo = new ArrayList<>(V11.stream().map(o -> "DROP " + o).toList());
        undo.add("DELETE FROM schema_migrations WHERE version = 11");
        org.tracelab.core.testing.Tamper.sql(dir, undo.toArray(String[]::new));
        try (Case c = Case.openForReading(dir, java.time.Clock.systemUTC())) {
            assertEquals(listed, c.entities(null, 1), "read through an upgraded copy");
        }
        try (Case c = Case.openForWriting(dir, "Cadet A", java.time.Clock.systemUTC())) {
            assertEquals(listed, c.entities(null, 1), "upgraded in place");
            assertTrue(c.verify(null).holds());
        }
    }

    @Test
    void aReextractionThatFindsTheSameKeepsTheRowsAndOneThatDiffersReplacesThem() throws Exception {
        Path dir = tmp.resolve("again");
        try (Case c = TestCases.create(dir, "Summaries", AT)) {
            TestCases.store(c, AT, List.of(page(1, "Tel 90 123 45 67, @fictitious_jobs"), page(2, "Yozing: @fictitious_jobs")));
            c.ingest(Progress.NONE);
        }
        List<String> before = rows(dir);
        try (Case c = Case.openForWriting(dir, "Cadet A", java.time.Clock.systemUTC())) {
            c.reindex(true, Progress.NONE);
        }
        assertEquals(before, rows(dir), "the same rows, not written again (their rowids kept)");
        // A row changed behind the case's back is written again as extraction finds it.
        org.tracelab.core.testing.Tamper.sql(dir, "UPDATE entities SET raw = '@fictitious_JOBS' WHERE item_id = 2");
        try (Case c = Case.openForWriting(dir, "Cadet A", java.time.Clock.systemUTC())) {
            assertEquals(List.of("@fictitious_JOBS"), c.entities("telegram", 1).getFirst().forms());
            c.reindex(true, Progress.NONE);
            assertEquals(List.of("@fictitious_jobs"), c.entities("telegram", 1).getFirst().forms());
            assertTrue(c.verify(null).holds());
        }
        // Item 2's one row was the last, so the row written again takes its rowid back.
        assertEquals(before, rows(dir), "the rows as extraction finds them");
    }

    /** Every entity row with its rowid, in rowid order. */
    private static List<String> rows(Path dir) throws Exception {
        List<String> out = new ArrayList<>();
        try (var db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("case.db"));
             var s = db.createStatement();
             var rs = s.executeQuery("SELECT rowid, item_id, type, value, raw, start_offset, end_offset, found_in"
                     + " FROM entities ORDER BY rowid")) {
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= 8; i++) {
                    b.append(i == 1 ? "" : " ").append(rs.getString(i));
                }
                out.add(b.toString());
            }
        }
        return out;
    }

    private static TestCases.File page(int n, String text) {
        return new TestCases.File("/fictitious/ad-" + n + ".html", "text/html",
                "<html><body><p>Fictitious ad " + n + ". " + text + "</p></body></html>", Map.of());
    }
}
