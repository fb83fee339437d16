package org.tracelab.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Case;
import org.tracelab.core.collect.Progress;
import org.tracelab.core.testing.TestCases;

/**
 * A view asked once (a one-shot command) reads the index with plain reads; asked again (the shell, scan) it reopens
 * the index mapped, once, and answers the same. All ads are fictitious.
 */
class IndexViewTest {
    @TempDir
    Path dir;

    @Test
    void theSecondQuestionReopensTheIndexMappedAndAnswersTheSame() throws IOException {
        try (Case c = TestCases.create(dir.resolve("case"), "index view")) {
            TestCases.store(c, Instant.parse("2026-01-01T00:00:00Z"), List.of(
                    TestCases.File.text("ad-1.txt", "Fictitious ad: chet elda ish, viza bepul."),
                    TestCases.File.text("ad-2.txt", "Fictitious ad: viza va chipta bepul, Varshava.")));
            c.ingest(Progress.NONE);
            try (IndexView view = new IndexView(c.dir(), c.blobs())) {
                assertFalse(view.mapped(), "nothing is open before the first question");
                java.util.SortedSet<Long> first = view.ask(s -> s.ids(new MatchAllDocsQuery()));
                assertFalse(view.mapped(), "one question reads the files unmapped");
                java.util.SortedSet<Long> second = view.ask(s -> s.ids(new MatchAllDocsQuery()));
                assertTrue(view.mapped(), "a second question reopens the index mapped");
                java.util.SortedSet<Long> third = view.ask(s -> s.ids(new MatchAllDocsQuery()));
                assertTrue(view.mapped(), "and keeps it so");
                assertEquals(2, first.size());
                assertEquals(first, second);
                assertEquals(second, third);
            }
        }
    }
}
