package org.tracelab.core.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Case;
import org.tracelab.core.TracelabException;
import org.tracelab.core.collect.Progress;
import org.tracelab.core.testing.TestCases;

/**
 * A case held open across many searches (the shell): one index reader for all of them, a new one once a writer has
 * changed the index, a stop when the person asks, and the case closed by its last holder. All ads are fictitious.
 */
class OpenCaseSearchTest {
    @TempDir
    Path dir;

    private Case aCaseOf(String... ads) throws IOException {
        Case c = TestCases.create(dir.resolve("case"), "open case search");
        TestCases.store(c, java.time.Instant.parse("2026-01-01T00:00:00Z"),
                java.util.Arrays.stream(ads).map(a -> TestCases.File.text("ad.txt", a)).toList());
        c.ingest(Progress.NONE);
        return c;
    }

    @Test
    void aReaderKeptOpenSeesWhatAWriterIndexesAfterIt() throws IOException {
        try (Case writer = aCaseOf("Fictitious ad: chet elda ish, viza bepul.")) {
            try (Case reader = Case.openForReading(writer.dir(), writer.clock())) {
                assertEquals(1, reader.search(SearchRequest.of("viza")).total());
                TestCases.store(writer, java.time.Instant.parse("2026-01-02T00:00:00Z"),
                        List.of(TestCases.File.text("ad-2.txt", "Fictitious ad: viza va chipta bepul.")));
                writer.ingest(Progress.NONE);
                assertEquals(2, reader.search(SearchRequest.of("viza")).total(), "the reader reopens the index");
                writer.reindex(false, Progress.NONE);
                assertEquals(2, reader.search(SearchRequest.of("viza")).total(), "and after a rebuild");
            }
        }
    }

    @Test
    void aSearchAskedToStopSaysSoAndTheNextOneAnswers() throws IOException {
        try (Case c = aCaseOf("Fictitious ad: chet elda ish, viza bepul.")) {
            AtomicBoolean stop = new AtomicBoolean(true);
            c.cancelWhen(stop::get);
            TracelabException e = assertThrows(TracelabException.class,
                    () -> c.search(SearchRequest.of("viza")));
            assertEquals(TracelabException.Failure.CANCELLED, e.failure(), e::getMessage);
            stop.set(false);
            assertEquals(1, c.search(SearchRequest.of("viza")).total());
        }
    }

    @Test
    void aRetainedCaseClosesWithItsLastHolder() throws IOException {
        aCaseOf("Fictitious ad: viza bepul.").close();
        Case reader = Case.openForReading(dir.resolve("case"), java.time.Clock.systemUTC());
        Case lent = reader.retain();
        lent.close();
        assertEquals(1, reader.search(SearchRequest.of("viza")).total(), "still open for its first holder");
        reader.close();
        assertThrows(IllegalStateException.class, reader::retain, "closed by its last holder");
    }
}
