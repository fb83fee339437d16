package org.tracelab.core.items;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.Case;
import org.tracelab.core.CaseManifest;
import org.tracelab.core.collect.CaptureSink;
import org.tracelab.core.collect.NewItem;

/**
 * A note's id is the row's, read by the store itself: the case's connection gives no generated keys. All data
 * fictitious.
 */
class NoteIdsTest {
    @Test
    void eachNoteGetsTheIdOfItsRow(@TempDir Path dir) throws Exception {
        Instant at = Instant.parse("2026-03-01T10:15:30.123Z");
        try (Case c = Case.create(dir.resolve("case"), CaseManifest.create("Notes (fictitious)", "Cadet A",
                "Training exercise: note ids", "UZ", at), Clock.systemUTC())) {
            CaptureSink sink = c.startCapture("file", Map.of(), null);
            for (int i = 1; i <= 2; i++) {
                sink.store(NewItem.of("file", "/fictitious/ad-" + i + ".txt", at, "file", "text/plain", null,
                        Map.of()), new ByteArrayInputStream(("ad " + i).getBytes(StandardCharsets.UTF_8)));
            }
            c.finishCapture("file", Map.of());
            long first = c.note(2, "first (fictitious)");
            long second = c.note(1, "second (fictitious)");
            long third = c.note(2, "third (fictitious)");
            assertEquals(List.of(1L, 2L, 3L), List.of(first, second, third));
            assertEquals(List.of(first, third), c.notes(2).stream().map(Note::id).toList());
            assertEquals(List.of("first (fictitious)", "third (fictitious)"),
                    c.notes(2).stream().map(Note::text).toList());
        }
    }
}
