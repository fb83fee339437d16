package org.tracelab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class TracelabExceptionTest {
    @Test
    void aMessageQuotingALineBreakOrAnEscapeStaysOneLine() {
        // Found by fuzzing a pack whose language value held a line break; any input a message quotes may.
        TracelabException e = TracelabException.badInput("pack.json $.language",
                "unknown language 'en\nru\u001b[2J' (expected en, ru or uz)");
        assertEquals("pack.json $.language: unknown language 'en\\nru\\u001b[2J' (expected en, ru or uz)",
                e.getMessage());
    }

    @Test
    void anIoFailureQuotingItsCauseStaysOneLine() {
        TracelabException e = TracelabException.io("case.db", new IOException("disk\r\nfull"));
        assertEquals("case.db: disk\\r\\nfull", e.getMessage());
        assertEquals(TracelabException.Failure.IO, e.failure());
    }
}
