package org.tracelab.core.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What Tika records in a container's metadata instead of failing becomes a note; messages are fictitious. */
class ExtractionNotesTest {
    @Test
    void aMemberTikaCouldNotOpenIsASkippedMemberWithoutItsStackTrace() {
        List<ExtractionError> notes = ExtractionNotes.of("application/zip", Map.of(
                "X-TIKA:EXCEPTION:embedded_stream_exception", List.of("org.apache.commons.compress.archivers.zip"
                        + ".UnsupportedZipFeatureException: Unsupported feature encryption used in entry s.txt\n"
                        + "\tat org.apache.X.y(X.java:1)")), 1, "s.txt", false);
        assertEquals(List.of(new ExtractionError(ExtractionError.Kind.MEMBER_SKIPPED, "encrypted member skipped: "
                + "UnsupportedZipFeatureException: Unsupported feature encryption used in entry s.txt")), notes);
    }

    @Test
    void anArchiveThatYieldsNothingIsNotedButAnEmptyTextFileIsNot() {
        assertTrue(ExtractionNotes.of("application/zip", Map.of(), 0, " ", false).get(0).message()
                .contains("no members and no text"));
        assertEquals(List.of(), ExtractionNotes.of("text/plain", Map.of(), 0, "", false));
        assertEquals(List.of(), ExtractionNotes.of("application/zip", Map.of(), 0, "", true), "its error says it");
    }
}
